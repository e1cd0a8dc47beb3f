package org.easel.transfer.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.easel.core.io.AtomicFiles;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** ROC curve of one class against the rest, from predicted probabilities; AUC by the trapezoid rule. */
public record Roc(double[] fpr, double[] tpr, double auc, String positiveClass) {

    /** {@code scores[i]} = probability of the positive class; {@code positive[i]} = truth. */
    public static Roc of(float[] scores, boolean[] positive, String positiveClass) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        int pos = 0;
        for (boolean p : positive) {
            pos += p ? 1 : 0;
        }
        int neg = n - pos;
        double[] fpr = new double[n + 2];
        double[] tpr = new double[n + 2];
        int points = 1;
        int tp = 0;
        int fp = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (positive[i]) {
                tp++;
            } else {
                fp++;
            }
            // one point per distinct score, so ties do not draw a staircase that depends on input order
            if (k == n - 1 || scores[order[k + 1]] != scores[i]) {
                fpr[points] = neg == 0 ? 0 : (double) fp / neg;
                tpr[points] = pos == 0 ? 0 : (double) tp / pos;
                points++;
            }
        }
        fpr = Arrays.copyOf(fpr, points);
        tpr = Arrays.copyOf(tpr, points);
        double auc = 0;
        for (int i = 1; i < points; i++) {
            auc += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        }
        return new Roc(fpr, tpr, pos == 0 || neg == 0 ? Double.NaN : auc, positiveClass);
    }

    public void writePng(Path png) {
        XYSeries curve = new XYSeries(String.format("%s vs rest (AUC %.4f)", positiveClass, auc), false);
        for (int i = 0; i < fpr.length; i++) {
            curve.add(fpr[i], tpr[i]);
        }
        XYSeries chance = new XYSeries("chance", false);
        chance.add(0, 0);
        chance.add(1, 1);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(curve);
        data.addSeries(chance);
        JFreeChart chart = ChartFactory.createXYLineChart("ROC curve (test set)", "false positive rate", "true positive rate", data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getDomainAxis().setRange(0, 1);
        plot.getRangeAxis().setRange(0, 1.01);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        r.setSeriesPaint(0, new Color(31, 119, 180));
        r.setSeriesStroke(0, new BasicStroke(2f));
        r.setSeriesPaint(1, Color.GRAY);
        r.setSeriesStroke(1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{5f, 5f}, 0f));
        plot.setRenderer(r);
        AtomicFiles.write(png, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, 640, 520));
    }
}
