package org.easel.vae.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.io.AtomicFiles;
import org.easel.vae.train.VaeEpoch;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The training curve (loss and test -ELBO; test reconstruction and KL) and the 2-D latent scatter. */
public final class VaeCharts {
    private static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private VaeCharts() {
    }

    public static void trainingCurve(List<VaeEpoch> history, Path png) {
        XYSeries loss = new XYSeries("training loss (rec + weight x KL)");
        XYSeries elbo = new XYSeries("test -ELBO");
        XYSeries rec = new XYSeries("test reconstruction");
        XYSeries kl = new XYSeries("test KL");
        for (VaeEpoch e : history) {
            loss.add(e.epoch(), e.trainLoss());
            elbo.add(e.epoch(), e.testNegElbo());
            rec.add(e.epoch(), e.testReconstruction());
            kl.add(e.epoch(), e.testKl());
        }
        NumberAxis epochAxis = new NumberAxis("epoch");
        epochAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epochAxis);
        combined.add(panel("nats per image", loss, elbo), 1);
        combined.add(panel("test terms (nats)", rec, kl), 1);
        combined.setGap(12);
        JFreeChart chart = new JFreeChart("VAE training", new Font("SansSerif", Font.BOLD, 16), combined, true);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 800, 600));
    }

    private static XYPlot panel(String label, XYSeries a, XYSeries b) {
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(a);
        data.addSeries(b);
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        r.setSeriesPaint(0, new Color(0xF8, 0x76, 0x6D));
        r.setSeriesPaint(1, new Color(0x00, 0xBF, 0xC4));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesStroke(1, new BasicStroke(2f));
        XYPlot plot = new XYPlot(data, null, axis, r);
        plot.setBackgroundPaint(new Color(0xEB, 0xEB, 0xEB));
        plot.setDomainGridlinePaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.WHITE);
        return plot;
    }

    /** Test encodings (posterior means) in a 2-D latent space, one colour per class. */
    public static void latentScatter(float[][] points, int[] labels, List<String> classes, Path png) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[classes.size()];
        for (int k = 0; k < classes.size(); k++) {
            series[k] = new XYSeries(classes.get(k), false, true);
            data.addSeries(series[k]);
        }
        for (int i = 0; i < points.length; i++) {
            series[labels[i]].add(points[i][0], points[i][1]);
        }
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < classes.size(); k++) {
            r.setSeriesPaint(k, PALETTE[k % PALETTE.length]);
            r.setSeriesShape(k, new Ellipse2D.Double(-1.5, -1.5, 3, 3));
        }
        NumberAxis xAxis = new NumberAxis("z[0]");
        NumberAxis yAxis = new NumberAxis("z[1]");
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart("Test images in latent space (posterior means)", new Font("SansSerif", Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 800, 700));
    }
}
