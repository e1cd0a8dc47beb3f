package org.easel.transfer.head;

/**
 * Standardises pooled features with the training set's per-feature mean and deviation. Caffe-style
 * backbones emit activations in the tens to hundreds; the head trains far better on unit scale.
 * Stored with the model so prediction scales identically.
 */
public record FeatureScaler(float[] mean, float[] std) {
    public static FeatureScaler fit(float[] x, int dim) {
        int n = x.length / dim;
        double[] sum = new double[dim];
        double[] sq = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                double v = x[i * dim + j];
                sum[j] += v;
                sq[j] += v * v;
            }
        }
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int j = 0; j < dim; j++) {
            double m = sum[j] / Math.max(1, n);
            double var = sq[j] / Math.max(1, n) - m * m;
            mean[j] = (float) m;
            std[j] = (float) Math.sqrt(Math.max(var, 0) + 1e-6);
        }
        return new FeatureScaler(mean, std);
    }

    /** A scaled copy. */
    public float[] apply(float[] x) {
        int dim = mean.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            int j = i % dim;
            out[i] = (x[i] - mean[j]) / std[j];
        }
        return out;
    }
}
