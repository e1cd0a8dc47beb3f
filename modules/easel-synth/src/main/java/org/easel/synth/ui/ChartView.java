package org.easel.synth.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.easel.synth.render.Theme;

/**
 * A plot in a program's view: line, area, bars or candles over a labelled grid. Whether it is about money is
 * decided by the caller's axis labels (currency amounts are recorded as money, °C or % are not).
 */
public final class ChartView {
    public static final int LINE = 0;
    public static final int AREA = 1;
    public static final int BARS = 2;
    public static final int CANDLES = 3;

    private ChartView() {
    }

    /**
     * @param values    the series (for candles: closes; highs/lows are made around them)
     * @param yLabel    formats a y-axis value
     * @param money     whether y labels state money
     * @param xLabel    formats the i-th x tick
     */
    public static void draw(Ui u, Rectangle area, int type, double[] values, DoubleFunction<String> yLabel, boolean money,
                            IntFunction<String> xLabel, String title, Color series) {
        Skin s = u.s;
        Font f = u.ui(Font.PLAIN, 0.9f);
        double top = area.y + 8;
        if (title != null) {
            u.text(u.fit(title, u.ui(Font.BOLD, 1.05f), area.width - 16), area.x + 8, area.y + s.fontPx() * 1.4, u.ui(Font.BOLD, 1.05f), s.text());
            top += s.fontPx() * 1.8;
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (type == BARS || type == AREA) {
            min = Math.min(0, min);
        }
        double pad = (max - min) * 0.08 + 1e-9;
        min -= (type == BARS || type == AREA) && min == 0 ? 0 : pad;
        max += pad;
        int ticks = Math.max(3, Math.min(7, (int) ((area.height - (top - area.y)) / 45)));
        double labelW = 0;
        for (int k = 0; k <= ticks; k++) {
            labelW = Math.max(labelW, u.width(yLabel.apply(min + (max - min) * k / ticks), f));
        }
        boolean right = u.p(0.35);
        Rectangle2D.Double plot = new Rectangle2D.Double(area.x + (right ? 10 : labelW + 14), top + 4, area.width - labelW - 26,
                area.y + area.height - top - s.fontPx() * 2.2 - 6);
        Color grid = Theme.mix(s.view(), s.text(), 0.1);
        for (int k = 0; k <= ticks; k++) {
            double v = min + (max - min) * k / ticks;
            double y = plot.y + plot.height - plot.height * k / ticks;
            u.hline(grid, plot.x, y, plot.width);
            String label = yLabel.apply(v);
            double by = y + f.getSize2D() * 0.35;
            if (right && money) {
                u.money(label, plot.x + plot.width + 6, by, f, s.dim());
            } else if (right) {
                u.text(label, plot.x + plot.width + 6, by, f, s.dim());
            } else {
                u.textRight(label, plot.x - 6, by, f, s.dim(), money);
            }
        }
        int xt = Math.max(2, Math.min(8, (int) (plot.width / 110)));
        for (int k = 0; k <= xt; k++) {
            int idx = (int) Math.round((values.length - 1) * k / (double) xt);
            double x = plot.x + plot.width * k / xt;
            u.textCenter(xLabel.apply(idx), x, plot.y + plot.height + s.fontPx() * 1.4, f, s.dim());
        }
        double step = plot.width / Math.max(1, values.length - (type == BARS || type == CANDLES ? 0 : 1));
        final double lo0 = min;
        final double range = max - min;
        DoubleUnaryOperator yOf = v -> plot.y + plot.height - (v - lo0) / range * plot.height;
        switch (type) {
            case BARS -> {
                for (int k = 0; k < values.length; k++) {
                    double y = yOf.applyAsDouble(values[k]);
                    double y0 = yOf.applyAsDouble(Math.max(min, 0));
                    u.fill(values[k] < 0 ? s.red() : series, plot.x + k * step + step * 0.15, Math.min(y, y0), step * 0.7, Math.abs(y0 - y));
                }
            }
            case CANDLES -> {
                double prev = values[0];
                for (int k = 0; k < values.length; k++) {
                    double open = prev;
                    double close = values[k];
                    double hi = Math.max(open, close) * (1 + u.u(0, 0.015));
                    double lo = Math.min(open, close) * (1 - u.u(0, 0.015));
                    Color c = close >= open ? s.green() : s.red();
                    double cx = plot.x + k * step + step / 2;
                    u.line(c, cx, yOf.applyAsDouble(hi), cx, yOf.applyAsDouble(lo));
                    double y1 = yOf.applyAsDouble(Math.max(open, close));
                    u.fill(c, cx - step * 0.35, y1, step * 0.7, Math.max(1, yOf.applyAsDouble(Math.min(open, close)) - y1));
                    prev = close;
                }
            }
            default -> {
                Path2D.Double p = new Path2D.Double();
                for (int k = 0; k < values.length; k++) {
                    double x = plot.x + k * step;
                    double y = yOf.applyAsDouble(values[k]);
                    if (k == 0) {
                        p.moveTo(x, y);
                    } else {
                        p.lineTo(x, y);
                    }
                }
                if (type == AREA) {
                    Path2D.Double fill = new Path2D.Double(p);
                    fill.lineTo(plot.x + plot.width, plot.y + plot.height);
                    fill.lineTo(plot.x, plot.y + plot.height);
                    fill.closePath();
                    u.g.setColor(Theme.alpha(series, 70));
                    u.g.fill(fill);
                }
                u.g.setColor(series);
                u.g.setStroke(new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                u.g.draw(p);
            }
        }
    }

    /** A random walk, for prices, temperatures, loads. */
    public static double[] walk(Ui u, int n, double start, double vol) {
        double[] v = new double[n];
        v[0] = start;
        double drift = u.u(-0.3, 0.3) * vol;
        for (int k = 1; k < n; k++) {
            v[k] = Math.max(start * 0.05, v[k - 1] * (1 + drift + u.r.nextGaussian() * vol));
        }
        return v;
    }
}
