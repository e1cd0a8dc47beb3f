package org.easel.vae.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tiles images [n, c, h, w] with values in [0, 1] into one PNG, row by row, with no gaps. Small
 * images (<= 32 px) are scaled up 2x (nearest neighbour) so digits are visible in a Markdown viewer.
 * The PNG is {@code cols * w * scale} wide and {@code rows * h * scale} high.
 */
public final class ImageGrid {
    private ImageGrid() {
    }

    public static int scaleFor(int height, int width) {
        return Math.max(height, width) <= 32 ? 2 : 1;
    }

    public static BufferedImage render(INDArray images, int cols) {
        return render(images, cols, 0);
    }

    /** {@code scale} 0 = {@link #scaleFor} the image size. */
    public static BufferedImage render(INDArray images, int cols, int scale) {
        long[] s = images.shape();
        if (s.length != 4 || (s[1] != 1 && s[1] != 3)) {
            throw new IllegalArgumentException("expected [n, 1|3, h, w] images, found " + Arrays.toString(s));
        }
        int n = (int) s[0];
        int c = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        int rows = (n + cols - 1) / cols;
        scale = scale > 0 ? scale : scaleFor(h, w);
        BufferedImage img = new BufferedImage(cols * w * scale, rows * h * scale, BufferedImage.TYPE_INT_RGB);
        float[] v = images.dup('c').data().asFloat();
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            int x0 = (i % cols) * w * scale;
            int y0 = (i / cols) * h * scale;
            int base = i * c * plane;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int p = y * w + x;
                    int r = level(v[base + p]);
                    int g = c == 3 ? level(v[base + plane + p]) : r;
                    int b = c == 3 ? level(v[base + 2 * plane + p]) : r;
                    int rgb = (r << 16) | (g << 8) | b;
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            img.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        return img;
    }

    public static void write(INDArray images, int cols, Path png) {
        write(images, cols, 0, png);
    }

    public static void write(INDArray images, int cols, int scale, Path png) {
        BufferedImage img = render(images, cols, scale);
        AtomicFiles.write(png, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new EaselException("No PNG writer available in this JVM; cannot write " + png);
            }
        });
    }

    private static int level(float v) {
        float clamped = Float.isNaN(v) ? 0f : Math.max(0f, Math.min(1f, v));
        return Math.round(clamped * 255f);
    }
}
