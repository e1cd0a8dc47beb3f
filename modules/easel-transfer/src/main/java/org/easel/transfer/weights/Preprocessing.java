package org.easel.transfer.weights;

import java.util.List;
import java.util.Locale;

/**
 * How pixels are prepared for a given set of weights. It belongs to the weights (not the caller):
 * the Keras ImageNet files were trained on caffe-style input, random weights on [0, 1]; a model-file
 * backbone takes what {@code transfer.preprocessing} says (default [0, 1]). It is stored in the saved
 * model so prediction prepares images exactly as training did.
 */
public enum Preprocessing {
    /** RGB [0, 1] -> BGR [0, 255] minus the ImageNet channel means (Keras preprocess_input, mode "caffe"). */
    CAFFE_BGR,
    /** RGB [0, 1] unchanged. */
    UNIT,
    /** [0, 1] -> [-1, 1] (Keras preprocess_input, mode "tf"). */
    SIGNED;

    /** The values of {@code transfer.preprocessing}: auto (the backbone's own) or one of these. */
    public static final List<String> CONFIG_VALUES = List.of("auto", "unit", "signed", "caffe");

    private static final float[] BGR_MEAN = {103.939f, 116.779f, 123.68f};

    /** The preprocessing a {@code transfer.preprocessing} value names; {@code auto} gives {@code fallback}. */
    public static Preprocessing fromConfig(String value, Preprocessing fallback) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "unit" -> UNIT;
            case "signed" -> SIGNED;
            case "caffe" -> CAFFE_BGR;
            default -> fallback;
        };
    }

    /** Transforms {@code n} images of RGB CHW floats in [0, 1], in place. */
    public void apply(float[] chw, int n, int height, int width) {
        apply(chw, n, 3, height, width);
    }

    /** Transforms {@code n} images of CHW floats in [0, 1] with {@code channels} channels (caffe needs 3), in place. */
    public void apply(float[] chw, int n, int channels, int height, int width) {
        switch (this) {
            case UNIT -> {
            }
            case SIGNED -> {
                int len = n * channels * height * width;
                for (int i = 0; i < len; i++) {
                    chw[i] = chw[i] * 2f - 1f;
                }
            }
            case CAFFE_BGR -> caffe(chw, n, channels, height * width);
        }
    }

    private static void caffe(float[] chw, int n, int channels, int plane) {
        if (channels != 3) {
            throw new IllegalArgumentException("caffe preprocessing needs RGB images, got " + channels + " channel(s)");
        }
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
