package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** Quote boards, trading terminals and finance dashboards: many prices, green and red. */
public final class MarketRenderer {
    private MarketRenderer() {
    }

    /** A quote board: symbol, last, change, % change, volume; maybe a scrolling tape. */
    public static void tickerBoard(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.8, 1.3);
        boolean led = c.p(0.3);
        Font f = led ? c.mono(Font.BOLD, u) : c.font(Font.PLAIN, u);
        Font fb = led ? c.mono(Font.BOLD, u) : c.font(Font.BOLD, u);
        double yy = c.y + u * 1.8;
        String[] cols = {"Symbol", "Last", "Chg", "% Chg", "Volume"};
        int ncol = c.i(3, 5);
        double colW = c.w / (double) ncol;
        if (c.p(0.7)) {
            c.fill(t.headerBg(), c.x, c.y, c.w, u * 2.4);
            for (int k = 0; k < ncol; k++) {
                String h = led ? cols[k].toUpperCase() : cols[k];
                if (k == 0) {
                    c.text(h, c.x + u * 0.6, yy, fb, t.headerFg());
                } else {
                    c.textRight(h, c.x + colW * (k + 1) - u * 0.6, yy, fb, t.headerFg());
                }
            }
            yy += u * 2.6;
        }
        double rowH = u * c.u(1.5, 2.2);
        boolean stripes = c.p(0.5);
        boolean tape = c.p(0.4);
        double limit = c.y + c.h - (tape ? u * 3 : u * 0.5);
        for (int row = 0; yy < limit; row++) {
            double price = Money.startPrice(c.r);
            int dec = Money.priceDecimals(price);
            double pct = c.r.nextGaussian() * 2.2;
            double chg = price * pct / 100;
            Color col = chg >= 0 ? t.up() : t.down();
            if (stripes && row % 2 == 1) {
                c.fill(t.stripe(), c.x, yy - rowH * 0.72, c.w, rowH);
            }
            c.text(Money.ticker(c.r), c.x + u * 0.6, yy, fb, led ? Theme.mix(t.fg(), new Color(0xffb000), 0.6) : t.fg());
            String[] vals = {m.number(price, dec), m.signed(chg, dec), m.percent(pct, true), m.compact(c.u(1e4, 5e8)).replace(m.sign.trim(), "")};
            for (int k = 1; k < ncol; k++) {
                String s = vals[k - 1];
                if (k == 2 && c.p(0.3)) {
                    s = (chg >= 0 ? "▲ " : "▼ ") + s.substring(1);
                }
                Color cc = k == 1 || k == 4 ? (c.p(0.7) ? t.fg() : col) : col;
                if (k == 3 && c.p(0.25)) {
                    double bw = c.width(s, f) + u * 0.6;
                    c.roundRect(col, c.x + colW * (k + 1) - u * 0.3 - bw, yy - u * 0.95, bw, u * 1.3, u * 0.4);
                    cc = Color.WHITE;
                }
                c.textRight(s, c.x + colW * (k + 1) - u * 0.6, yy, f, cc);
            }
            yy += rowH;
        }
        if (tape) {
            double ty = c.y + c.h - u * 2.4;
            c.fill(Theme.mix(t.bg(), Color.BLACK, 0.5), c.x, ty, c.w, u * 2.4);
            double tx = c.x - c.u(0, u * 10);
            while (tx < c.x + c.w) {
                double pct = c.r.nextGaussian() * 2;
                String s = Money.ticker(c.r) + " " + m.number(Money.startPrice(c.r), 2) + " " + (pct >= 0 ? "▲" : "▼") + m.percent(pct, false)
                        .replace("-", "");
                tx += c.text(s, tx, ty + u * 1.6, fb, pct >= 0 ? t.up() : t.down()) + u * 1.5;
            }
        }
    }

    /** A trading terminal: order book with depth bars, a mini chart, positions with P&L. */
    public static void tradingScreen(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.65, 0.95);
        Font f = c.mono(Font.PLAIN, u * 0.85);
        Font fb = c.font(Font.BOLD, u * 0.9);
        double gap = u * 0.5;
        double bookW = c.w * c.u(0.3, 0.42);
        boolean bookLeft = c.p(0.5);
        double bx = bookLeft ? c.x + gap : c.x + c.w - bookW - gap;
        double px = bookLeft ? c.x + bookW + 2 * gap : c.x + gap;
        double pw = c.w - bookW - 3 * gap;
        // order book
        c.fill(t.panel(), bx, c.y + gap, bookW, c.h - 2 * gap);
        double mid = Money.startPrice(c.r);
        int dec = Money.priceDecimals(mid);
        double tick = Math.pow(10, -dec) * c.i(1, 5);
        c.text(c.pick("Order Book", "Market Depth", "Level 2", "DOM") + "  " + Money.ticker(c.r), bx + u * 0.5, c.y + gap + u * 1.4, fb, t.fg());
        double rowH = u * 1.25;
        int levels = (int) ((c.h - 2 * gap - u * 4) / rowH / 2);
        double yy = c.y + gap + u * 3;
        for (int i = levels; i >= 1; i--) {
            double size = c.u(0.05, 1);
            c.fill(Theme.alpha(t.down(), 60), bx + bookW * (1 - size * 0.9), yy - rowH * 0.8, bookW * size * 0.9, rowH * 0.9);
            c.text(m.number(mid + i * tick, dec), bx + u * 0.5, yy, f, t.down());
            c.textRight(m.number(size * c.u(10, 5000), c.p(0.5) ? 0 : 3), bx + bookW - u * 0.5, yy, f, t.fg());
            yy += rowH;
        }
        c.textCenter(m.number(mid, dec) + "  " + c.pick("Spread ", "≈ ") + m.number(tick, dec), bx + bookW / 2, yy + u * 0.1, fb, t.fg());
        yy += rowH * 1.2;
        for (int i = 1; i <= levels; i++) {
            double size = c.u(0.05, 1);
            c.fill(Theme.alpha(t.up(), 60), bx + bookW * (1 - size * 0.9), yy - rowH * 0.8, bookW * size * 0.9, rowH * 0.9);
            c.text(m.number(mid - i * tick, dec), bx + u * 0.5, yy, f, t.up());
            c.textRight(m.number(size * c.u(10, 5000), c.p(0.5) ? 0 : 3), bx + bookW - u * 0.5, yy, f, t.fg());
            yy += rowH;
        }
        // chart panel
        double chH = (c.h - 3 * gap) * c.u(0.45, 0.65);
        c.fill(t.panel(), px, c.y + gap, pw, chH);
        int ox = c.x;
        int oy = c.y;
        int ow = c.w;
        int oh = c.h;
        c.x = (int) px;
        c.y = (int) (c.y + gap);
        c.w = (int) pw;
        c.h = (int) chH;
        ChartRenderer.draw(c, c.p(0.6) ? ChartRenderer.CANDLE : ChartRenderer.LINE);
        c.x = ox;
        c.y = oy;
        c.w = ow;
        c.h = oh;
        // positions
        double ty = c.y + 2 * gap + chH;
        c.fill(t.panel(), px, ty, pw, c.y + c.h - gap - ty);
        String[] hdr = {"Symbol", "Qty", "Avg", "Last", "P&L"};
        double cw = pw / hdr.length;
        yy = ty + u * 1.4;
        for (int k = 0; k < hdr.length; k++) {
            c.textRight(hdr[k], px + cw * (k + 1) - u * 0.4, yy, fb, t.muted());
        }
        yy += rowH * 1.2;
        while (yy < c.y + c.h - gap - u * 0.3) {
            double avg = Money.startPrice(c.r);
            double last = avg * (1 + c.r.nextGaussian() * 0.08);
            int qty = c.i(1, 500) * (c.p(0.2) ? -1 : 1);
            double pnl = (last - avg) * qty;
            String[] vals = {Money.ticker(c.r), Integer.toString(qty), m.number(avg, 2), m.number(last, 2), m.signed(pnl, 2)};
            for (int k = 0; k < hdr.length; k++) {
                c.textRight(c.fit(vals[k], f, cw - u * 0.5), px + cw * (k + 1) - u * 0.4, yy, f, k == 4 ? (pnl >= 0 ? t.up() : t.down()) : t.fg());
            }
            yy += rowH;
        }
    }

    /** A finance dashboard: KPI tiles with deltas, a trend chart, a donut of shares. */
    public static void dashboard(Ctx c) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.7, 1.0);
        double gap = u * c.u(0.5, 1.2);
        double yy = c.y + gap;
        c.text(c.pick("Financial Overview", "Sales Dashboard", "Q" + c.i(1, 4) + " Performance", "Revenue Report", "Portfolio Summary",
                "CFO Dashboard", "Treasury"), c.x + gap, yy + u * 1.3, c.font(Font.BOLD, u * 1.5), t.fg());
        yy += u * 2.4;
        int tiles = c.i(2, 4);
        double tw = (c.w - gap * (tiles + 1)) / tiles;
        double th = u * c.u(4.2, 5.5);
        String[] names = {"Revenue", "Net Profit", "EBITDA", "Gross Margin", "Operating Cash", "Expenses", "ARR", "Avg Order Value",
                "Accounts Receivable", "Cash Balance", "ROI", "Burn Rate"};
        for (int k = 0; k < tiles; k++) {
            double tx = c.x + gap + k * (tw + gap);
            c.roundRect(t.panel(), tx, yy, tw, th, u * c.u(0, 1.2));
            if (c.p(0.4)) {
                c.fill(t.accent(k), tx, yy, u * 0.3, th);
            }
            String name = c.pick(names);
            boolean pct = name.contains("Margin") || name.equals("ROI");
            double v = Math.exp(c.u(Math.log(1e3), Math.log(9e8)));
            double delta = c.r.nextGaussian() * 9;
            c.text(c.fit(name, c.font(Font.PLAIN, u * 0.8), tw - u), tx + u * 0.7, yy + u * 1.4, c.font(Font.PLAIN, u * 0.8), t.muted());
            String val = pct ? m.percent(c.u(2, 60), false) : c.p(0.6) ? m.compact(v) : m.amount(v, 0);
            c.text(c.fit(val, c.font(Font.BOLD, u * 1.6), tw - u), tx + u * 0.7, yy + u * 3.1, c.font(Font.BOLD, u * 1.6), t.fg());
            c.text((delta >= 0 ? "▲ " : "▼ ") + m.percent(Math.abs(delta), false) + c.pick(" vs LY", " MoM", " QoQ", ""), tx + u * 0.7,
                    yy + u * 4.3, c.font(Font.PLAIN, u * 0.7), delta >= 0 ? t.up() : t.down());
        }
        yy += th + gap;
        double restH = c.y + c.h - gap - yy;
        if (restH < u * 4) {
            return;
        }
        double chartW = (c.w - 3 * gap) * c.u(0.5, 0.65);
        c.roundRect(t.panel(), c.x + gap, yy, chartW, restH, u * 0.6);
        int ox = c.x;
        int oy = c.y;
        int ow = c.w;
        int oh = c.h;
        Theme saved = c.t;
        c.x = (int) (ox + gap);
        c.y = (int) yy;
        c.w = (int) chartW;
        c.h = (int) restH;
        drawPanelChart(c, m, u);
        c.x = ox;
        c.y = oy;
        c.w = ow;
        c.h = oh;
        double dx = ox + 2 * gap + chartW;
        double dw = ox + ow - gap - dx;
        c.roundRect(saved.panel(), dx, yy, dw, restH, u * 0.6);
        c.text(c.pick("Expenses", "Revenue by region", "Asset allocation", "Cost breakdown"), dx + u * 0.6, yy + u * 1.3, c.font(Font.BOLD, u * 0.85),
                t.fg());
        double r = Math.min(dw, restH - u * 3) * 0.36;
        double cx = dx + dw / 2;
        double cy = yy + u * 2 + r + u * 0.3;
        int parts = c.i(3, 5);
        double[] share = new double[parts];
        double sum = 0;
        for (int k = 0; k < parts; k++) {
            share[k] = c.u(0.5, 3);
            sum += share[k];
        }
        double start = 90;
        for (int k = 0; k < parts; k++) {
            double ext = 360 * share[k] / sum;
            c.g.setColor(t.accent(k));
            c.g.fill(new Arc2D.Double(cx - r, cy - r, 2 * r, 2 * r, start, -ext, Arc2D.PIE));
            start -= ext;
        }
        c.g.setColor(t.panel());
        double hole = r * c.u(0.45, 0.65);
        c.g.fill(new Ellipse2D.Double(cx - hole, cy - hole, 2 * hole, 2 * hole));
        c.textCenter(m.compact(Math.exp(c.u(Math.log(1e4), Math.log(1e8)))), cx, cy + u * 0.35, c.font(Font.BOLD, u * 0.8), t.fg());
        double ly = cy + r + u * 1.4;
        for (int k = 0; k < parts && ly < yy + restH - u * 0.3; k++) {
            c.fill(t.accent(k), dx + u * 0.6, ly - u * 0.6, u * 0.6, u * 0.6);
            c.text(c.pick("Payroll", "Rent", "Marketing", "IT", "Travel", "EMEA", "Americas", "Equities", "Bonds", "Cash") + " "
                    + m.percent(100 * share[k] / sum, false), dx + u * 1.5, ly, c.font(Font.PLAIN, u * 0.7), t.fg());
            ly += u * 1.1;
        }
    }

    private static void drawPanelChart(Ctx c, Money m, double u) {
        Theme t = c.t;
        c.text(c.pick("Monthly revenue", "Cash flow", "Profit trend", "Sales vs target"), c.x + u * 0.6, c.y + u * 1.3, c.font(Font.BOLD, u * 0.85),
                t.fg());
        double left = c.x + u * 3.2;
        double right = c.x + c.w - u * 0.6;
        double top = c.y + u * 2.2;
        double bottom = c.y + c.h - u * 1.6;
        int n = c.i(6, 12);
        double base = Math.exp(c.u(Math.log(1e4), Math.log(1e7)));
        double[] v = Money.walk(c.r, n, base, 0.1);
        double max = 0;
        for (double x : v) {
            max = Math.max(max, x);
        }
        max *= 1.15;
        double step = ChartRenderer.niceStep(max, 4);
        Font af = c.font(Font.PLAIN, u * 0.65);
        for (double g = 0; g <= max; g += step) {
            double yy = bottom - (bottom - top) * g / max;
            c.line(t.grid(), 1, left, yy, right, yy);
            c.textRight(m.compact(g), left - u * 0.3, yy + u * 0.25, af, t.muted());
        }
        double dx = (right - left) / n;
        boolean bars = c.p(0.5);
        Path2D.Double path = new Path2D.Double();
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 0; i < n; i++) {
            double yy = bottom - (bottom - top) * v[i] / max;
            double xx = left + dx * (i + 0.5);
            if (bars) {
                c.fill(t.accent(0), xx - dx * 0.3, yy, dx * 0.6, bottom - yy);
            } else if (i == 0) {
                path.moveTo(xx, yy);
            } else {
                path.lineTo(xx, yy);
            }
            c.textCenter(months[i % 12], xx, bottom + u * 1.0, af, t.muted());
        }
        if (!bars) {
            c.stroke(u * 0.15 + 1);
            c.g.setColor(t.accent(0));
            c.g.draw(path);
        }
    }
}
