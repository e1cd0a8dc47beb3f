package org.easel.core.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.io.AtomicFiles;
import org.easel.core.train.EpochMetrics;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The training-history figure, like R keras' {@code plot(history)}: loss on top, accuracy below, training vs validation. */
public final class HistoryPlot {
    private HistoryPlot() {
    }

    public static void write(List<EpochMetrics> history, Path png) {
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis);
        combined.add(panel(history, "loss", true), 1);
        combined.add(panel(history, "accuracy", false), 1);
        combined.setGap(12);
        JFreeChart chart = new JFreeChart("Training history", new Font("SansSerif", Font.BOLD, 16), combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 800, 600));
    }

    private static XYPlot panel(List<EpochMetrics> history, String label, boolean loss) {
        XYSeries train = new XYSeries("training");
        XYSeries val = new XYSeries("validation");
        for (EpochMetrics m : history) {
            train.add(m.epoch(), loss ? m.loss() : m.accuracy());
            double v = loss ? m.valLoss() : m.valAccuracy();
            if (Double.isFinite(v)) {
                val.add(m.epoch(), v);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(train);
        data.addSeries(val);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, new Color(0xF8, 0x76, 0x6D));
        renderer.setSeriesPaint(1, new Color(0x00, 0xBF, 0xC4));
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        renderer.setSeriesShape(0, new Rectangle2D.Double(-3, -3, 6, 6));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        // Both panels show the same two series: one legend entry each is enough.
        renderer.setSeriesVisibleInLegend(0, loss);
        renderer.setSeriesVisibleInLegend(1, loss);
        XYPlot plot = new XYPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(new Color(0xEB, 0xEB, 0xEB));
        plot.setDomainGridlinePaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.WHITE);
        return plot;
    }

}
