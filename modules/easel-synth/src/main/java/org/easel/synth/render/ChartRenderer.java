package org.easel.synth.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleUnaryOperator;

/** Price charts as trading apps and finance sites draw them: candlesticks, lines, areas, bars. */
public final class ChartRenderer {
    public static final int CANDLE = 0;
    public static final int LINE = 1;
    public static final int AREA = 2;
    public static final int BAR = 3;

    private ChartRenderer() {
    }

    public static Renderer of(int type) {
        return c -> draw(c, type);
    }

    /** Round tick steps (1, 2, 5 x 10^k) so axis labels look like a real chart's. */
    static double niceStep(double range, int ticks) {
        double raw = range / Math.max(1, ticks);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / mag;
        return (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * mag;
    }

    static void draw(Ctx c, int type) {
        Theme t = c.t;
        c.fill(t.bg(), c.x, c.y, c.w, c.h);
        Money m = new Money(c.r);
        double u = c.unit() * c.u(0.8, 1.25);
        double pad = u * c.u(0.5, 1.5);
        double top = c.y + pad;
        String tk = Money.ticker(c.r);
        int n = type == CANDLE ? c.i(18, 70) : type == BAR ? c.i(5, 20) : c.i(30, 220);
        double p0 = Money.startPrice(c.r);
        double vol = c.u(0.004, 0.03);
        double[] close = Money.walk(c.r, n, p0, vol);
        int dec = Money.priceDecimals(p0);
        double last = close[n - 1];
        double chg = last - close[0];
        boolean upDay = chg >= 0;
        Color trend = upDay ? t.up() : t.down();

        if (c.p(0.85)) {
            Font big = c.font(Font.BOLD, u * c.u(1.2, 1.9));
            int tw = c.text(tk, c.x + pad, top + u * 1.5, big, t.fg());
            if (c.p(0.7)) {
                c.text(Words.company(c.r), c.x + pad + tw + u, top + u * 1.5, c.font(Font.PLAIN, u * 0.9), t.muted());
            }
            top += u * 2.2;
            Font priceF = c.font(Font.BOLD, u * c.u(1.4, 2.2));
            String price = c.p(0.5) ? m.amount(last, dec) : m.number(last, dec);
            int pw = c.text(price, c.x + pad, top + u * 1.6, priceF, t.fg());
            String arrow = upDay ? "▲ " : "▼ ";
            String change = (c.p(0.6) ? arrow : "") + m.signed(chg, dec) + " (" + m.percent(100 * chg / close[0], true) + ")";
            c.text(change, c.x + pad + pw + u, top + u * 1.6, c.font(Font.PLAIN, u), trend);
            top += u * 2.4;
        } else if (c.p(0.6)) {
            c.text(c.pick("Share price", "Closing price", "Stock performance", "Price history", "NAV per unit", "Index level")
                    + " — " + tk, c.x + pad, top + u * 1.2, c.font(Font.BOLD, u * 1.1), t.fg());
            top += u * 2;
        }
        if (c.p(0.45)) {
            String[] frames = {"1D", "5D", "1M", "3M", "6M", "YTD", "1Y", "5Y", "Max"};
            double bx = c.x + pad;
            int sel = c.i(0, frames.length - 1);
            Font f = c.font(Font.PLAIN, u * 0.8);
            for (int i = 0; i < frames.length; i++) {
                double bw = c.width(frames[i], f) + u;
                if (i == sel) {
                    c.roundRect(Theme.mix(t.bg(), t.accent(0), 0.3), bx - u * 0.2, top, bw, u * 1.3, u * 0.5);
                }
                c.text(frames[i], bx + u * 0.3, top + u, f, i == sel ? t.fg() : t.muted());
                bx += bw + u * 0.3;
            }
            top += u * 1.8;
        }

        boolean axisRight = c.p(0.6);
        boolean volume = type != BAR && c.p(0.35);
        Font axisF = c.font(Font.PLAIN, u * c.u(0.65, 0.85));
        String sample = (c.p(0.3) ? m.amount(last * 1.3, dec) : m.number(last * 1.3, dec));
        double labelW = c.width(sample, axisF) + u * 0.6;
        double left = c.x + pad + (axisRight ? 0 : labelW);
        double right = c.x + c.w - pad - (axisRight ? labelW : 0);
        double bottom = c.y + c.h - pad - u * 1.4;
        double volH = volume ? (bottom - top) * 0.2 : 0;
        double plotBottom = bottom - volH;
        Rectangle2D.Double plot = new Rectangle2D.Double(left, top + u * 0.5, right - left, plotBottom - top - u * 0.5);
        if (plot.width < 20 || plot.height < 20) {
            return;
        }
        if (type == BAR) {
            drawBars(c, m, plot, axisF, bottom, u);
            return;
        }

        double[] hi = new double[n];
        double[] lo = new double[n];
        double[] op = new double[n];
        for (int i = 0; i < n; i++) {
            op[i] = i == 0 ? close[0] * (1 + c.r.nextGaussian() * vol) : close[i - 1];
            hi[i] = Math.max(op[i], close[i]) * (1 + Math.abs(c.r.nextGaussian()) * vol * 0.7);
            lo[i] = Math.min(op[i], close[i]) * (1 - Math.abs(c.r.nextGaussian()) * vol * 0.7);
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, type == CANDLE ? lo[i] : close[i]);
            max = Math.max(max, type == CANDLE ? hi[i] : close[i]);
        }
        double margin = (max - min) * 0.08 + 1e-9;
        min -= margin;
        max += margin;
        // gridlines and price labels
        double step = niceStep(max - min, c.i(4, 8));
        boolean dashed = c.p(0.4);
        boolean vgrid = c.p(0.5);
        double fmin = min;
        double fmax = max;
        DoubleUnaryOperator py = v -> plot.y + plot.height * (1 - (v - fmin) / (fmax - fmin));
        c.g.setStroke(dashed ? new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f) : new BasicStroke(1f));
        boolean labelCur = c.p(0.3);
        int axisDec = step >= 1 ? (step >= 10 && c.p(0.5) ? 0 : Math.min(dec, 2)) : dec;
        for (double v = Math.ceil(min / step) * step; v <= max; v += step) {
            double yy = py.applyAsDouble(v);
            c.g.setColor(t.grid());
            c.g.draw(new Line2D.Double(plot.x, yy, plot.x + plot.width, yy));
            String lab = labelCur ? m.amount(v, axisDec) : m.number(v, axisDec);
            if (axisRight) {
                c.text(lab, plot.x + plot.width + u * 0.4, yy + u * 0.3, axisF, t.muted());
            } else {
                c.textRight(lab, plot.x - u * 0.4, yy + u * 0.3, axisF, t.muted());
            }
        }
        int labels = c.i(3, 6);
        int dateStyle = c.i(0, 5);
        int year = c.i(2012, 2025);
        int month = c.i(0, 11);
        for (int k = 0; k < labels; k++) {
            double xx = plot.x + plot.width * (k + 0.5) / labels;
            if (vgrid) {
                c.g.setColor(t.grid());
                c.g.draw(new Line2D.Double(xx, plot.y, xx, bottom));
            }
            c.textCenter(Money.date(year, month, k * Math.max(1, 12 / labels), dateStyle), xx, bottom + u * 1.1, axisF, t.muted());
        }
        c.g.setStroke(new BasicStroke(1f));
        if (c.p(0.6)) {
            c.line(t.muted(), 1, plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
        }

        double dx = plot.width / n;
        if (type == CANDLE) {
            boolean hollow = c.p(0.25);
            boolean mono = c.p(0.12);
            for (int i = 0; i < n; i++) {
                double cx = plot.x + dx * (i + 0.5);
                boolean up = close[i] >= op[i];
                Color col = mono ? (up ? t.bg() : t.fg()) : (up ? t.up() : t.down());
                Color edge = mono ? t.fg() : col;
                c.line(edge, Math.max(1, dx * 0.08), cx, py.applyAsDouble(hi[i]), cx, py.applyAsDouble(lo[i]));
                double y1 = py.applyAsDouble(Math.max(op[i], close[i]));
                double y2 = py.applyAsDouble(Math.min(op[i], close[i]));
                double bw = dx * c.u(0.55, 0.8);
                Rectangle2D.Double body = new Rectangle2D.Double(cx - bw / 2, y1, bw, Math.max(1, y2 - y1));
                c.g.setColor(col);
                if (hollow && up) {
                    c.g.setColor(t.bg());
                    c.g.fill(body);
                    c.g.setColor(edge);
                    c.g.setStroke(new BasicStroke(1f));
                    c.g.draw(body);
                } else {
                    c.g.fill(body);
                    if (mono) {
                        c.g.setColor(edge);
                        c.g.setStroke(new BasicStroke(1f));
                        c.g.draw(body);
                    }
                }
            }
        } else {
            Path2D.Double path = new Path2D.Double();
            for (int i = 0; i < n; i++) {
                double xx = plot.x + dx * (i + 0.5);
                double yy = py.applyAsDouble(close[i]);
                if (i == 0) {
                    path.moveTo(xx, yy);
                } else {
                    path.lineTo(xx, yy);
                }
            }
            Color lineC = c.p(0.5) ? trend : t.accent(c.i(0, 4));
            if (type == AREA) {
                Path2D.Double area = new Path2D.Double(path);
                area.lineTo(plot.x + dx * (n - 0.5), plot.y + plot.height);
                area.lineTo(plot.x + dx * 0.5, plot.y + plot.height);
                area.closePath();
                c.g.setPaint(new GradientPaint((float) plot.x, (float) plot.y, Theme.alpha(lineC, c.i(90, 200)), (float) plot.x,
                        (float) (plot.y + plot.height), Theme.alpha(lineC, c.i(0, 40))));
                c.g.fill(area);
            }
            c.stroke(u * c.u(0.08, 0.2) + 0.6);
            c.g.setColor(lineC);
            c.g.draw(path);
        }
        if (c.p(0.4)) {
            // moving average overlay
            int win = c.i(5, 20);
            Path2D.Double ma = new Path2D.Double();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += close[i];
                if (i >= win) {
                    sum -= close[i - win];
                }
                double avg = sum / Math.min(i + 1, win);
                double xx = plot.x + dx * (i + 0.5);
                if (i == 0) {
                    ma.moveTo(xx, py.applyAsDouble(avg));
                } else {
                    ma.lineTo(xx, py.applyAsDouble(avg));
                }
            }
            c.stroke(Math.max(1, u * 0.08));
            c.g.setColor(t.accent(c.i(1, 4)));
            c.g.draw(ma);
            if (c.p(0.7)) {
                c.text("MA(" + win + ") " + m.number(sum / win, dec), plot.x + u * 0.4, plot.y + u * 0.9, axisF, t.accent(c.i(1, 4)));
            }
        }
        if (c.p(0.55)) {
            double yy = py.applyAsDouble(last);
            String lab = m.number(last, dec);
            double bw = c.width(lab, axisF) + u * 0.5;
            double bx = axisRight ? plot.x + plot.width + u * 0.1 : plot.x - bw - u * 0.1;
            c.fill(trend, bx, yy - u * 0.55, bw, u * 1.1);
            c.text(lab, bx + u * 0.25, yy + u * 0.3, axisF, Theme.luminance(trend) > 0.6 ? Color.BLACK : Color.WHITE);
            c.g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {2f, 2f}, 0f));
            c.g.setColor(trend);
            c.g.draw(new Line2D.Double(plot.x, yy, plot.x + plot.width, yy));
        }
        if (volume) {
            double vtop = plotBottom + u * 0.3;
            double vh = bottom - vtop;
            for (int i = 0; i < n; i++) {
                double v = c.u(0.2, 1.0);
                boolean up = close[i] >= op[i];
                c.fill(Theme.alpha(up ? t.up() : t.down(), 150), plot.x + dx * (i + 0.15), vtop + vh * (1 - v), dx * 0.7, vh * v);
            }
            c.text("Vol " + m.compact(c.u(1e5, 9e7)).replace(m.sign.trim(), ""), plot.x + u * 0.3, vtop + u * 0.8, axisF, t.muted());
        }
    }

    private static void drawBars(Ctx c, Money m, Rectangle2D.Double plot, Font axisF, double bottom, double u) {
        Theme t = c.t;
        int mode = c.i(0, 2);
        int n = c.i(4, 12);
        double[] v = new double[n];
        double base = Math.exp(c.u(Math.log(1e4), Math.log(5e9)));
        for (int i = 0; i < n; i++) {
            v[i] = mode == 1 ? c.r.nextGaussian() * c.u(1, 6) : base * (1 + i * c.u(-0.03, 0.12)) * c.u(0.85, 1.15);
        }
        String title = switch (mode) {
            case 0 -> c.pick("Revenue", "Net income", "Operating cash flow", "Quarterly sales", "Dividends paid", "Gross profit", "EPS");
            case 1 -> c.pick("Monthly returns", "Daily P&L", "Return vs benchmark", "Net flows");
            default -> c.pick("Expenses by category", "Revenue by segment", "Portfolio allocation", "Assets under management");
        };
        c.text(title + (mode == 1 ? " (%)" : " (" + m.sign.trim() + (c.p(0.5) ? " millions)" : ")")), plot.x, plot.y - u * 0.3,
                c.font(Font.BOLD, u * 0.95), t.fg());
        double min = 0;
        double max = 0;
        for (double x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        max += (max - min) * 0.12;
        double fmin = min - (min < 0 ? (max - min) * 0.05 : 0);
        double fmax = max;
        DoubleUnaryOperator py = val -> plot.y + plot.height * (1 - (val - fmin) / (fmax - fmin));
        double step = niceStep(fmax - fmin, c.i(3, 6));
        for (double g = Math.ceil(fmin / step) * step; g <= fmax; g += step) {
            double yy = py.applyAsDouble(g);
            c.line(t.grid(), 1, plot.x, yy, plot.x + plot.width, yy);
            String lab = mode == 1 ? m.percent(g, false) : m.compact(g);
            c.textRight(lab, plot.x - u * 0.3, yy + u * 0.3, axisF, t.muted());
        }
        double dx = plot.width / n;
        double zero = py.applyAsDouble(0);
        int year = c.i(2012, 2024);
        int month = c.i(0, 11);
        int style = c.pick(1, 4, 5);
        boolean labels = c.p(0.6);
        Color fillC = t.accent(c.i(0, 4));
        for (int i = 0; i < n; i++) {
            double yy = py.applyAsDouble(v[i]);
            Color col = mode == 1 ? (v[i] >= 0 ? t.up() : t.down()) : mode == 2 ? t.accent(i) : fillC;
            double bw = dx * c.u(0.5, 0.8);
            double bx = plot.x + dx * i + (dx - bw) / 2;
            c.fill(col, bx, Math.min(yy, zero), bw, Math.max(1, Math.abs(zero - yy)));
            if (labels) {
                String lab = mode == 1 ? m.percent(v[i], true) : m.compact(v[i]);
                c.textCenter(lab, bx + bw / 2, v[i] >= 0 ? yy - u * 0.25 : yy + u * 0.9, axisF, t.fg());
            }
            String xl = mode == 2 ? c.pick("Ops", "R&D", "Sales", "Admin", "Equity", "Bonds", "Cash", "Retail", "Cloud", "Other")
                    : Money.date(year, month, i * (style == 4 ? 1 : 3), style);
            c.textCenter(c.fit(xl, axisF, dx * 1.1), bx + bw / 2, bottom + u * 1.1, axisF, t.muted());
        }
        c.line(t.muted(), 1, plot.x, zero, plot.x + plot.width, zero);
    }
}
