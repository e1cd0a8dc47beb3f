package org.easel.nets;

import java.util.List;
import java.util.Locale;

/**
 * How pixels are prepared for a set of weights. It belongs to the weights, not the caller: the Keras
 * ImageNet files were trained on caffe-style input ({@link #CAFFE_BGR}), random weights take [0, 1]. The
 * caffe convention (channel order and ImageNet BGR means) is written here once; style transfer, which
 * optimises pixels directly in that space, uses {@link #toCaffe} and {@link #fromCaffe}.
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

    /** The ImageNet channel means in BGR order, on the 0..255 pixel scale. */
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

    /** The RGB plane that caffe channel {@code bgr} (0 = B, 1 = G, 2 = R) is taken from. */
    public static int rgbPlane(int bgr) {
        return 2 - bgr;
    }

    /** Caffe value of caffe channel {@code bgr} for a pixel value on the 0..255 scale. */
    public static float toCaffe(int bgr, float value255) {
        return value255 - BGR_MEAN[bgr];
    }

    /** The 0..255 pixel value of caffe value {@code x} in caffe channel {@code bgr}. */
    public static double fromCaffe(int bgr, double x) {
        return x + BGR_MEAN[bgr];
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
        float[] rgb = new float[3];
        for (int i = 0; i < n; i++) {
            int base = i * 3 * plane;
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    rgb[c] = chw[base + c * plane + p];
                }
                for (int bgr = 0; bgr < 3; bgr++) {
                    chw[base + bgr * plane + p] = toCaffe(bgr, rgb[rgbPlane(bgr)] * 255f);
                }
            }
        }
    }
}
