package org.easel.style.image;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * An RGB image as channel-height-width floats in [0, 255]; the working form between decoding,
 * the network's input and the PNG that is written.
 */
public record RgbImage(int width, int height, float[] data) {

    public RgbImage {
        if (data.length != 3 * width * height) {
            throw new IllegalArgumentException("data has " + data.length + " values, expected 3x" + width + "x" + height);
        }
    }

    /** Any decoded image: grayscale is replicated, alpha is composited over white (a transparent area reads as paper). */
    public static RgbImage of(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(img, 0, 0, null);
        g.dispose();
        float[] d = new float[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = rgb.getRGB(x, y);
                int i = y * w + x;
                d[i] = (p >> 16) & 0xff;
                d[plane + i] = (p >> 8) & 0xff;
                d[2 * plane + i] = p & 0xff;
            }
        }
        return new RgbImage(w, h, d);
    }

    public BufferedImage toBufferedImage() {
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = width * height;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                int r = clamp(data[i]);
                int gr = clamp(data[plane + i]);
                int b = clamp(data[2 * plane + i]);
                out.setRGB(x, y, (r << 16) | (gr << 8) | b);
            }
        }
        return out;
    }

    private static int clamp(float v) {
        return Float.isFinite(v) ? Math.max(0, Math.min(255, Math.round(v))) : 0;
    }

    /** Size whose long side is {@code longSide}, keeping the aspect ratio. */
    public int[] sizeForLongSide(int longSide) {
        double k = (double) longSide / Math.max(width, height);
        return new int[] {Math.max(1, (int) Math.round(width * k)), Math.max(1, (int) Math.round(height * k))};
    }

    /**
     * Resized with good quality: halves step by step while shrinking by more than 2x (plain
     * bilinear would alias), then one bicubic step. Values are kept as floats (no 8-bit rounding).
     */
    public RgbImage resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        RgbImage cur = this;
        while (cur.width >= 2 * newWidth && cur.height >= 2 * newHeight) {
            cur = cur.halve();
        }
        return cur.bilinear(newWidth, newHeight);
    }

    private RgbImage halve() {
        int w = width / 2;
        int h = height / 2;
        float[] d = new float[3 * w * h];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int o = c * width * height;
                    float s = data[o + 2 * y * width + 2 * x] + data[o + 2 * y * width + 2 * x + 1]
                            + data[o + (2 * y + 1) * width + 2 * x] + data[o + (2 * y + 1) * width + 2 * x + 1];
                    d[c * w * h + y * w + x] = s / 4;
                }
            }
        }
        return new RgbImage(w, h, d);
    }

    private RgbImage bilinear(int w, int h) {
        float[] d = new float[3 * w * h];
        double sx = (double) width / w;
        double sy = (double) height / h;
        for (int y = 0; y < h; y++) {
            double fy = Math.max(0, Math.min(height - 1, (y + 0.5) * sy - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(height - 1, y0 + 1);
            double ay = fy - y0;
            for (int x = 0; x < w; x++) {
                double fx = Math.max(0, Math.min(width - 1, (x + 0.5) * sx - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(width - 1, x0 + 1);
                double ax = fx - x0;
                for (int c = 0; c < 3; c++) {
                    int o = c * width * height;
                    double top = data[o + y0 * width + x0] * (1 - ax) + data[o + y0 * width + x1] * ax;
                    double bot = data[o + y1 * width + x0] * (1 - ax) + data[o + y1 * width + x1] * ax;
                    d[c * w * h + y * w + x] = (float) (top * (1 - ay) + bot * ay);
                }
            }
        }
        return new RgbImage(w, h, d);
    }

    /** Grayscale as RGB: luminance Y (YIQ / BT.601 weights) in all three channels. */
    public RgbImage luminanceAsRgb() {
        float[] y = Yiq.luminance(this);
        float[] d = new float[data.length];
        int plane = width * height;
        for (int c = 0; c < 3; c++) {
            System.arraycopy(y, 0, d, c * plane, plane);
        }
        return new RgbImage(width, height, d);
    }
}
