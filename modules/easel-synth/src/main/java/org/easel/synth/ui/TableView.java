package org.easel.synth.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.util.List;

/**
 * Draws a {@link Table} as a list/tree view (header, rows, selection, alternate stripes, scroll bar) or as a
 * spreadsheet grid (column letters, row numbers, cell borders). Column widths follow the content, the widest
 * text column takes the spare room, and what does not fit is cut off at the right as in a real view.
 */
public final class TableView {
    private TableView() {
    }

    /** Options a program chooses for its view. */
    public record Style(boolean header, boolean hGrid, boolean vGrid, boolean stripes, int selected, boolean sheet, double fontScale, Color stripe,
                        boolean scrollbar) {
        public Style(boolean header, boolean hGrid, boolean vGrid, boolean stripes, int selected, boolean sheet, double fontScale) {
            this(header, hGrid, vGrid, stripes, selected, sheet, fontScale, null, true);
        }

        /** The same table printed in a document or web page: no scroll bar. */
        public Style printed() {
            return new Style(header, hGrid, vGrid, stripes, selected, sheet, fontScale, stripe, false);
        }

        /**
         * A list view's options. Some programs (of both classes) tint alternate rows — pale yellow, green or blue,
         * as some finance programs' registers and some file managers' themes do.
         */
        public static Style random(Ui u) {
            boolean grid = u.p(0.4);
            Color tint = null;
            if (!u.s.dark() && u.p(0.15)) {
                tint = u.pick(new Color(0xfffbe6), new Color(0xeef8e8), new Color(0xeaf2fb), new Color(0xf6f0ff));
            }
            return new Style(true, grid || u.p(0.3), grid && u.p(0.6), tint != null || u.s.viewAlt() != u.s.view(), u.p(0.6) ? u.i(0, 12) : -1, false,
                    u.p(0.8) ? 1f : u.u(0.9, 1.1), tint, true);
        }

        public static Style sheet(Ui u) {
            return new Style(true, true, true, false, -1, true, u.u(0.9, 1.05));
        }
    }

