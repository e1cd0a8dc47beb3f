package org.easel.synth.scene;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.easel.synth.render.Jpeg;
import org.easel.synth.render.Pixels;

/**
 * The last steps before a file: shrink (area-averaged, so small text blurs as on a real downscaled screenshot
 * instead of aliasing) until the long side fits the cap, sometimes the blur and blockiness of a re-shared
 * image, then JPEG at a quality real screenshots and photos are saved at.
 */
public final class Output {
    private Output() {
    }

    /** Area-average resize of packed RGB pixels to (dw, dh); exact box weights, separable, row by row. */
    public static int[] shrink(int[] src, int sw, int sh, int dw, int dh) {
        int[][] xi = spans(sw, dw);
        float[][] xw = weights(sw, dw, xi);
        int[][] yi = spans(sh, dh);
        float[][] yw = weights(sh, dh, yi);
        float[] row = new float[dw * 3];
        float[] acc = new float[dw * 3];
        int[] out = new int[dw * dh];
        for (int y = 0; y < dh; y++) {
            Arrays.fill(acc, 0f);
            for (int k = 0; k < yi[y].length; k++) {
                int base = yi[y][k] * sw;
                float wy = yw[y][k];
                for (int x = 0; x < dw; x++) {
                    float r = 0;
                    float g = 0;
                    float b = 0;
                    int[] cols = xi[x];
                    float[] ws = xw[x];
                    for (int j = 0; j < cols.length; j++) {
                        int p = src[base + cols[j]];
                        r += ((p >> 16) & 255) * ws[j];
                        g += ((p >> 8) & 255) * ws[j];
                        b += (p & 255) * ws[j];
                    }
                    acc[3 * x] += r * wy;
                    acc[3 * x + 1] += g * wy;
                    acc[3 * x + 2] += b * wy;
                }
            }
            for (int x = 0; x < dw; x++) {
                out[y * dw + x] = (Math.min(255, Math.round(acc[3 * x])) << 16) | (Math.min(255, Math.round(acc[3 * x + 1])) << 8)
                        | Math.min(255, Math.round(acc[3 * x + 2]));
            }
        }
        return out;
    }

    /** Source indices each destination index covers. */
    private static int[][] spans(int n, int m) {
        double f = n / (double) m;
        int[][] out = new int[m][];
        for (int i = 0; i < m; i++) {
            int a = (int) Math.floor(i * f);
            int b = Math.min(n, (int) Math.ceil((i + 1) * f));
            out[i] = new int[Math.max(1, b - a)];
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = Math.min(n - 1, a + k);
            }
        }
        return out;
    }

    private static float[][] weights(int n, int m, int[][] spans) {
        double f = n / (double) m;
        float[][] out = new float[m][];
        for (int i = 0; i < m; i++) {
            double a = i * f;
            double b = a + f;
            out[i] = new float[spans[i].length];
            double sum = 0;
            for (int k = 0; k < spans[i].length; k++) {
                int s = spans[i][k];
                double w = Math.max(0, Math.min(b, s + 1) - Math.max(a, s));
                out[i][k] = (float) w;
                sum += w;
            }
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] = (float) (sum > 0 ? out[i][k] / sum : 1.0 / out[i].length);
            }
        }
        return out;
    }

    /** Scales an image down (never up) so its long side is at most {@code cap}. */
    public static BufferedImage fit(BufferedImage img, int cap) {
        int w = img.getWidth();
        int h = img.getHeight();
        int longSide = Math.max(w, h);
        if (longSide <= cap) {
            return img;
        }
        double s = cap / (double) longSide;
        int dw = Math.max(1, (int) Math.round(w * s));
        int dh = Math.max(1, (int) Math.round(h * s));
        return Pixels.image(shrink(Pixels.of(img), w, h, dw, dh), dw, dh);
    }

    /**
     * Screenshots: mostly saved clean (high-quality JPEG stands in for PNG), some re-shared (scaled down and
     * saved at low quality), then capped. Returns the JPEG bytes and the final size.
     */
    public record Encoded(byte[] jpeg, int width, int height) {
    }

    public static Encoded finish(BufferedImage img, Random r, int cap, boolean camera) {
        double p = r.nextDouble();
        float quality;
        if (!camera && p < 0.12) {
            // re-shared: downscaled by a chat app or a web page, recompressed
            double s = 0.5 + r.nextDouble() * 0.35;
            img = fit(img, (int) (Math.max(img.getWidth(), img.getHeight()) * s));
            quality = 0.45f + r.nextFloat() * 0.3f;
        } else {
            quality = camera ? 0.78f + r.nextFloat() * 0.12f : 0.82f + r.nextFloat() * 0.12f;
        }
        img = fit(img, cap);
        try {
            return new Encoded(Jpeg.encode(img, quality), img.getWidth(), img.getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
