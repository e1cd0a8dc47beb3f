package org.easel.synth.apps;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.easel.synth.content.Finance;
import org.easel.synth.content.Line;
import org.easel.synth.content.Plain;
import org.easel.synth.render.Money;
import org.easel.synth.render.Theme;
import org.easel.synth.render.Words;
import org.easel.synth.ui.ChartView;
import org.easel.synth.ui.ScreenFonts;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/**
 * Document and web-page content at a given type size: headings, prose, numbered steps, tables, figures
 * (screenshots of programs inside the page), formulas, code, tip boxes. Financial kinds carry invoices,
 * statements, reports, price sheets, online banking, shops and help pages whose examples show amounts; the
 * others are letters, help pages, articles with maths, manuals with tables of measurements, minutes, wikis,
 * news, forums and weather pages.
 */
public final class Doc {
    public enum Kind {
        INVOICE(true), STATEMENT(true), FIN_REPORT(true), PRICE_SHEET(true), FIN_HELP(true), BANKING(true), SHOP(true), QUOTE(true),
        LETTER(false), HELP(false), ARTICLE(false), MANUAL(false), MINUTES(false), WIKI(false), NEWS(false), FORUM(false), WEATHER(false);

        public final boolean financial;

        Kind(boolean financial) {
            this.financial = financial;
        }

        public boolean web() {
            return this == BANKING || this == SHOP || this == QUOTE || this == WIKI || this == NEWS || this == FORUM || this == WEATHER;
        }

        public static List<Kind> of(boolean financial, boolean web) {
            return Arrays.stream(values()).filter(k -> k.financial == financial && k.web() == web).toList();
        }
    }

    private final Ui u;
    private final Env env;
    private final Rectangle area;
    private final float px;
    private final String body;
    private final String heading;
    private final Color ink;
    private double y;

    /**
     * @param u    drawing context; its skin's colours are used for tables and links
     * @param px   body text size in pixels (≈ 13–16 on screen pages, 20–30 for a page rendered at 150–200 dpi)
     */
    public Doc(Ui u, Env env, Rectangle area, float px, boolean serif) {
        this.u = u;
        this.env = env;
        this.area = area;
        this.px = px;
        List<String> sans = ScreenFonts.available(ScreenFonts.DOCUMENT_SANS, "SansSerif");
        this.body = serif ? u.s.serif() : u.pick(sans);
        this.heading = u.p(0.6) ? body : u.pick(sans);
        this.ink = u.s.text();
        this.y = area.y + px * 1.5;
    }

    private Font f(int style, double scale) {
        return u.font(body, style, (float) (px * scale));
    }

    private Font h(double scale) {
        return u.font(heading, Font.BOLD, (float) (px * scale));
    }

    private boolean full() {
        return y > area.y + area.height - px;
    }

    public void headingLine(String text, double scale) {
        if (full()) {
            return;
        }
        y += px * 0.4 * scale;
        u.text(u.fit(text, h(scale), area.width), area.x, y + px * scale * 0.8, h(scale), u.p(0.3) ? u.s.link() : ink);
        y += px * scale * 1.6;
    }

    public void para(String text) {
        if (!full()) {
            y = u.paragraph(text, area.x, y + px, area.width, area.y + area.height - px, f(Font.PLAIN, 1), ink, u.u(1.15, 1.5)) + px * 0.3;
        }
    }

    public void steps(List<String> steps) {
        for (String s : steps) {
            if (full()) {
                return;
            }
            y = u.paragraph(s, area.x + px, y + px, area.width - px, area.y + area.height - px, f(Font.PLAIN, 1), ink, 1.3);
        }
        y += px * 0.4;
    }

