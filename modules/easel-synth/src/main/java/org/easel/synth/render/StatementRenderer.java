package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;

/** Income statements, balance sheets and spreadsheets: line items and columns of figures. */
public final class StatementRenderer {
    private static final String[][] INCOME = {
            {"Revenue", "0"}, {"Net sales", "1"}, {"Service revenue", "1"}, {"Total revenue", "T"}, {"Cost of goods sold", "-"},
            {"Gross profit", "T"}, {"Operating expenses", "H"}, {"Research and development", "-"},
            {"Selling, general and administrative", "-"}, {"Depreciation and amortization", "-"}, {"Total operating expenses", "T-"},
            {"Operating income", "T"}, {"Interest expense", "-"}, {"Other income, net", "1"}, {"Income before income taxes", "T"},
            {"Provision for income taxes", "-"}, {"Net income", "N"}, {"Earnings per share: basic", "E"}, {"Diluted", "E"}};
    private static final String[][] BALANCE = {
            {"ASSETS", "H"}, {"Current assets", "H"}, {"Cash and cash equivalents", "0"}, {"Short-term investments", "1"},
            {"Accounts receivable, net", "1"}, {"Inventories", "1"}, {"Prepaid expenses", "1"}, {"Total current assets", "T"},
            {"Property, plant and equipment, net", "1"}, {"Goodwill", "1"}, {"Intangible assets", "1"}, {"Total assets", "N"},
            {"LIABILITIES AND EQUITY", "H"}, {"Accounts payable", "1"}, {"Accrued liabilities", "1"}, {"Short-term debt", "1"},
            {"Total current liabilities", "T"}, {"Long-term debt", "1"}, {"Deferred tax liabilities", "1"}, {"Total liabilities", "T"},
            {"Common stock", "1"}, {"Retained earnings", "1"}, {"Accumulated other comprehensive loss", "-"},
            {"Total stockholders' equity", "T"}, {"Total liabilities and equity", "N"}};
    private static final String[][] CASHFLOW = {
            {"Operating activities", "H"}, {"Net income", "0"}, {"Depreciation", "1"}, {"Stock-based compensation", "1"},
            {"Changes in working capital", "-"}, {"Net cash from operating activities", "T"}, {"Investing activities", "H"},
            {"Capital expenditures", "-"}, {"Acquisitions", "-"}, {"Net cash used in investing", "T-"}, {"Financing activities", "H"},
            {"Repayment of debt", "-"}, {"Dividends paid", "-"}, {"Share repurchases", "-"}, {"Net change in cash", "N"}};

    private StatementRenderer() {
    }

    public static void incomeStatement(Ctx c) {
        statement(c, c.p(0.75) ? INCOME : CASHFLOW, c.pick("Consolidated Statements of Operations", "Income Statement",
                "Statement of Profit and Loss", "Consolidated Statement of Cash Flows", "Condensed Income Statement"));
    }

    public static void balanceSheet(Ctx c) {
        statement(c, BALANCE, c.pick("Consolidated Balance Sheets", "Balance Sheet", "Statement of Financial Position"));
    }

