package org.easel.transfer.weights;

/**
 * How pixels are prepared for a given set of weights. It belongs to the weights (not the caller):
 * the Keras ImageNet files were trained on caffe-style input, random weights on [0, 1]. It is stored
 * in the saved model so prediction prepares images exactly as training did.
 */
public enum Preprocessing {
    /** RGB [0, 1] -> BGR [0, 255] minus the ImageNet channel means (Keras preprocess_input, mode "caffe"). */
    CAFFE_BGR,
    /** RGB [0, 1] unchanged. */
    UNIT;

    private static final float[] BGR_MEAN = {103.939f, 116.779f, 123.68f};

    /** Transforms {@code n} images of RGB CHW floats in [0, 1], in place. */
    public void apply(float[] chw, int n, int height, int width) {
        if (this == UNIT) {
            return;
        }
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            int base = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                float r = chw[base + p];
                float b = chw[base + 2 * plane + p];
                chw[base + p] = b * 255f - BGR_MEAN[0];
                chw[base + plane + p] = chw[base + plane + p] * 255f - BGR_MEAN[1];
                chw[base + 2 * plane + p] = r * 255f - BGR_MEAN[2];
            }
        }
    }
}
