package org.easel.style;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/** Small synthetic images written to a temp folder, and the shared folder when present. */
public final class TestImages {
    private TestImages() {
    }

    /** A "photo": a vertical colour gradient with an orange disc. */
    public static Path content(Path dir, int w, int h, int type) throws IOException {
        BufferedImage img = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = x - w * 0.5;
                double dy = y - h * 0.45;
                boolean disc = Math.sqrt(dx * dx + dy * dy) < 0.25 * Math.min(w, h);
                int r = disc ? 230 : (int) (70 + 120.0 * y / h);
                int g = disc ? 150 : (int) (100 + 80.0 * x / w);
                int b = disc ? 50 : (int) (160 - 80.0 * y / h);
                int a = type == BufferedImage.TYPE_INT_ARGB && x < w / 4 ? 0 : 255;
                img.setRGB(x, y, (a << 24) | (r << 16) | (g << 8) | b);
            }
        }
        return write(img, dir.resolve("content-" + w + "x" + h + "-" + type + ".png"));
    }

    /** A "painting": diagonal colour stripes with a wavy pattern. */
    public static Path style(Path dir, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.sin(0.7 * x + 0.4 * y + 2 * Math.sin(0.3 * y));
                int r = (int) (128 + 120 * v);
                int g = (int) (128 - 100 * Math.sin(0.5 * y));
                int b = (int) (128 + 120 * Math.cos(0.6 * x));
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return write(img, dir.resolve("style-" + w + "x" + h + ".png"));
    }

    public static Path gray(Path dir, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x * 7 + y * 3) % 256;
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        return write(img, dir.resolve("gray.png"));
    }

    private static Path write(BufferedImage img, Path p) throws IOException {
        ImageIO.write(img, "png", p.toFile());
        return p;
    }

    /** ../shared (system property easel.test.shared), or skip the test. */
    public static Path shared() {
        Optional<Path> p = Optional.ofNullable(System.getProperty("easel.test.shared")).map(Path::of)
                .filter(Files::isDirectory);
        Assumptions.assumeTrue(p.isPresent(), "shared folder (easel.test.shared) not available");
        return p.get();
    }

    public static Path squeezenetDir() {
        Path dir = shared().resolve("fixtures/keras");
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5")),
                "SqueezeNet fixture not available");
        return dir;
    }
}