    /** A table in the page's type; money columns as the table says. */
    public void table(Table t, int maxRows) {
        if (full()) {
            return;
        }
        while (t.rows.size() > maxRows) {
            t.rows.remove(t.rows.size() - 1);
        }
        float scale = px / u.s.fontPx();
        int rows = t.rows.size() + 1;
        double rowH = px * u.u(1.6, 2.1);
        int height = (int) Math.min(rows * rowH + 4, area.y + area.height - y - px);
        if (height < rowH * 2) {
            return;
        }
        Skin s = u.s;
        Skin paper = new Skin(s.look(), s.dark(), s.window(), s.view(), u.p(0.4) ? s.viewAlt() : s.view(), s.text(), s.dim(), s.border(), s.selBg(),
                s.selFg(), s.accent(), s.titleBg(), s.titleFg(), u.p(0.5) ? s.view() : u.mix(s.view(), s.accent(), 0.15), s.button(), s.sidebar(),
                s.red(), s.green(), s.link(), body, s.mono(), s.serif(), px, (int) Math.round(rowH), s.titleH(), s.radius());
        int w = (int) Math.min(area.width, Math.max(area.width * 0.55, u.u(0.6, 1.0) * area.width));
        TableView.draw(u.with(paper), new Rectangle(area.x, (int) (y + px * 0.5), w, height),
                t, new TableView.Style(true, u.p(0.7), u.p(0.4), paper.viewAlt() != paper.view(), -1, false, 1f).printed());
        y += height + px * 1.2;
    }

    /** A screenshot of a program inside the page, scaled down, with a caption. */
    public void figure(App app, String caption) {
        if (y > area.y + area.height - px * 10) {
            return;
        }
        double scale = u.u(0.5, 0.85);
        int fw = (int) Math.min(area.width, area.width * u.u(0.6, 1.0));
        int fh = (int) Math.min(area.y + area.height - y - px * 3, fw * u.u(0.45, 0.7));
        if (fh < px * 8) {
            return;
        }
        int fx = area.x + (area.width - fw) / 2;
        int fy = (int) (y + px * 0.5);
        AffineTransform old = u.g.getTransform();
        Shape clip = u.g.getClip();
        u.g.clip(new Rectangle(fx, fy, fw, fh));
        u.g.translate(fx, fy);
        u.g.scale(scale, scale);
        Shell.window(u.with(Skin.random(u.r)), app, new Rectangle(0, 0, (int) (fw / scale), (int) (fh / scale)), false, env);
        u.g.setTransform(old);
        u.g.setClip(clip);
        u.outline(u.mix(u.s.view(), u.s.text(), 0.3), fx, fy, fw, fh, 0);
        y = fy + fh + px * 1.3;
        u.textCenter(u.fit(caption, f(Font.ITALIC, 0.9), area.width), area.x + area.width / 2.0, y, f(Font.ITALIC, 0.9), u.s.dim());
        y += px;
    }

    public void formula(String text) {
        if (!full()) {
            y += px * 1.8;
            u.textCenter(text, area.x + area.width / 2.0, y, u.font(u.s.serif(), Font.ITALIC, px * 1.25f), ink);
            y += px * 1.2;
        }
    }

    public void tip(String text) {
        if (full()) {
            return;
        }
        double top = y + px * 0.6;
        double end = u.paragraph(text, area.x + px * 1.2, top + px * 1.6, area.width - px * 2.4, area.y + area.height - px, f(Font.PLAIN, 0.95), ink, 1.3);
        u.g.setColor(Theme.alpha(u.pick(u.s.accent(), new Color(0xf5c211), new Color(0x33d17a)), 40));
        u.g.fill(new Rectangle((int) area.x, (int) top, area.width, (int) (end - top)));
        u.fill(u.s.accent(), area.x, top, 4, end - top);
        u.paragraph(u.pick("Tip: ", "Note: ", "Important: ") + text, area.x + px * 1.2, top + px * 1.6, area.width - px * 2.4, area.y + area.height - px,
                f(Font.PLAIN, 0.95), ink, 1.3);
        y = end + px * 0.5;
    }

    /** Label–value lines (invoice header, totals box, account summary). */
    public void pairs(List<String[]> pairs, boolean right, boolean valuesAreMoney) {
        Font f = f(Font.PLAIN, 1);
        Font b = f(Font.BOLD, 1);
        double x = right ? area.x + area.width * u.u(0.5, 0.65) : area.x;
        double valueX = right ? area.x + area.width : x + area.width * 0.3;
        for (String[] p : pairs) {
            if (full()) {
                return;
            }
            y += px * 1.5;
            u.text(p[0], x, y, p[0].startsWith("Total") ? b : f, ink);
            boolean money = valuesAreMoney && p[1].chars().anyMatch(Character::isDigit);
            if (right) {
                u.textRight(p[1], valueX, y, p[0].startsWith("Total") ? b : f, ink, money);
            } else if (money) {
                u.money(p[1], valueX, y, f, ink);
            } else {
                u.text(p[1], valueX, y, f, ink);
            }
        }
        y += px * 0.8;
    }

