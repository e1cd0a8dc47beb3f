package org.easel.style.image;

/**
 * YIQ colour space, for colour preservation (Gatys et al. 2016, "Preserving color in neural
 * artistic style transfer"): the style is transferred on luminance Y only and the content's
 * chroma I, Q is put back, so the photo keeps its colours and takes the painting's texture.
 */
public final class Yiq {
    private Yiq() {
    }

    public static float[] luminance(RgbImage img) {
        int plane = img.width() * img.height();
        float[] d = img.data();
        float[] y = new float[plane];
        for (int i = 0; i < plane; i++) {
            y[i] = 0.299f * d[i] + 0.587f * d[plane + i] + 0.114f * d[2 * plane + i];
        }
        return y;
    }

    /** Luminance from {@code lumaSource}, chroma (I, Q) from {@code chromaSource}; same size. */
    public static RgbImage combine(float[] luma, RgbImage chromaSource) {
        int plane = chromaSource.width() * chromaSource.height();
        float[] s = chromaSource.data();
        float[] out = new float[3 * plane];
        for (int k = 0; k < plane; k++) {
            float r = s[k];
            float g = s[plane + k];
            float b = s[2 * plane + k];
            float i = 0.596f * r - 0.274f * g - 0.322f * b;
            float q = 0.211f * r - 0.523f * g + 0.312f * b;
            float y = luma[k];
            out[k] = y + 0.956f * i + 0.621f * q;
            out[plane + k] = y - 0.272f * i - 0.647f * q;
            out[2 * plane + k] = y - 1.106f * i + 1.703f * q;
        }
        return new RgbImage(chromaSource.width(), chromaSource.height(), out);
    }

    /** Shifts and scales {@code y} so its mean and standard deviation equal those of {@code reference}. */
    public static float[] matchMeanStd(float[] y, float[] reference) {
        double[] a = meanStd(y);
        double[] b = meanStd(reference);
        double k = a[1] > 1e-6 ? b[1] / a[1] : 1;
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (float) ((y[i] - a[0]) * k + b[0]);
        }
        return out;
    }

    private static double[] meanStd(float[] v) {
        double s = 0;
        double s2 = 0;
        for (float x : v) {
            s += x;
            s2 += (double) x * x;
        }
        double m = s / v.length;
        return new double[] {m, Math.sqrt(Math.max(0, s2 / v.length - m * m))};
    }
}
