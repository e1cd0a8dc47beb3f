package org.easel.synth.apps;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.easel.synth.content.Finance;
import org.easel.synth.content.Plain;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/** A spreadsheet program (Calc/Excel/Gnumeric-like): formula bar, lettered grid, sheet tabs; money or non-money figures. */
public final class SpreadsheetApp implements App {
    private final boolean financial;

    public SpreadsheetApp(boolean financial) {
        this.financial = financial;
    }

    @Override
    public String name() {
        return "spreadsheet";
    }

    @Override
    public boolean financial() {
        return financial;
    }

    @Override
    public String title(Ui u) {
        String doc = financial ? u.pick("budget", "expenses", "household", "sales", "cashflow", "invoices", "accounts") + u.pick("_2023", "-2024", " Q3", "")
                : u.pick("results", "measurements", "league", "timetable", "inventory", "grades", "survey", "weather") + u.pick("_2023", "-v2", " (1)", "");
        return doc + u.pick(".ods", ".xlsx", ".csv", ".gnumeric") + u.pick(" - LibreOffice Calc", " - Excel", " — Gnumeric", "");
    }

    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Rectangle r = Shell.top(u, client, List.of("File", "Edit", "View", "Insert", "Format", "Sheet", "Data", "Tools", "Window", "Help"),
                Shell.randomTools(u), false);
        Table t = financial ? Finance.moneySheet(u, env.money()) : Plain.numberSheet(u);
        // formula bar
        Font f = u.ui();
        int fh = Math.round(u.s.fontPx() * 2.2f);
        u.fill(u.s.window(), r.x, r.y, r.width, fh);
        u.field(r.x + 4, r.y + 3, 70, fh - 6, TableView.letter(u.i(0, 5)) + u.i(1, 30), false, false);
        u.text("ƒx  Σ  =", r.x + 84, u.baseline(f, r.y, fh), f, u.s.dim());
        String formula = u.p(0.5) ? "=" + u.pick("SUM", "AVERAGE", "MAX", "MIN", "COUNT") + "(B2:B" + u.i(5, 30) + ")"
                : u.p(0.5) ? Words.title(u.r, u.i(1, 3)) : t.rows.get(Math.min(t.rows.size() - 1, 2)).cells[1];
        boolean money = financial && formula.chars().anyMatch(Character::isDigit) && !formula.startsWith("=");
        u.field(r.x + 150, r.y + 3, r.width - 156, fh - 6, formula, money, false);
        r.y += fh;
        r.height -= fh;
        String left = u.pick("Sheet 1 of " + u.i(1, 5), "Default", "English (USA)", "Ready", "");
        String right;
        boolean rightMoney = false;
        if (u.p(0.6)) {
            if (financial) {
                right = "Sum: " + env.money().amount(u.u(100, 90000));
                rightMoney = true;
            } else {
                right = u.pick("Sum: ", "Average: ", "Count: ") + String.format(u.p(0.5) ? "%.2f" : "%.0f", u.u(1, 9000));
            }
        } else {
            right = u.i(50, 200) + "%";
        }
        r = Shell.bottom(u, r, left, right, rightMoney);
        // sheet tabs
        int th = Math.round(u.s.fontPx() * 2f);
        List<String> names = financial ? List.of(u.pick("Budget", "2023", "Expenses", "Summary"), u.pick("Income", "Q2", "Accounts"), "Sheet3")
                : List.of(u.pick("Data", "Results", "Sheet1", "Raw"), u.pick("Chart", "Summary", "Sheet2"), "Sheet3");
        u.tabs(r.x, r.y + r.height - th, r.width, names.subList(0, u.i(1, 3)), 0);
        r.height -= th;
        TableView.draw(u, r, t, TableView.Style.sheet(u));
    }
}