    public void chart(boolean money) {
        if (y > area.y + area.height - px * 12) {
            return;
        }
        int ch = (int) Math.min(area.y + area.height - y - px, area.width * u.u(0.3, 0.5));
        Money m = env.money();
        double[] v = ChartView.walk(u, u.i(12, 60), money ? Money.startPrice(u.r) * 10 : u.u(5, 40), 0.05);
        String unit = u.pick(" °C", " mm", "%", " km", " ms");
        int dateStyle = u.i(0, 5);
        int year = u.i(2000, 2025);
        ChartView.draw(u, new Rectangle(area.x, (int) y, area.width, ch), u.pick(ChartView.LINE, ChartView.BARS, ChartView.AREA), v,
                d -> money ? m.amount(d, 0) : String.format("%.0f", d) + unit, money, i -> Money.date(year, 0, i, dateStyle),
                money ? u.pick("Monthly revenue", "Balance", "Spending by month", "Share price") : u.pick("Mean temperature", "Rainfall", "Response time",
                        "Downloads per day", "Growth"), u.s.accent());
        y += ch + px;
    }

    public void code(List<Line> lines) {
        if (full()) {
            return;
        }
        Font mono = u.mono(px * 0.9f);
        int n = Math.min(lines.size(), (int) ((area.y + area.height - y) / (px * 1.35)) - 2);
        if (n < 2) {
            return;
        }
        double top = y + px * 0.5;
        u.fill(u.mix(u.s.view(), u.s.text(), 0.06), area.x, top, area.width, n * px * 1.35 + px);
        for (int k = 0; k < n; k++) {
            var line = lines.get(k);
            String s = u.fit(line.text(), mono, area.width - px * 2);
            if (line.money() && s.equals(line.text())) {
                u.money(s, area.x + px, top + px * 1.3 * (k + 1), mono, ink);
            } else {
                u.text(s, area.x + px, top + px * 1.3 * (k + 1), mono, ink);
            }
        }
        y = top + n * px * 1.35 + px * 1.5;
    }

    public double y() {
        return y;
    }

    /** Fills the area with one kind of document: its own opening content, then more sections of the same class until the page is (nearly) full. */
    public void fill(Kind kind) {
        opening(kind);
        double stopAt = area.y + area.height * u.u(0.55, 1.0);
        for (int k = 0; k < 12 && y < stopAt && !full(); k++) {
            continuation(kind.financial);
        }
    }

    private void continuation(boolean financial) {
        Money m = env.money();
        double p = u.u(0, 1);
        if (u.p(0.6)) {
            headingLine((u.p(0.5) ? u.i(1, 12) + "." + u.i(1, 9) + " " : "") + Words.title(u.r, u.i(1, 4)), u.u(1.1, 1.4));
        }
        para(Words.paragraph(u.r, u.i(1, 4)));
        if (financial) {
            if (p < 0.45) {
                table(u.pick(Finance.register(u, m, u.i(3, 10)), Finance.budget(u, m), Finance.priceList(u, m), Finance.invoiceLines(u, m, u.i(2, 8))), 10);
            } else if (p < 0.6) {
                chart(true);
            } else if (p < 0.75) {
                List<String[]> total = new ArrayList<>();
                total.add(new String[] {u.pick("Total", "Balance", "Amount due", "Net"), m.amount(u.u(10, 90000), 2)});
                pairs(total, false, true);
            } else {
                steps(Plain.steps(u, u.i(2, 4)));
            }
        } else {
            if (p < 0.25) {
                steps(Plain.steps(u, u.i(2, 5)));
            } else if (p < 0.4) {
                formula(Plain.formula(u));
            } else if (p < 0.55) {
                table(measurements(), u.i(4, 12));
            } else if (p < 0.65) {
                tip(Words.paragraph(u.r, 1));
            } else if (p < 0.75) {
                code(Plain.code(u, u.i(4, 10)));
            } else if (p < 0.85) {
                chart(false);
            } else {
                figure(u.pick(List.of(new FormApp(FormApp.Form.LEVELS), new FormApp(FormApp.Form.PREFERENCES), new ManagerApp(ManagerApp.View.FILES),
                        new CanvasApp(CanvasApp.Mode.IMAGE_EDITOR))), "Figure " + u.i(1, 9) + "." + u.i(1, 20) + ". " + Words.title(u.r, u.i(2, 4)));
            }
        }
    }

