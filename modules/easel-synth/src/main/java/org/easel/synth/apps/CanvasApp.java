package org.easel.synth.apps;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.util.List;
import org.easel.synth.content.Finance;
import org.easel.synth.render.Money;
import org.easel.synth.render.Words;
import org.easel.synth.ui.ChartView;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/**
 * A big canvas between docked panels: an image editor (tool box, picture, layers, histogram), a scientific
 * plot or system monitor (graphs of %, °C, KiB/s), or — financial — a trading / charting program (price
 * chart, watchlist with prices, order ticket). Same docks and canvas, different content.
 */
public final class CanvasApp implements App {
    public enum Mode {
        IMAGE_EDITOR(false), MONITOR(false), TRADING(true);

        final boolean financial;

        Mode(boolean financial) {
            this.financial = financial;
        }
    }

    private final Mode mode;

    public CanvasApp(Mode mode) {
        this.mode = mode;
    }

    @Override
    public String name() {
        return switch (mode) {
            case IMAGE_EDITOR -> "canvas.image_editor";
            case MONITOR -> "canvas.monitor";
            case TRADING -> "canvas.trading_chart";
        };
    }

    @Override
    public boolean financial() {
        return mode.financial;
    }

    @Override
    public String title(Ui u) {
        return switch (mode) {
            case IMAGE_EDITOR -> "[" + Words.word(u.r) + "] (" + u.pick("imported", "modified") + ")-" + u.i(1, 9) + ".0 (RGB color 8-bit gamma integer, GIMP"
                    + " built-in sRGB, 1 layer) " + u.i(640, 4000) + "x" + u.i(480, 3000) + u.pick(" – GNU Image Manipulation Program", " - Krita", " — Pinta");
            case MONITOR -> u.pick("System Monitor", "Resources", "Plot - " + Words.word(u.r) + ".dat", "KSysGuard", "Performance");
            case TRADING -> Money.ticker(u.r) + " · " + u.pick("1D", "1H", "1W", "5m") + u.pick(" - Trader", " — Stocks", " - Charts", " - Portfolio");
        };
    }

    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Rectangle r = Shell.top(u, client, mode == Mode.IMAGE_EDITOR ? List.of("File", "Edit", "Select", "View", "Image", "Layer", "Colors", "Tools",
                "Filters", "Windows", "Help") : Shell.MENUS, Shell.randomTools(u), false);
        Money m = env.money();
        r = Shell.bottom(u, r, mode == Mode.IMAGE_EDITOR ? "px  " + u.i(25, 400) + "%  " + Words.word(u.r) + ".png (" + u.i(1, 90) + ".2 MB)"
                : mode == Mode.MONITOR ? "Updated every " + u.i(1, 5) + " s" : "Market " + u.pick("open", "closed"), mode == Mode.TRADING && u.p(0.5)
                ? "Equity: " + m.amount(u.u(1000, 500000), 2) : null, mode == Mode.TRADING);
        // left dock: a tool box (editor) or a list
        if (mode == Mode.IMAGE_EDITOR || u.p(0.3)) {
            int w = u.p(0.5) ? 2 * 30 + 10 : 36;
            u.fill(u.s.window(), r.x, r.y, w, r.height);
            Icons.Kind[] tools = {Icons.Kind.SELECT, Icons.Kind.MOVE, Icons.Kind.BRUSH, Icons.Kind.PENCIL, Icons.Kind.TEXT, Icons.Kind.ZOOM,
                    Icons.Kind.CUT, Icons.Kind.GRID, Icons.Kind.UNDO, Icons.Kind.STAR};
            int cols = w > 40 ? 2 : 1;
            for (int k = 0; k < tools.length; k++) {
                Icons.draw(u, tools[k], r.x + 7 + (k % cols) * 30, r.y + 8 + (k / cols) * 30, 18);
            }
            u.vline(u.s.border(), r.x + w, r.y, r.height);
            r = new Rectangle(r.x + w + 1, r.y, r.width - w - 1, r.height);
        }
        // right dock
        Rectangle[] split = Shell.splitRight(u, r, u.u(0.2, 0.28));
        dock(u, split[1], m, env);
        Rectangle canvas = split[0];
        switch (mode) {
            case IMAGE_EDITOR -> {
                u.fill(u.mix(u.s.window(), Color.BLACK, u.s.dark() ? 0.3 : 0.25), canvas.x, canvas.y, canvas.width, canvas.height);
                int ruler = u.p(0.6) ? 16 : 0;
                if (ruler > 0) {
                    u.fill(u.s.window(), canvas.x, canvas.y, canvas.width, ruler);
                    u.fill(u.s.window(), canvas.x, canvas.y, ruler, canvas.height);
                    Font rf = u.ui(Font.PLAIN, 0.7f);
                    for (int k = 0; k < canvas.width / 100; k++) {
                        u.vline(u.s.dim(), canvas.x + ruler + k * 100, canvas.y + 6, 10);
                        u.text(Integer.toString(k * 100), canvas.x + ruler + k * 100 + 2, canvas.y + 11, rf, u.s.dim());
                    }
                }
                int pw = (int) (canvas.width * u.u(0.55, 0.92));
                int ph = (int) Math.min(canvas.height * u.u(0.55, 0.92), pw * u.u(0.55, 1.1));
                int px = canvas.x + (canvas.width - pw) / 2;
                int py = canvas.y + (canvas.height - ph) / 2;
                Picture.draw(u, env.photos(), new Rectangle(px, py, pw, ph));
            }
            case MONITOR -> {
                u.fill(u.s.view(), canvas.x, canvas.y, canvas.width, canvas.height);
                int n = u.i(1, 3);
                for (int k = 0; k < n; k++) {
                    Rectangle part = new Rectangle(canvas.x + 6, canvas.y + k * canvas.height / n + 4, canvas.width - 12, canvas.height / n - 8);
                    int unit = u.i(0, 3);
                    String[] names = {"CPU History", "Memory and Swap", "Network", "Temperature"};
                    String[] units = {"%", " GiB", " KiB/s", " °C"};
                    double[] v = ChartView.walk(u, u.i(40, 160), u.u(10, 60), 0.08);
                    int span = v.length;
                    ChartView.draw(u, part, u.pick(ChartView.LINE, ChartView.AREA, ChartView.LINE), v, d -> String.format("%.0f", d) + units[unit], false,
                            i -> (span - 1 - i) + " s", names[unit], u.s.accent());
                }
            }
            case TRADING -> {
                u.fill(u.s.view(), canvas.x, canvas.y, canvas.width, canvas.height);
                double[] v = ChartView.walk(u, u.i(40, 140), Money.startPrice(u.r), 0.015);
                int dec = Money.priceDecimals(v[0]);
                int dateStyle = u.i(0, 5);
                int year = u.i(2005, 2025);
                ChartView.draw(u, Shell.inset(canvas, 6), u.pick(ChartView.CANDLES, ChartView.LINE, ChartView.AREA, ChartView.CANDLES), v,
                        d -> m.number(d, dec), true, i -> Money.date(year, 2, i, dateStyle), Money.ticker(u.r) + "  " + m.amount(v[v.length - 1], dec),
                        u.s.accent());
            }
        }
    }

    private void dock(Ui u, Rectangle d, Money m, Env env) {
        Font b = u.ui(Font.BOLD, 1f);
        double y = d.y + u.s.fontPx() * 1.6;
        switch (mode) {
            case IMAGE_EDITOR -> {
                u.text(u.pick("Layers", "Layers – Brushes", "Layers and Channels"), d.x + 8, y, b, u.s.text());
                y += 8;
                for (int k = 0; k < u.i(2, 6); k++) {
                    int rowH = 36;
                    if (k == 0) {
                        u.fill(u.s.selBg(), d.x + 1, y, d.width - 1, rowH);
                    }
                    u.fill(u.mix(u.s.view(), u.s.text(), 0.2), d.x + 8, y + 4, 40, 28);
                    Icons.draw(u, Icons.Kind.IMAGE, d.x + 14, y + 8, 20);
                    u.text(u.pick("Background", "Layer " + k, "Copy", "Shadow", "Text", Words.word(u.r)), d.x + 56, y + 22, u.ui(), k == 0 ? u.s.selFg()
                            : u.s.text());
                    y += rowH;
                }
                y += 16;
                if (y < d.y + d.height - 160) {
                    u.text(u.pick("Histogram", "Levels", "Colors"), d.x + 8, y, b, u.s.text());
                    Histogram.draw(u, new Rectangle(d.x + 8, (int) y + 8, d.width - 16, 110));
                    y += 130;
                    Font f = u.ui(Font.PLAIN, 0.9f);
                    for (String s : List.of("Mean: " + String.format("%.1f", u.u(40, 200)), "Std dev: " + String.format("%.1f", u.u(10, 80)),
                            "Pixels: " + String.format("%,d", u.i(100_000, 9_000_000)), "Median: " + u.i(20, 230))) {
                        u.text(s, d.x + 10, y, f, u.s.text());
                        y += u.s.fontPx() * 1.5;
                    }
                }
            }
            case MONITOR -> {
                Table t = new Table().col(Table.Column.text(u.pick("Sensor", "Device", "Series"), 1)).col(Table.Column.number(u.pick("Value", "Now")));
                for (int k = 0; k < u.i(5, 14); k++) {
                    t.add(u.pick("Core " + k, "eth0", "sda", "fan" + k, "GPU", "battery"), String.format("%.1f", u.u(0, 99)) + u.pick(" %", " °C", " RPM", " MB/s"));
                }
                TableView.draw(u, new Rectangle(d.x + 1, d.y, d.width - 1, d.height), t, TableView.Style.random(u));
            }
            case TRADING -> {
                Rectangle[] parts = new Rectangle[] {new Rectangle(d.x + 1, d.y, d.width - 1, (int) (d.height * u.u(0.5, 0.7))), null};
                Table t = new Table().col(Table.Column.text("Symbol", 1)).col(Table.Column.money("Last")).col(Table.Column.number("Chg%"));
                for (int k = 0; k < 25; k++) {
                    double p = Money.startPrice(u.r);
                    double c = u.u(-6, 6);
                    t.add(Money.ticker(u.r), m.number(p, Money.priceDecimals(p)), m.percent(c, true)).color(2, c < 0 ? u.s.red() : u.s.green());
                }
                TableView.draw(u, parts[0], t, TableView.Style.random(u));
                double oy = parts[0].y + parts[0].height + u.s.fontPx() * 2;
                u.text(u.pick("Order", "Trade", "New order"), d.x + 8, oy, b, u.s.text());
                oy += 10;
                for (String label : List.of("Quantity", "Limit price", "Est. cost")) {
                    if (oy > d.y + d.height - 40) {
                        break;
                    }
                    u.label(label, d.x + 8, oy, 90, u.s.rowH());
                    boolean money = !label.equals("Quantity");
                    u.field(d.x + 100, oy, d.width - 110, u.s.rowH(), money ? m.amount(u.u(5, 20000), 2) : Integer.toString(u.i(1, 500)), money, true);
                    oy += u.s.rowH() + 8;
                }
                if (oy < d.y + d.height - 40) {
                    u.button(d.x + 8, oy + 4, (d.width - 24) / 2.0, u.s.rowH() + 4, "Buy", true);
                    u.button(d.x + 16 + (d.width - 24) / 2.0, oy + 4, (d.width - 24) / 2.0, u.s.rowH() + 4, "Sell", false);
                }
                Finance.date(u, 0, 2020, 1, 1);
            }
        }
    }

    /** A filled luminance histogram, as image editors' Levels and Histogram dialogs show. */
    static final class Histogram {
        private Histogram() {
        }

        static void draw(Ui u, Rectangle r) {
            u.fill(u.s.view(), r.x, r.y, r.width, r.height);
            u.outline(u.s.border(), r.x, r.y, r.width, r.height, 0);
            int n = r.width - 2;
            double[] h = new double[n];
            double peak1 = u.u(0.1, 0.5);
            double peak2 = u.u(0.5, 0.95);
            for (int k = 0; k < n; k++) {
                double x = k / (double) n;
                h[k] = Math.exp(-Math.pow((x - peak1) / u.u(0.05, 0.2), 2)) + 0.7 * Math.exp(-Math.pow((x - peak2) / 0.1, 2)) + u.u(0, 0.12);
            }
            double max = 0;
            for (double v : h) {
                max = Math.max(max, v);
            }
            Path2D.Double p = new Path2D.Double();
            p.moveTo(r.x + 1, r.y + r.height - 1);
            for (int k = 0; k < n; k++) {
                p.lineTo(r.x + 1 + k, r.y + r.height - 1 - h[k] / max * (r.height - 6));
            }
            p.lineTo(r.x + n, r.y + r.height - 1);
            p.closePath();
            u.g.setColor(u.mix(u.s.text(), u.s.view(), 0.35));
            u.g.fill(p);
        }
    }
}
