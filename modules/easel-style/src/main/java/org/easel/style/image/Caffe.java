package org.easel.style.image;

import org.easel.nets.Preprocessing;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Style transfer optimises pixels directly in the space the Keras ImageNet weights expect ("caffe"
 * mode: BGR, ImageNet mean subtracted, 0-255 scale), as the Keras example does, so no conversion op sits
 * in the graph. The convention itself (channel order, means) is easel-nets' {@link Preprocessing}.
 */
public final class Caffe {
    private Caffe() {
    }

    public static double[] toInput(RgbImage img) {
        int plane = img.width() * img.height();
        float[] d = img.data();
        double[] out = new double[3 * plane];
        for (int c = 0; c < 3; c++) {
            int src = Preprocessing.rgbPlane(c) * plane;
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = Preprocessing.toCaffe(c, d[src + i]);
            }
        }
        return out;
    }

    public static RgbImage fromInput(double[] x, int width, int height) {
        int plane = width * height;
        float[] out = new float[3 * plane];
        for (int c = 0; c < 3; c++) {
            int dst = Preprocessing.rgbPlane(c) * plane;
            for (int i = 0; i < plane; i++) {
                out[dst + i] = (float) Preprocessing.fromCaffe(c, x[c * plane + i]);
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
            double lo = Preprocessing.toCaffe(c, 0f);
            double hi = Preprocessing.toCaffe(c, 255f);
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                x[i] = Math.max(lo, Math.min(hi, x[i]));
            }
        }
    }
}