    /** A sheet of non-money figures as a document table: its first row becomes the column headers. */
    private Table measurements() {
        Table sheet = Plain.numberSheet(u);
        Table.Row head = sheet.rows.remove(0);
        Table named = new Table();
        for (String name : head.cells) {
            named.col(named.columns.isEmpty() ? Table.Column.text(name, 1) : Table.Column.number(name));
        }
        named.rows.addAll(sheet.rows);
        return named;
    }

    private void opening(Kind kind) {
        Money m = env.money();
        switch (kind) {
            case INVOICE -> {
                headingLine(Words.company(u.r), 1.6);
                para(Words.address(u.r) + " · " + u.pick("VAT No. ", "Tax ID ") + Words.upperLetters(u.r, 2) + u.i(100000, 999999));
                headingLine(u.pick("INVOICE", "Invoice", "Tax Invoice", "Bill"), 2.0);
                pairs(List.of(new String[] {"Invoice no.", "" + u.i(1000, 99999)}, new String[] {"Date", Finance.date(u, u.i(0, 3), 2024, u.i(1, 12),
                        u.i(1, 28))}, new String[] {"Bill to", Words.person(u.r)}), false, false);
                table(Finance.invoiceLines(u, m, u.i(3, 12)), 14);
                double sub = u.u(50, 20000);
                pairs(List.of(new String[] {"Subtotal", m.amount(sub, 2)}, new String[] {u.pick("VAT 20%", "Tax", "Sales tax 8%"), m.amount(sub * 0.2, 2)},
                        new String[] {"Total due", m.amount(sub * 1.2, 2)}), true, true);
                para(u.pick("Payment due within 30 days. ", "Thank you for your business. ", "Please pay by bank transfer. ") + "IBAN "
                        + Words.upperLetters(u.r, 2) + u.i(10, 99) + " " + u.i(1000, 9999) + " " + u.i(1000, 9999));
            }
            case STATEMENT -> {
                headingLine(u.pick("Account Statement", "Monthly Statement", "Bank Statement", "Credit Card Statement"), 1.7);
                pairs(List.of(new String[] {"Account", "****" + u.i(1000, 9999)}, new String[] {"Period", "01/" + u.i(1, 12) + " – 30/" + u.i(1, 12)}), false, false);
                pairs(List.of(new String[] {"Opening balance", m.amount(u.u(-2000, 30000), 2)}, new String[] {"Closing balance", m.amount(u.u(-2000, 30000), 2)}),
                        false, true);
                table(Finance.register(u, m, 40), 40);
            }
            case FIN_REPORT -> {
                headingLine(u.pick("Income Statement", "Profit and Loss", "Income and Expense Report", "Annual Report " + u.i(2010, 2025)), 1.7);
                para(Words.paragraph(u.r, u.i(1, 3)));
                table(Finance.report(u, m), 40);
                if (u.p(0.5)) {
                    chart(true);
                }
                para(Words.paragraph(u.r, u.i(2, 5)));
            }
            case PRICE_SHEET -> {
                headingLine(u.pick("Price List", "Rates " + u.i(2015, 2025), "Tariff", "Menu of Services"), 1.7);
                para(Words.paragraph(u.r, 1));
                table(Finance.priceList(u, m), 40);
            }
            case FIN_HELP -> {
                headingLine(u.i(1, 12) + "." + u.i(1, 9) + " " + u.pick("Entering Transactions", "Reconciling an Account", "Creating a Budget",
                        "Using the Account Register", "Recording a Split Transaction"), 1.6);
                para(Words.paragraph(u.r, u.i(2, 4)));
                List<App> apps = List.of(new ManagerApp(ManagerApp.View.REGISTER), new ManagerApp(ManagerApp.View.ACCOUNTS), new FormApp(FormApp.Form.TRANSACTION),
                        new ManagerApp(ManagerApp.View.BUDGET), new SpreadsheetApp(true));
                if (u.p(0.6)) {
                    figure(u.pick(apps), "Figure " + u.i(1, 9) + "." + u.i(1, 20) + ". " + Words.title(u.r, u.i(2, 4)));
                } else {
                    table(Finance.register(u, m, 6), 6);
                }
                steps(Plain.steps(u, u.i(2, 5)));
                para(Words.paragraph(u.r, u.i(1, 3)));
            }
            case LETTER -> {
                para(Words.person(u.r));
                para(Words.address(u.r));
                y += px;
                para(u.i(1, 28) + " " + u.pick("March", "June", "October", "December") + " " + u.i(1990, 2025));
                para("Dear " + Words.firstName(u.r) + ",");
                for (int k = 0; k < u.i(3, 6); k++) {
                    para(Words.paragraph(u.r, u.i(2, 6)));
                }
                para(u.pick("Yours sincerely,", "Best wishes,", "Kind regards,"));
                para(Words.person(u.r));
            }
            case HELP -> {
                headingLine(u.i(1, 12) + "." + u.i(1, 9) + " " + Words.title(u.r, u.i(2, 4)), 1.6);
                para(Words.paragraph(u.r, u.i(2, 4)));
                List<App> apps = List.of(new FormApp(FormApp.Form.LEVELS), new FormApp(FormApp.Form.PREFERENCES), new CanvasApp(CanvasApp.Mode.IMAGE_EDITOR),
                        new ManagerApp(ManagerApp.View.FILES), new FormApp(FormApp.Form.PRINT), new SpreadsheetApp(false), new FormApp(FormApp.Form.IMAGE_SIZE));
                if (u.p(0.6)) {
                    figure(u.pick(apps), "Figure " + u.i(1, 9) + "." + u.i(1, 20) + ". " + Words.title(u.r, u.i(2, 4)));
                }
                steps(Plain.steps(u, u.i(2, 6)));
                if (u.p(0.5)) {
                    tip(Words.paragraph(u.r, 1));
                }
                para(Words.paragraph(u.r, u.i(1, 3)));
            }
            case ARTICLE -> {
                headingLine(Words.title(u.r, u.i(3, 7)), 1.8);
                para(Words.person(u.r) + ", " + Words.person(u.r) + " — " + Words.place(u.r) + " University");
                for (int k = 0; k < u.i(2, 4); k++) {
                    para(Words.paragraph(u.r, u.i(2, 5)));
                    formula(Plain.formula(u));
                }
                if (u.p(0.4)) {
                    chart(false);
                }
                para(Words.paragraph(u.r, u.i(2, 5)));
            }
            case MANUAL -> {
                headingLine(u.pick("Specifications", "Technical Data", "Results", "Measurements", "Appendix " + Words.upperLetters(u.r, 1)), 1.6);
                para(Words.paragraph(u.r, u.i(1, 3)));
                table(measurements(), 30);
                para(Words.paragraph(u.r, u.i(1, 3)));
            }
            case MINUTES -> {
                headingLine(u.pick("Minutes", "Meeting notes", "Agenda") + " – " + Words.title(u.r, 2), 1.6);
                pairs(List.of(new String[] {"Date", u.i(1, 28) + "/" + u.i(1, 12) + "/" + u.i(2010, 2025)}, new String[] {"Present", Words.person(u.r) + ", "
                        + Words.person(u.r)}), false, false);
                steps(Plain.steps(u, u.i(3, 8)));
                para(Words.paragraph(u.r, u.i(2, 4)));
            }
            case BANKING -> {
                headingLine(u.pick("Welcome back, ", "Hello, ", "Good morning, ") + Words.firstName(u.r), 1.5);
                pairs(List.of(new String[] {"Current account ••" + u.i(1000, 9999), m.amount(u.u(-800, 9000), 2)}, new String[] {"Savings", m.amount(u.u(0,
                        90000), 2)}, new String[] {"Credit card", m.amount(-u.u(0, 5000), 2)}), false, true);
                headingLine("Recent transactions", 1.2);
                table(Finance.register(u, m, 20), 20);
            }
            case SHOP -> {
                headingLine(u.pick("Office supplies", "Kitchen", "Electronics", "Garden", "Books") + " — " + u.i(20, 900) + " results", 1.4);
                shopGrid(m);
            }
            case QUOTE -> {
                String t = Money.ticker(u.r);
                headingLine(Words.company(u.r) + " (" + t + ")", 1.5);
                double p = Money.startPrice(u.r);
                double c = u.u(-5, 5);
                u.money(m.amount(p, 2), area.x, y + px * 2.4, f(Font.BOLD, 2.2), ink);
                u.text(m.percent(c, true), area.x + px * 12, y + px * 2.4, f(Font.BOLD, 1.3), c < 0 ? u.s.red() : u.s.green());
                y += px * 3.5;
                chart(true);
                pairs(List.of(new String[] {"Open", m.number(p * 0.99, 2)}, new String[] {"Day's range", m.number(p * 0.97, 2) + " - " + m.number(p * 1.02, 2)},
                        new String[] {"Market cap", m.compact(p * 1e8)}), false, true);
            }
            case WIKI -> {
                headingLine(Words.title(u.r, u.i(1, 3)), 2.0);
                para(Words.paragraph(u.r, u.i(2, 4)));
                if (u.p(0.4)) {
                    formula(Plain.formula(u));
                }
                headingLine(u.pick("History", "Geography", "Description", "Etymology", "Overview"), 1.3);
                para(Words.paragraph(u.r, u.i(3, 6)));
                if (u.p(0.5)) {
                    pairs(List.of(new String[] {"Population", String.format("%,d", u.i(500, 9_000_000))}, new String[] {"Area", String.format("%,.1f km²",
                            u.u(2, 9000))}, new String[] {"Elevation", u.i(0, 3000) + " m"}, new String[] {"Founded", "" + u.i(800, 1950)}), false, false);
                }
                para(Words.paragraph(u.r, u.i(3, 6)));
            }
            case NEWS -> {
                headingLine(Words.title(u.r, u.i(5, 10)), 1.9);
                para(u.pick("By ", "") + Words.person(u.r) + " · " + u.i(1, 59) + " min ago");
                if (u.p(0.6) && y < area.y + area.height - 200) {
                    int ph = (int) Math.min(area.width * 0.45, area.y + area.height - y - px * 4);
                    Picture.draw(u, env.photos(), new Rectangle(area.x, (int) y, area.width, ph));
                    y += ph + px;
                }
                for (int k = 0; k < 4; k++) {
                    para(Words.paragraph(u.r, u.i(2, 5)));
                }
            }
            case FORUM -> {
                headingLine(Words.sentence(u.r), 1.4);
                for (int k = 0; k < 6; k++) {
                    para(Words.person(u.r) + " · " + u.i(1, 12) + " " + u.pick("hours", "days", "months") + " ago · #" + (k + 1));
                    if (u.p(0.3)) {
                        code(Plain.terminal(u, u.i(3, 6)));
                    }
                    para(Words.paragraph(u.r, u.i(1, 4)));
                }
            }
            case WEATHER -> {
                headingLine(Words.place(u.r) + " — " + u.pick("Weather", "Forecast", "7-day forecast"), 1.6);
                u.text(u.i(-10, 35) + "°", area.x, y + px * 3.5, f(Font.BOLD, 3.5), ink);
                y += px * 5;
                Table t = new Table().col(Table.Column.text("Day", 1)).col(Table.Column.number("High")).col(Table.Column.number("Low"))
                        .col(Table.Column.number("Rain")).col(Table.Column.number("Wind"));
                for (String d : List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")) {
                    int hi = u.i(-5, 35);
                    t.add(d, hi + "°", (hi - u.i(2, 12)) + "°", u.i(0, 100) + "%", u.i(0, 60) + " km/h");
                }
                table(t, 8);
                chart(false);
            }
        }
    }

    private void shopGrid(Money m) {
        int cols = area.width > 900 ? 4 : area.width > 500 ? 3 : 2;
        double cw = (area.width - (cols - 1) * px) / cols;
        double ch = cw * 1.35;
        for (int row = 0; y + ch < area.y + area.height + ch * 0.4; row++) {
            for (int c = 0; c < cols; c++) {
                double x = area.x + c * (cw + px);
                Picture.draw(u, env.photos(), new Rectangle((int) x, (int) y, (int) cw, (int) (cw * 0.75)));
                u.text(u.fit(u.pick(Finance.PRODUCTS), f(Font.PLAIN, 1), cw), x, y + cw * 0.75 + px * 1.4, f(Font.PLAIN, 1), ink);
                u.money(m.amount(Math.exp(u.u(Math.log(1), Math.log(900))), 2), x, y + cw * 0.75 + px * 2.9, f(Font.BOLD, 1.15), ink);
                u.text("★★★★☆ (" + u.i(1, 900) + ")", x, y + cw * 0.75 + px * 4.3, f(Font.PLAIN, 0.85), u.s.dim());
            }
            y += ch;
        }
    }
}