    public static void draw(Ui u, Rectangle area, Table t, Style style) {
        Shape oldClip = u.g.getClip();
        u.g.clip(area);
        Skin s = u.s;
        u.fill(s.view(), area.x, area.y, area.width, area.height);
        Font f = u.ui(Font.PLAIN, (float) style.fontScale());
        Font bold = u.ui(Font.BOLD, (float) style.fontScale());
        int rowH = style.sheet() ? Math.round(f.getSize2D() * 1.55f) : Math.round(s.rowH() * (float) style.fontScale());
        int headH = Math.round(rowH * (style.sheet() ? 1.0f : 1.15f));
        int gutter = style.sheet() ? u.width("0000", f) + 8 : 0;
        int scroll = u.scrollWidth();
        double[] widths = widths(u, t, f, area.width - gutter - scroll, style);
        double x0 = area.x + gutter;
        double y = area.y;
        Color headBg = style.sheet() ? u.mix(s.window(), s.text(), 0.06) : s.header();
        if (style.header()) {
            u.fill(headBg, area.x, y, area.width, headH);
            double cx = x0;
            for (int c = 0; c < t.columns.size() && cx < area.x + area.width; c++) {
                Table.Column col = t.columns.get(c);
                String name = style.sheet() ? letter(c) : col.name();
                Font hf = style.sheet() ? f : s.look() == Skin.Look.CLASSIC || u.p(0.3) ? f : bold;
                double by = u.baseline(hf, y, headH);
                if (style.sheet()) {
                    u.textCenter(name, cx + widths[c] / 2, by, hf, s.text());
                } else if (col.right()) {
                    u.textRight(u.fit(name, hf, widths[c] - 10), cx + widths[c] - 6, by, hf, s.text(), false);
                } else {
                    u.text(u.fit(name, hf, widths[c] - 10), cx + 6, by, hf, s.text());
                }
                if (s.look() == Skin.Look.CLASSIC) {
                    u.bevel(cx, y, widths[c], headH, true);
                } else {
                    u.vline(u.mix(headBg, s.text(), 0.2), cx + widths[c] - 1, y + (style.sheet() ? 0 : 4), headH - (style.sheet() ? 0 : 8));
                }
                cx += widths[c];
            }
            if (style.sheet()) {
                // a sheet's lettered columns go on past the data
                for (int c = t.columns.size(); cx < area.x + area.width; c++) {
                    double w = widths.length > 0 ? widths[widths.length - 1] : 80;
                    u.textCenter(letter(c), cx + w / 2, u.baseline(f, y, headH), f, s.text());
                    u.vline(u.mix(headBg, s.text(), 0.2), cx + w - 1, y, headH);
                    cx += w;
                }
            }
            u.hline(u.mix(headBg, s.text(), 0.25), area.x, y + headH - 1, area.width);
            y += headH;
        }
        Color gridC = u.mix(s.view(), s.text(), style.sheet() ? 0.18 : 0.1);
        int n = 0;
        for (Table.Row row : t.rows) {
            if (y > area.y + area.height) {
                break;
            }
            boolean sel = n == style.selected();
            Color alt = style.stripe() != null ? style.stripe() : s.viewAlt();
            Color bg = sel ? s.selBg() : style.stripes() && n % 2 == 1 ? alt : s.view();
            if (bg != s.view()) {
                u.fill(bg, area.x + gutter, y, area.width - gutter, rowH);
            }
            if (style.sheet()) {
                u.fill(headBg, area.x, y, gutter, rowH);
                u.textRight(Integer.toString(n + 1), area.x + gutter - 5, u.baseline(f, y, rowH), f, s.text(), false);
                u.vline(gridC, area.x + gutter - 1, y, rowH);
            }
            double cx = x0;
            double by = u.baseline(f, y, rowH);
            for (int c = 0; c < t.columns.size() && c < row.cells.length && cx < area.x + area.width; c++) {
                Table.Column col = t.columns.get(c);
                String cell = row.cells[c];
                Font cf = row.bold ? bold : f;
                Color ink = sel ? s.selFg() : row.colors[c] != null ? row.colors[c] : s.text();
                boolean money = col.money() && cell != null && cell.chars().anyMatch(Character::isDigit);
                double pad = 6;
                if (c == 0 && (row.depth > 0 || row.parent || row.icon != null)) {
                    double indent = row.depth * (s.fontPx() * 1.4);
                    if (row.parent) {
                        u.expander(cx + pad + indent + 4, y + rowH / 2.0, true, sel ? s.selFg() : s.dim());
                    }
                    pad += indent + 14;
                    if (row.icon != null) {
                        Icons.draw(u, row.icon, cx + pad, y + (rowH - 16) / 2.0, 16);
                        pad += 22;
                    }
                }
                if (cell != null && !cell.isEmpty()) {
                    String shown = u.fit(cell, cf, widths[c] - pad - 4);
                    if (!shown.equals(cell)) {
                        // a cut-off amount no longer states one
                        money = false;
                    }
                    if (col.right()) {
                        u.textRight(shown, cx + widths[c] - 6, by, cf, ink, money);
                    } else if (money) {
                        u.money(shown, cx + pad, by, cf, ink);
                    } else {
                        u.text(shown, cx + pad, by, cf, ink);
                    }
                }
                if (style.vGrid()) {
                    u.vline(gridC, cx + widths[c] - 1, y, rowH);
                }
                cx += widths[c];
            }
            if (style.sheet()) {
                double w = widths.length > 0 ? widths[widths.length - 1] : 80;
                for (; cx < area.x + area.width; cx += w) {
                    u.vline(gridC, cx + w - 1, y, rowH);
                }
            }
            if (style.hGrid()) {
                u.hline(gridC, area.x + gutter, y + rowH - 1, area.width - gutter);
            }
            y += rowH;
            n++;
        }
        if (style.sheet()) {
            // empty grid continues below the data, as in a real sheet
            for (; y < area.y + area.height; y += rowH) {
                n++;
                u.fill(headBg, area.x, y, gutter, rowH);
                u.textRight(Integer.toString(n), area.x + gutter - 5, u.baseline(f, y, rowH), f, s.text(), false);
                u.hline(gridC, area.x, y + rowH - 1, area.width);
                double cx = x0;
                for (int c = 0; cx < area.x + area.width; c++) {
                    cx += c < widths.length ? widths[c] : widths.length > 0 ? widths[widths.length - 1] : 80;
                    u.vline(gridC, cx - 1, y, rowH);
                }
            }
        }
        double visible = Math.max(0.05, Math.min(1, (area.height - headH) / (double) Math.max(1, rowH * Math.max(1, t.rows.size() + u.i(0, 40)))));
        if (style.scrollbar() && (visible < 1 || u.p(0.3))) {
            u.vscroll(area.x + area.width - scroll, area.y + (style.header() ? headH : 0), area.height - (style.header() ? headH : 0), u.u(0, 1),
                    visible);
        }
        u.g.setClip(oldClip);
    }

    private static double[] widths(Ui u, Table t, Font f, double avail, Style style) {
        int n = t.columns.size();
        double[] w = new double[n];
        double sum = 0;
        for (int c = 0; c < n; c++) {
            Table.Column col = t.columns.get(c);
            double max = u.width(col.name(), f) + 18;
            int k = 0;
            for (Table.Row row : t.rows) {
                if (k++ > 40) {
                    break;
                }
                if (c < row.cells.length && row.cells[c] != null) {
                    double extra = c == 0 ? row.depth * u.s.fontPx() * 1.4 + (row.parent || row.depth > 0 ? 14 : 0) + (row.icon != null ? 22 : 0) : 0;
                    max = Math.max(max, u.width(row.cells[c], f) + 16 + extra);
                }
            }
            w[c] = Math.min(max, col.weight() > 0 ? avail * 0.6 : avail * 0.35);
            if (style.sheet()) {
                w[c] = Math.max(w[c], u.width("000000000", f));
            }
            sum += w[c];
        }
        if (sum < avail && !style.sheet()) {
            double weights = 0;
            for (Table.Column col : t.columns) {
                weights += col.weight();
            }
            for (int c = 0; c < n; c++) {
                double share = weights > 0 ? t.columns.get(c).weight() / weights : 1.0 / n;
                w[c] += (avail - sum) * share;
            }
        }
        return w;
    }

    /** Column letters for spreadsheet formulas: 0 → A. */
    public static String letter(int column) {
        return column < 26 ? String.valueOf((char) ('A' + column)) : letter(column / 26 - 1) + (char) ('A' + column % 26);
    }

    /** A tiny helper for lists of strings as one-column tables (side panels). */
    public static Table list(String header, List<String> items, Icons.Kind icon) {
        Table t = new Table().col(Table.Column.text(header, 1));
        for (String s : items) {
            t.add(s).icon(icon);
        }
        return t;
    }
}
