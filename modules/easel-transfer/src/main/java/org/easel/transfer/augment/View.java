package org.easel.transfer.augment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.easel.transfer.config.AugmentConfig;

/**
 * One augmented view of an image: a horizontal flip, a crop (fractions of the width and height, resized
 * back to the original size) and colour jitter factors. Drawn deterministically from the run seed, the
 * image's name and the copy number, so the same settings always give the same views.
 */
public record View(boolean flip, double cropX, double cropY, double cropW, double cropH, float brightness, float contrast, float saturation) {
    public static final View IDENTITY = new View(false, 0, 0, 1, 1, 1, 1, 1);

    /** The view number {@code copy} (1-based) of the image {@code imageId}, for these settings and seed. */
    public static View draw(AugmentConfig cfg, long seed, String imageId, int copy) {
        long h = seed * 0x9E3779B97F4A7C15L + copy;
        for (byte b : imageId.getBytes(StandardCharsets.UTF_8)) {
            h = h * 31 + b;
        }
        SplittableRandom r = new SplittableRandom(h);
        boolean flip = cfg.flip() && r.nextBoolean();
        double area = cfg.cropScale() + (1 - cfg.cropScale()) * r.nextDouble(); // share of the area kept
        double side = Math.sqrt(area); // aspect kept: both sides scale by sqrt(area)
        double x = (1 - side) * r.nextDouble();
        double y = (1 - side) * r.nextDouble();
        float j = (float) cfg.jitter();
        return new View(flip, x, y, side, side, factor(r, j), factor(r, j), factor(r, j));
    }

    private static float factor(SplittableRandom r, float jitter) {
        return 1 + jitter * (float) (2 * r.nextDouble() - 1);
    }

    /** The flipped and cropped image, resized back to the original width and height. */
    public BufferedImage geometry(BufferedImage img) {
        int w = img.getWidth();
        int h = img.getHeight();
        int sx = (int) Math.round(cropX * w);
        int sy = (int) Math.round(cropY * h);
        int sw = Math.max(1, Math.min(w - sx, (int) Math.round(cropW * w)));
        int sh = Math.max(1, Math.min(h - sy, (int) Math.round(cropH * h)));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(Color.WHITE); // transparent pixels become white, as in ImageLoader.resize
        g.fillRect(0, 0, w, h);
        // a flip draws the source rectangle mirrored: destination x runs from w to 0
        g.drawImage(img, flip ? w : 0, 0, flip ? 0 : w, h, sx, sy, sx + sw, sy + sh, null);
        g.dispose();
        return out;
    }

    /**
     * Brightness, contrast (around the image mean) and saturation (around the per-pixel gray) on one image of
     * CHW pixels in [0, 1] at {@code offset}, clamped to [0, 1]. Grayscale images get brightness and contrast only.
     */
    public void jitter(float[] chw, int offset, int channels, int plane) {
        int n = channels * plane;
        if (channels == 3 && saturation != 1) {
            for (int p = 0; p < plane; p++) {
                float r = chw[offset + p];
                float g = chw[offset + plane + p];
                float b = chw[offset + 2 * plane + p];
                float gray = 0.299f * r + 0.587f * g + 0.114f * b;
                chw[offset + p] = gray + saturation * (r - gray);
                chw[offset + plane + p] = gray + saturation * (g - gray);
                chw[offset + 2 * plane + p] = gray + saturation * (b - gray);
            }
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += chw[offset + i];
        }
        float mean = (float) (sum / n);
        for (int i = 0; i < n; i++) {
            float v = (chw[offset + i] * brightness - mean * brightness) * contrast + mean * brightness;
            chw[offset + i] = Math.max(0f, Math.min(1f, v));
        }
    }
}
