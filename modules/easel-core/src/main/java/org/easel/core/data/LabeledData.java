package org.easel.core.data;

import java.util.Arrays;
import java.util.List;

/**
 * Examples in memory: pixels flattened per example in channel-height-width order, scaled to [0, 1],
 * with integer labels indexing {@code classes}. Float arrays keep 60k MNIST images at 188 MB.
 */
public record LabeledData(float[] pixels, int[] labels, List<String> classes, int channels, int height, int width) {
    public LabeledData {
        if (pixels.length != (long) labels.length * channels * height * width) {
            throw new IllegalArgumentException("pixels/labels size mismatch");
        }
    }

    public int size() {
        return labels.length;
    }

    public int featureSize() {
        return channels * height * width;
    }

    /** The examples {@code from} (inclusive) to {@code to} (exclusive). */
    public LabeledData slice(int from, int to) {
        int f = featureSize();
        float[] p = Arrays.copyOfRange(pixels, from * f, to * f);
        return new LabeledData(p, Arrays.copyOfRange(labels, from, to), classes, channels, height, width);
    }

    public LabeledData limit(int n) {
        return n <= 0 || n >= size() ? this : slice(0, n);
    }

    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }
}
