package org.easel.transfer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Tiny two-class image folders drawn with Java2D: "documents" (light page, text lines) vs "scenes" (colour blobs). */
public final class TestImages {
    private TestImages() {
    }

    public static BufferedImage document(Random r, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235 + r.nextInt(20), 235 + r.nextInt(20), 230 + r.nextInt(25)));
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(20 + r.nextInt(40), 20 + r.nextInt(40), 30 + r.nextInt(40)));
        for (int y = 4 + r.nextInt(3); y < size - 3; y += 4 + r.nextInt(2)) {
            int x0 = 3 + r.nextInt(4);
            g.fillRect(x0, y, size - x0 - 3 - r.nextInt(size / 3), 1 + r.nextInt(2));
        }
        g.dispose();
        return img;
    }

    public static BufferedImage scene(Random r, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(120), 80 + r.nextInt(120), r.nextInt(160)));
        g.fillRect(0, 0, size, size);
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            int s = size / 4 + r.nextInt(size / 3);
            g.fillOval(r.nextInt(size) - s / 2, r.nextInt(size) - s / 2, s, s);
        }
        g.dispose();
        return img;
    }

    /** root/financial and root/non_financial with {@code perClass} PNGs each. */
    public static Path folder(Path root, int perClass, int size, long seed) throws IOException {
        Random r = new Random(seed);
        Files.createDirectories(root.resolve("financial"));
        Files.createDirectories(root.resolve("non_financial"));
        for (int i = 0; i < perClass; i++) {
            ImageIO.write(document(r, size), "png", root.resolve("financial").resolve("doc" + i + ".png").toFile());
            ImageIO.write(scene(r, size), "png", root.resolve("non_financial").resolve("scene" + i + ".png").toFile());
        }
        return root;
    }
}
