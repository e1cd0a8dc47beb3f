package org.easel.synth.apps;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.List;
import org.easel.synth.content.Finance;
import org.easel.synth.content.Line;
import org.easel.synth.content.Plain;
import org.easel.synth.render.Theme;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.Ui;

/**
 * Text in a monospaced face: a code editor / IDE (file tree, tabs, line numbers, syntax colours) or a terminal.
 * Financial: a plain-text accounting journal, a CSV of transactions, ledger balance output. Not financial:
 * source code, shell sessions, CSVs of measurements.
 */
public final class EditorApp implements App {
    private final boolean financial;
    private final boolean terminal;

    public EditorApp(boolean financial, boolean terminal) {
        this.financial = financial;
        this.terminal = terminal;
    }

    @Override
    public String name() {
        return terminal ? "terminal" : "code_editor";
    }

    @Override
    public boolean financial() {
        return financial;
    }

    @Override
    public String title(Ui u) {
        if (terminal) {
            return Words.firstName(u.r).toLowerCase() + "@" + u.pick("debian", "laptop", "box") + ": ~" + u.pick(" — Konsole", " - Terminal", "", " — bash");
        }
        String file = financial ? u.pick("household.ledger", "2023.journal", "main.beancount", "transactions.csv", "expenses.csv")
                : u.pick("Main.java", "train.py", "index.js", "util.c", "README.md", "config.yaml", "data.csv");
        return file + " - " + u.pick("Visual Studio Code", "Kate", "gedit", "Sublime Text", "Vim", "IntelliJ IDEA", "Text Editor");
    }

    private List<Line> lines(Ui u, Env env, int n) {
        if (terminal) {
            if (financial) {
                List<Line> out = new ArrayList<>(Plain.terminal(u, u.i(0, n / 2)));
                out.addAll(Finance.ledgerOutput(u, env.money(), Math.max(8, n - out.size())));
                return out;
            }
            return Plain.terminal(u, n);
        }
        if (financial) {
            if (u.p(0.5)) {
                return Finance.journal(u, env.money(), n);
            }
            List<Line> out = new ArrayList<>();
            out.add(Line.plain("Date,Payee,Category,Amount,Balance"));
            double bal = u.u(100, 9000);
            while (out.size() < n) {
                double v = -Math.exp(u.u(Math.log(2), Math.log(900))) * (u.p(0.15) ? -3 : 1);
                bal += v;
                out.add(new Line(String.format("%d-%02d-%02d,%s,%s,%.2f,%.2f", u.i(2015, 2025), u.i(1, 12), u.i(1, 28), u.pick(Finance.PAYEES),
                        u.pick("Groceries", "Rent", "Fuel", "Salary", "Dining"), v, bal), true));
            }
            return out;
        }
        if (u.p(0.15)) {
            List<Line> out = new ArrayList<>();
            out.add(Line.plain("sample,length_mm,mass_g,temp_c,count"));
            while (out.size() < n) {
                out.add(Line.plain(String.format("S-%d,%.2f,%.1f,%.1f,%d", u.i(100, 999), u.u(1, 300), u.u(0.1, 900), u.u(-10, 40), u.i(0, 5000))));
            }
            return out;
        }
        return Plain.code(u, n);
    }

    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Rectangle r = client;
        boolean dark = terminal ? u.p(0.7) : u.s.dark() || u.p(0.35);
        Color bg = terminal ? (dark ? new Color(u.i(0, 40), u.i(0, 40), u.i(0, 48)) : new Color(0xfafafa))
                : dark ? new Color(u.pick(0x1e1e1e, 0x282c34, 0x2b2b2b, 0x272822)) : Color.WHITE;
        Color fg = dark ? new Color(u.pick(0xd4d4d4, 0xabb2bf, 0xf8f8f2, 0xe0e0e0)) : new Color(0x24292e);
        if (!terminal) {
            r = Shell.top(u, r, List.of("File", "Edit", "Selection", "View", "Go", "Run", "Terminal", "Help"), Shell.randomTools(u), false);
            r = Shell.bottom(u, r, "Ln " + u.i(1, 400) + ", Col " + u.i(1, 80), u.pick("UTF-8", "Spaces: 4", "LF"), false);
            if (u.p(0.7)) {
                Table tree = new Table().col(Table.Column.text("", 1));
                tree.add(u.pick("project", "src", "ledger", "notes", "workspace")).depth(0, true).icon(Icons.Kind.FOLDER);
                for (int k = 0; k < u.i(5, 14); k++) {
                    tree.add(Plain.fileName(u)).depth(u.i(1, 2), false).icon(Icons.Kind.FILE);
                }
                r = Shell.side(u, r, tree, u.u(0.14, 0.22));
            }
            if (u.p(0.7)) {
                int h = u.tabs(r.x, r.y, r.width, List.of(title(u).split(" - ")[0], Plain.fileName(u), Plain.fileName(u)).subList(0, u.i(1, 3)), 0);
                r.y += h;
                r.height -= h;
            }
        } else if (u.p(0.4)) {
            int h = u.tabs(r.x, r.y, r.width, List.of("bash", "ssh", "top").subList(0, u.i(1, 3)), 0);
            r.y += h;
            r.height -= h;
        }
        u.fill(bg, r.x, r.y, r.width, r.height);
        float px = u.s.fontPx() + (float) u.u(-1, 1);
        Font f = u.mono(px);
        int lineH = Math.round(px * (float) u.u(1.25, 1.5));
        int n = r.height / lineH + 1;
        List<Line> lines = lines(u, env, n);
        boolean gutter = !terminal && u.p(0.85);
        double x0 = r.x + (gutter ? u.width("0000", f) + 18 : 8);
        Color[] syntax = {new Color(dark ? 0x569cd6 : 0x0033b3), new Color(dark ? 0xce9178 : 0x067d17), new Color(dark ? 0x6a9955 : 0x8c8c8c),
                new Color(dark ? 0xc586c0 : 0x871094)};
        Shape clip = u.g.getClip();
        u.g.clip(r);
        for (int k = 0; k < lines.size() && k < n; k++) {
            double y = r.y + lineH * (k + 1) - lineH * 0.25;
            if (gutter) {
                u.textRight(Integer.toString(k + 1), x0 - 10, y, f, Theme.mix(bg, fg, 0.4), false);
            }
            Line line = lines.get(k);
            String text = line.text();
            Color c = fg;
            if (!terminal && !line.money()) {
                String t = text.trim();
                c = t.startsWith("//") || t.startsWith("#") || t.startsWith("/*") ? syntax[2] : t.contains("\"") || t.contains("'") ? syntax[1]
                        : t.startsWith("public") || t.startsWith("def") || t.startsWith("function") || t.startsWith("import") ? syntax[0] : fg;
            } else if (terminal && text.contains("$ ")) {
                c = dark ? new Color(0x8ae234) : new Color(0x4e9a06);
            }
            String shown = u.fit(text, f, r.x + r.width - x0 - 12);
            if (line.money() && shown.equals(text)) {
                u.money(shown, x0, y, f, c);
            } else {
                u.text(shown, x0, y, f, c);
            }
        }
        if (terminal) {
            u.fill(fg, x0 + u.width("$ ", f), r.y + lineH * Math.min(n - 1, lines.size()) + 2, px * 0.6, px);
        }
        u.g.setClip(clip);
    }
}
