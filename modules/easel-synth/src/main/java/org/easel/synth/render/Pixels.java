package org.easel.synth.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Packed-RGB pixel arrays: sampling, resampling, warping, blurring. Plain loops, no shared state. */
public final class Pixels {
    private Pixels() {
    }

    /** The packed RGB pixels of an image (a copy, so callers may modify it). */
    public static int[] of(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB && img.getRaster().getDataBuffer() instanceof DataBufferInt d
                && d.getData().length == img.getWidth() * img.getHeight()) {
            return d.getData().clone();
        }
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    public static BufferedImage image(int[] px, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] data = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < px.length; i++) {
            data[i] = px[i] & 0xffffff;
        }
        return img;
    }

    public static int bilinear(int[] src, int w, int h, double x, double y) {
        if (x < 0) {
            x = 0;
        }
        if (y < 0) {
            y = 0;
        }
        if (x > w - 1) {
            x = w - 1;
        }
        if (y > h - 1) {
            y = h - 1;
        }
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(x0 + 1, w - 1);
        int y1 = Math.min(y0 + 1, h - 1);
        double fx = x - x0;
        double fy = y - y0;
        int a = src[y0 * w + x0];
        int b = src[y0 * w + x1];
        int c = src[y1 * w + x0];
        int d = src[y1 * w + x1];
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = ((a >> shift) & 255) * (1 - fx) + ((b >> shift) & 255) * fx;
            double bot = ((c >> shift) & 255) * (1 - fx) + ((d >> shift) & 255) * fx;
            out |= ((int) (top * (1 - fy) + bot * fy + 0.5)) << shift;
        }
        return out;
    }

    /** Box-filter shrink by an integer factor: the anti-aliasing step before any large downscale. */
    public static int[] shrink(int[] src, int w, int h, int k) {
        int nw = Math.max(1, w / k);
        int nh = Math.max(1, h / k);
        int[] out = new int[nw * nh];
        int n = k * k;
        for (int y = 0; y < nh; y++) {
            for (int x = 0; x < nw; x++) {
                int sr = 0;
                int sg = 0;
                int sb = 0;
                for (int dy = 0; dy < k; dy++) {
                    int row = (y * k + dy) * w + x * k;
                    for (int dx = 0; dx < k; dx++) {
                        int p = src[row + dx];
                        sr += (p >> 16) & 255;
                        sg += (p >> 8) & 255;
                        sb += p & 255;
                    }
                }
                out[y * nw + x] = ((sr / n) << 16) | ((sg / n) << 8) | (sb / n);
            }
        }
        return out;
    }

    /** Separable box blur of the given radius (two passes approximate a Gaussian). */
    public static int[] boxBlur(int[] src, int w, int h, int radius) {
        int[] tmp = new int[src.length];
        int[] out = new int[src.length];
        pass(src, tmp, w, h, radius, true);
        pass(tmp, out, w, h, radius, false);
        return out;
    }

    /** One box pass along rows or columns; both walk memory row by row (a column-major walk thrashes the cache). */
    private static void pass(int[] in, int[] out, int w, int h, int rad, boolean horizontal) {
        int step = horizontal ? 1 : w;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = horizontal ? x : y;
                int len = horizontal ? w : h;
                int lo = Math.max(0, p - rad);
                int hi = Math.min(len - 1, p + rad);
                int sr = 0;
                int sg = 0;
                int sb = 0;
                int idx = y * w + x;
                for (int q = lo; q <= hi; q++) {
                    int px = in[idx + (q - p) * step];
                    sr += (px >> 16) & 255;
                    sg += (px >> 8) & 255;
                    sb += px & 255;
                }
                int n = hi - lo + 1;
                out[idx] = ((sr / n) << 16) | ((sg / n) << 8) | (sb / n);
            }
        }
    }

    /**
     * The 3x3 matrix taking the unit square's corners (0,0),(1,0),(1,1),(0,1) scaled by (w, h) of the
     * destination quad back to the source rectangle: solves the 8-unknown system for a homography that
     * maps dst quad -> src rect.
     */
    public static double[] homography(double[] dstQuad, double sw, double sh) {
        double[] srcQuad = {0, 0, sw, 0, sw, sh, 0, sh};
        double[][] a = new double[8][9];
        for (int i = 0; i < 4; i++) {
            double x = dstQuad[2 * i];
            double y = dstQuad[2 * i + 1];
            double u = srcQuad[2 * i];
            double v = srcQuad[2 * i + 1];
            a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
            a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
        }
        for (int c = 0; c < 8; c++) {
            int piv = c;
            for (int r = c + 1; r < 8; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            for (int r = 0; r < 8; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k < 9; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] hm = new double[9];
        for (int i = 0; i < 8; i++) {
            hm[i] = a[i][8] / a[i][i];
        }
        hm[8] = 1;
        return hm;
    }
}