    private static void statement(Ctx c, String[][] items, String title) {
        Theme t = c.t.paper(c.r);
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.75, 1.15);
        double pad = u * c.u(1, 2.5);
        double yy = c.y + pad + u;
        boolean centered = c.p(0.6);
        Font head = c.font(Font.BOLD, u * c.u(1.0, 1.4));
        String company = Words.company(c.r).toUpperCase();
        if (centered) {
            c.textCenter(company, c.x + c.w / 2.0, yy, head, t.fg());
            c.textCenter(title, c.x + c.w / 2.0, yy + u * 1.4, c.font(Font.PLAIN, u), t.fg());
            c.textCenter(c.pick("(in thousands, except per share data)", "(in millions of " + m.sign.trim() + ")", "(unaudited)",
                    "For the year ended December 31", "As of " + c.pick("March 31", "June 30", "September 30", "December 31")),
                    c.x + c.w / 2.0, yy + u * 2.6, c.font(Font.ITALIC, u * 0.8), t.muted());
        } else {
            c.text(company, c.x + pad, yy, head, t.fg());
            c.text(title, c.x + pad, yy + u * 1.4, c.font(Font.PLAIN, u), t.fg());
            c.text(c.pick("(in thousands)", "(" + m.sign.trim() + " millions)", "(unaudited)"), c.x + pad, yy + u * 2.6,
                    c.font(Font.ITALIC, u * 0.8), t.muted());
        }
        yy += u * 4.2;
        int cols = c.i(1, 3);
        int year = c.i(2015, 2025);
        double colW = Math.min(u * c.u(6, 8), (c.w - 2 * pad) * 0.62 / cols);
        // figures sit near their labels, as in a printed statement, not at the far edge of a wide canvas
        double labelRight = Math.min(c.x + c.w - pad - cols * colW, c.x + pad + u * c.u(14, 20));
        Font f = c.font(Font.PLAIN, u * 0.9);
        Font fb = c.font(Font.BOLD, u * 0.9);
        boolean quarters = c.p(0.3);
        for (int k = 0; k < cols; k++) {
            String h = quarters ? "Q" + (4 - k) + " " + year : Integer.toString(year - k);
            c.textRight(h, labelRight + (k + 1) * colW, yy, fb, t.fg());
        }
        c.line(t.fg(), 1, labelRight + colW * 0.2, yy + u * 0.4, labelRight + cols * colW, yy + u * 0.4);
        yy += u * 1.5;
        double[] scale = new double[cols];
        double base = Math.exp(c.u(Math.log(500), Math.log(5e6)));
        for (int k = 0; k < cols; k++) {
            scale[k] = base * Math.pow(c.u(0.8, 1.05), k);
        }
        double rowH = u * c.u(1.25, 1.6);
        boolean stripes = c.p(0.25);
        int start = c.p(0.3) ? c.i(0, items.length / 3) : 0;
        int row = 0;
        for (int i = start; i < items.length && yy < c.y + c.h - pad; i++, row++) {
            String name = items[i][0];
            String kind = items[i][1];
            boolean total = kind.startsWith("T") || kind.equals("N");
            if (stripes && row % 2 == 1) {
                c.fill(t.stripe(), c.x + pad * 0.5, yy - rowH * 0.75, c.w - pad, rowH);
            }
            double indent = kind.equals("H") || total ? 0 : u * 1.2;
            c.text(c.fit(name, total || kind.equals("H") ? fb : f, labelRight - c.x - pad - indent - u), c.x + pad + indent, yy,
                    total || kind.equals("H") ? fb : f, t.fg());
            if (!kind.equals("H")) {
                if (total) {
                    c.line(t.fg(), 1, labelRight + colW * 0.3, yy - rowH * 0.72, labelRight + cols * colW, yy - rowH * 0.72);
                }
                for (int k = 0; k < cols; k++) {
                    double v = scale[k] * c.u(0.05, 1.0);
                    if (kind.contains("-") || (kind.equals("1") && c.p(0.1))) {
                        v = -v;
                    }
                    String s = kind.equals("E") ? m.amount(c.u(-1, 12), 2)
                            : (kind.equals("0") || kind.equals("N")) && c.p(0.8) ? m.amount(v) : m.number(v);
                    c.textRight(c.fit(s, total ? fb : f, colW - u * 0.3), labelRight + (k + 1) * colW, yy, total ? fb : f, t.fg());
                }
                if (kind.equals("N")) {
                    c.line(t.fg(), 1, labelRight + colW * 0.3, yy + u * 0.35, labelRight + cols * colW, yy + u * 0.35);
                    c.line(t.fg(), 1, labelRight + colW * 0.3, yy + u * 0.55, labelRight + cols * colW, yy + u * 0.55);
                }
            }
            yy += rowH;
        }
    }

    /** A spreadsheet grid: column letters, row numbers, a formula bar, figures with totals. */
    public static void spreadsheet(Ctx c) {
        sheet(c, true);
    }

    /**
     * The same spreadsheet UI holding words (contacts, tasks, books, guests): a hard negative so
     * that "a grid in a spreadsheet app" is not itself the financial cue.
     */
    public static void wordSheet(Ctx c) {
        sheet(c, false);
    }

    private static final String[][] WORD_HEADERS = {
            {"Name", "Email", "City", "Team"}, {"Task", "Owner", "Due", "Status"}, {"Title", "Author", "Genre", "Shelf"},
            {"Species", "Habitat", "Colour", "Seen"}, {"Guest", "Table", "Meal", "Notes"}, {"Student", "Class", "Room", "Tutor"}};

    private static String wordCell(Ctx c, String header, int row) {
        return switch (header) {
            case "Name", "Owner", "Author", "Guest", "Student", "Tutor" -> Words.person(c.r);
            case "Email" -> Words.firstName(c.r).toLowerCase() + "@" + Words.word(c.r) + ".org";
            case "City", "Habitat" -> Words.place(c.r);
            case "Due" -> String.format("%02d/%02d", c.i(1, 28), c.i(1, 12));
            case "Status" -> c.pick("Done", "Open", "Waiting", "In progress", "Blocked");
            case "Table", "Room", "Class" -> (c.p(0.5) ? "" : c.pick("A", "B", "C")) + c.i(1, 30);
            case "Shelf" -> c.pick("A", "B", "C", "D") + "-" + c.i(1, 12);
            case "Seen", "Meal" -> c.pick("Yes", "No", "Vegetarian", "Fish", "Twice", "Spring", "Never");
            default -> Words.title(c.r, c.i(1, 3));
        };
    }

    private static void sheet(Ctx c, boolean financial) {
        Theme t = c.t;
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.7, 1.1);
        Color sheetBg = t.dark() && c.p(0.5) ? t.bg() : new Color(0xffffff);
        Color ink = Theme.luminance(sheetBg) > 0.5 ? new Color(0x202020) : t.fg();
        Color gridC = Theme.luminance(sheetBg) > 0.5 ? new Color(0xd4d4d4) : t.grid();
        c.fill(sheetBg, c.x, c.y, c.w, c.h);
        double yy = c.y;
        if (c.p(0.7)) {
            Color bar = c.p(0.5) ? Theme.mix(t.accent(c.p(0.5) ? 2 : 0), Color.BLACK, 0.2) : new Color(0xf3f3f3);
            c.fill(bar, c.x, yy, c.w, u * 1.8);
            Color barInk = Theme.luminance(bar) > 0.5 ? Color.DARK_GRAY : Color.WHITE;
            double bx = c.x + u * 0.5;
            for (String s : new String[] {"File", "Home", "Insert", "Formulas", "Data", "View"}) {
                bx += c.text(s, bx, yy + u * 1.2, c.font(Font.PLAIN, u * 0.8), barInk) + u;
            }
            yy += u * 1.8;
            c.fill(new Color(0xfafafa), c.x, yy, c.w, u * 1.5);
            c.text("fx", c.x + u * 0.5, yy + u * 1.05, c.font(Font.ITALIC, u * 0.8), Color.GRAY);
            c.text(financial ? c.pick("=SUM(B2:B13)", "=B4-C4", "=AVERAGE(D2:D9)", "=C7*(1+$B$1)", "=ROUND(E5/E2,2)", "=NPV(0.08,B3:B12)")
                    : c.pick("=CONCAT(A2,\" \",B2)", "=VLOOKUP(A2,Sheet2!A:C,2,FALSE)", "=UPPER(C4)", "=IF(D3=\"Done\",\"✓\",\"\")", "=TODAY()"),
                    c.x + u * 2.2, yy + u * 1.05, c.font(Font.PLAIN, u * 0.8), Color.DARK_GRAY);
            yy += u * 1.5;
        }
        String[][] headers = {
                {"Month", "Revenue", "Cost", "Profit", "Margin"}, {"Account", "Debit", "Credit", "Balance"},
                {"Item", "Budget", "Actual", "Variance", "%"}, {"Date", "Description", "Amount", "Balance"},
                {"Region", "Q1", "Q2", "Q3", "Q4", "Total"}, {"Ticker", "Shares", "Price", "Value", "Gain/Loss"}};
        String[] hdr = financial ? headers[c.i(0, headers.length - 1)] : WORD_HEADERS[c.i(0, WORD_HEADERS.length - 1)];
        double rowH = u * c.u(1.2, 1.6);
        double rowHeadW = u * 1.8;
        double colW = (c.w - rowHeadW) / (hdr.length + c.u(0, 1.5));
        Font f = c.font(Font.PLAIN, u * 0.8);
        Font fb = c.font(Font.BOLD, u * 0.8);
        Color headFill = new Color(0xefefef);
        c.fill(headFill, c.x, yy, c.w, rowH);
        for (int k = 0; k * colW < c.w; k++) {
            c.textCenter(String.valueOf((char) ('A' + k)), c.x + rowHeadW + colW * (k + 0.5), yy + rowH * 0.72, f, Color.GRAY);
        }
        yy += rowH;
        int rows = (int) ((c.y + c.h - yy) / rowH);
        boolean fillHeader = c.p(0.6);
        Color hfill = Theme.mix(t.accent(c.i(0, 4)), Color.WHITE, c.u(0, 0.7));
        double base = Math.exp(c.u(Math.log(50), Math.log(2e6)));
        int selRow = c.i(1, Math.max(1, rows - 1));
        int selCol = c.i(0, hdr.length - 1);
        int startMonth = c.i(0, 11);
        for (int rIdx = 0; rIdx < rows; rIdx++) {
            double ry = yy + rIdx * rowH;
            c.fill(headFill, c.x, ry, rowHeadW, rowH);
            c.textCenter(Integer.toString(rIdx + 1), c.x + rowHeadW / 2, ry + rowH * 0.72, f, Color.GRAY);
            boolean header = rIdx == 0;
            boolean total = financial && rIdx == rows - 1 && c.p(0.6);
            if (header && fillHeader) {
                c.fill(hfill, c.x + rowHeadW, ry, colW * hdr.length, rowH);
            }
            for (int k = 0; k < hdr.length; k++) {
                double cx = c.x + rowHeadW + colW * k;
                String s;
                boolean numeric = financial && k > 0 && !(hdr[k].equals("Description"));
                if (header) {
                    s = hdr[k];
                } else if (!financial) {
                    s = wordCell(c, hdr[k], rIdx);
                } else if (k == 0) {
                    s = total ? "Total" : switch (hdr[0]) {
                        case "Month" -> new String[] {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}[(startMonth + rIdx) % 12];
                        case "Date" -> String.format("%02d/%02d/%d", 1 + (rIdx * 3) % 28, 1 + startMonth, 2020 + startMonth % 5);
                        case "Ticker" -> Money.ticker(c.r);
                        case "Region" -> c.pick("North", "South", "East", "West", "EMEA", "APAC", "LATAM", "Central");
                        default -> Words.title(c.r, 1 + c.i(0, 1));
                    };
                } else if (!numeric) {
                    s = Words.title(c.r, 2);
                } else if (hdr[k].equals("%") || hdr[k].equals("Margin")) {
                    s = m.percent(c.u(-20, 45), false);
                } else {
                    double v = base * c.u(0.1, 1.2) * (total ? 8 : 1);
                    if ((hdr[k].equals("Variance") || hdr[k].equals("Gain/Loss") || hdr[k].equals("Profit")) && c.p(0.35)) {
                        v = -v;
                    }
                    s = c.p(0.3) ? m.amount(v) : m.number(v);
                }
                Font ff = header || total ? fb : f;
                Color col = !header && s.startsWith("(") || s.startsWith("-") ? t.down() : ink;
                if (header && fillHeader) {
                    col = Theme.luminance(hfill) > 0.55 ? Color.BLACK : Color.WHITE;
                }
                s = c.fit(s, ff, colW - u * 0.4);
                if (numeric && !header) {
                    c.textRight(s, cx + colW - u * 0.3, ry + rowH * 0.72, ff, col);
                } else {
                    c.text(s, cx + u * 0.3, ry + rowH * 0.72, ff, col);
                }
            }
            if (total) {
                c.line(ink, 1.5, c.x + rowHeadW, ry, c.x + rowHeadW + colW * hdr.length, ry);
            }
        }
        for (double gx = c.x + rowHeadW; gx < c.x + c.w; gx += colW) {
            c.line(gridC, 1, gx, yy - rowH, gx, c.y + c.h);
        }
        for (int rIdx = 0; rIdx <= rows; rIdx++) {
            c.line(gridC, 1, c.x, yy + rIdx * rowH, c.x + c.w, yy + rIdx * rowH);
        }
        c.g.setColor(new Color(0x1a73e8));
        c.stroke(2);
        c.g.draw(new Rectangle2D.Double(c.x + rowHeadW + colW * selCol, yy + selRow * rowH, colW, rowH));
    }
}
