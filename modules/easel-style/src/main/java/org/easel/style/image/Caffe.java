package org.easel.style.image;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The preprocessing both Keras ImageNet files expect ("caffe" mode): RGB -> BGR and the ImageNet
 * BGR mean subtracted, pixel scale 0-255. The optimisation runs directly in this space, as the
 * Keras example does, so no conversion op sits in the graph.
 */
public final class Caffe {
    public static final float[] BGR_MEAN = {103.939f, 116.779f, 123.68f};

    private Caffe() {
    }

    public static double[] toInput(RgbImage img) {
        int plane = img.width() * img.height();
        float[] d = img.data();
        double[] out = new double[3 * plane];
        for (int c = 0; c < 3; c++) { // output channel c is BGR: source channel 2 - c
            int src = (2 - c) * plane;
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = d[src + i] - BGR_MEAN[c];
            }
        }
        return out;
    }

    public static RgbImage fromInput(double[] x, int width, int height) {
        int plane = width * height;
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            int dst = (2 - c) * plane;
            for (int i = 0; i < plane; i++) {
                out[dst + i] = (float) (x[c * plane + i] + BGR_MEAN[c]);
            }
        }
        return new RgbImage(width, height, out);
    }

    public static INDArray tensor(double[] x, int width, int height, DataType type) {
        return Nd4j.create(x, new long[] {1, 3, height, width}, DataType.DOUBLE).castTo(type);
    }

    /** Clamps each channel to the range that maps back to pixels 0..255. */
    public static void clamp(double[] x) {
        int plane = x.length / 3;
        for (int c = 0; c < 3; c++) {
            double lo = -BGR_MEAN[c];
            double hi = 255 - BGR_MEAN[c];
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                x[i] = Math.max(lo, Math.min(hi, x[i]));
            }
        }
    }
}
