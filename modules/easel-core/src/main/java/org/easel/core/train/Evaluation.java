package org.easel.core.train;

import java.util.List;

/** Test-set results: accuracy, mean cross-entropy, confusion matrix (rows = true class) and per-class scores. */
public record Evaluation(List<String> classes, double accuracy, double loss, int[][] confusion,
                        double[] precision, double[] recall, double[] f1, int examples) {

    public static Evaluation of(List<String> classes, int[] truth, int[] predicted, double lossSum) {
        int k = classes.size();
        int[][] cm = new int[k][k];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            cm[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        double[] p = new double[k];
        double[] r = new double[k];
        double[] f = new double[k];
        for (int c = 0; c < k; c++) {
            int tp = cm[c][c];
            int predictedC = 0;
            int actualC = 0;
            for (int j = 0; j < k; j++) {
                predictedC += cm[j][c];
                actualC += cm[c][j];
            }
            p[c] = predictedC == 0 ? 0 : (double) tp / predictedC;
            r[c] = actualC == 0 ? 0 : (double) tp / actualC;
            f[c] = p[c] + r[c] == 0 ? 0 : 2 * p[c] * r[c] / (p[c] + r[c]);
        }
        int n = truth.length;
        return new Evaluation(classes, n == 0 ? 0 : (double) correct / n, n == 0 ? 0 : lossSum / n, cm, p, r, f, n);
    }
}
