package org.easel.style.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import org.easel.core.io.AtomicFiles;
import org.easel.style.StyleResult.Step;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The loss curve: total, content, style and TV (weighted) against iterations, log scale. */
public final class LossChart {
    private LossChart() {
    }

    public static void write(List<Step> steps, Path png) {
        // Floor the axis 4 decades under the smallest total: the content term starts at ~0 with a
        // content init and would otherwise stretch the axis over many empty decades.
        double floor = steps.stream().mapToDouble(Step::total).filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1e-8) * 1e-4;
        XYSeries total = new XYSeries("total");
        XYSeries content = new XYSeries("content");
        XYSeries style = new XYSeries("style");
        XYSeries tv = new XYSeries("total variation");
        for (Step s : steps) {
            add(total, s.iteration(), s.total(), floor);
            add(content, s.iteration(), s.content(), floor);
            add(style, s.iteration(), s.style(), floor);
            add(tv, s.iteration(), s.tv(), floor);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(total);
        data.addSeries(content);
        data.addSeries(style);
        data.addSeries(tv);
        NumberAxis x = new NumberAxis("iteration (loss + gradient evaluations)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LogAxis y = new LogAxis("loss (weighted terms, log scale)");
        y.setSmallestValue(floor);
        y.setNumberFormatOverride(new DecimalFormat("0.##E0"));
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] colors = {Color.BLACK, new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c)};
        for (int i = 0; i < colors.length; i++) {
            r.setSeriesPaint(i, colors[i]);
            r.setSeriesStroke(i, new BasicStroke(i == 0 ? 2.5f : 1.5f));
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(new Color(0xF4, 0xF4, 0xF4));
        plot.setDomainGridlinePaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("Style transfer loss", new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 800, 500));
    }

    private static void add(XYSeries s, int x, double y, double floor) {
        if (y >= floor && Double.isFinite(y)) { // a log axis cannot show 0 (e.g. the content loss at a content start)
            s.add(x, y);
        }
    }
}
