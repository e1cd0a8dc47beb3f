package org.easel.synth.ui;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows and columns for a list, table, tree or spreadsheet view. Money columns mark their non-empty cells as
 * money information (for the label check); a row's depth indents its first cell as in a tree view.
 */
public final class Table {
    /** A column: header, right-aligned or not, share of spare width, and whether its figures are money. */
    public record Column(String name, boolean right, double weight, boolean money) {
        public static Column text(String name, double weight) {
            return new Column(name, false, weight, false);
        }

        public static Column number(String name) {
            return new Column(name, true, 0, false);
        }

        public static Column money(String name) {
            return new Column(name, true, 0, true);
        }
    }

    /** A row: cells, optional per-cell colours (null = default), tree depth, whether it has children, bold. */
    public static final class Row {
        public final String[] cells;
        public final Color[] colors;
        public int depth;
        public boolean parent;
        public boolean bold;
        public Icons.Kind icon;

        public Row(String... cells) {
            this.cells = cells;
            this.colors = new Color[cells.length];
        }

        public Row color(int column, Color c) {
            colors[column] = c;
            return this;
        }

        public Row depth(int d, boolean hasChildren) {
            depth = d;
            parent = hasChildren;
            return this;
        }

        public Row bold() {
            bold = true;
            return this;
        }

        public Row icon(Icons.Kind k) {
            icon = k;
            return this;
        }
    }

    public final List<Column> columns = new ArrayList<>();
    public final List<Row> rows = new ArrayList<>();

    public Table col(Column c) {
        columns.add(c);
        return this;
    }

    public Row add(String... cells) {
        Row row = new Row(cells);
        rows.add(row);
        return row;
    }

    public boolean hasMoney() {
        return columns.stream().anyMatch(Column::money);
    }
}
