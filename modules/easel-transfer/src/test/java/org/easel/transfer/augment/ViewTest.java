package org.easel.transfer.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.easel.transfer.config.AugmentConfig;
import org.junit.jupiter.api.Test;

class ViewTest {
    static final AugmentConfig CFG = new AugmentConfig(2, true, 0.8, 0.1);

    /** Left half red, right half blue, a green square in the top-left corner. */
    static BufferedImage halves(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(Color.BLUE);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 4, 4);
        g.dispose();
        return img;
    }

    @Test
    void drawingIsDeterministicForASeedAndDiffersBetweenCopiesImagesAndSeeds() {
        View a = View.draw(CFG, 42, "financial/doc1.png", 1);
        assertEquals(a, View.draw(CFG, 42, "financial/doc1.png", 1));
        assertNotEquals(a, View.draw(CFG, 42, "financial/doc1.png", 2));
        assertNotEquals(a, View.draw(CFG, 42, "financial/doc2.png", 1));
        assertNotEquals(a, View.draw(CFG, 43, "financial/doc1.png", 1));
        int flips = 0;
        for (int c = 1; c <= 200; c++) {
            View v = View.draw(CFG, 7, "x.png", c);
            flips += v.flip() ? 1 : 0;
            double area = v.cropW() * v.cropH();
            assertTrue(area >= 0.8 - 1e-9 && area <= 1 + 1e-9, "area " + area);
            assertTrue(v.cropX() >= 0 && v.cropX() + v.cropW() <= 1 + 1e-9 && v.cropY() >= 0 && v.cropY() + v.cropH() <= 1 + 1e-9);
            assertTrue(Math.abs(v.brightness() - 1) <= 0.1f + 1e-6 && Math.abs(v.saturation() - 1) <= 0.1f + 1e-6);
        }
        assertTrue(flips > 70 && flips < 130, "about half the views flip: " + flips);
        View off = View.draw(new AugmentConfig(1, false, 1, 0), 7, "x.png", 1);
        assertEquals(View.IDENTITY, off);
    }

    @Test
    void flipMirrorsTheImage() {
        BufferedImage img = halves(40, 30);
        BufferedImage flipped = new View(true, 0, 0, 1, 1, 1, 1, 1).geometry(img);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                assertEquals(img.getRGB(39 - x, y), flipped.getRGB(x, y), "at " + x + "," + y);
            }
        }
    }

    @Test
    void cropKeepsTheSizeAndShowsOnlyTheCroppedPart() {
        BufferedImage img = halves(40, 30);
        BufferedImage leftHalf = new View(false, 0, 0.5, 0.5, 0.5, 1, 1, 1).geometry(img); // bottom-left quarter: all red
        assertEquals(40, leftHalf.getWidth());
        assertEquals(30, leftHalf.getHeight());
        for (int y = 0; y < 30; y += 3) {
            for (int x = 0; x < 40; x += 3) {
                assertEquals(Color.RED.getRGB(), leftHalf.getRGB(x, y), "at " + x + "," + y);
            }
        }
        BufferedImage random = View.draw(CFG, 1, "a.png", 1).geometry(img);
        assertEquals(40, random.getWidth());
        assertEquals(30, random.getHeight());
    }

    @Test
    void jitterScalesBrightnessContrastAndSaturationWithinRange() {
        float[] gray = {0.5f, 0.5f, 0.5f, 0.5f};
        new View(false, 0, 0, 1, 1, 1.1f, 1, 1).jitter(gray, 0, 1, 4);
        assertArrayEquals(new float[]{0.55f, 0.55f, 0.55f, 0.55f}, gray, 1e-6f);
        float[] contrast = {0.25f, 0.75f};
        new View(false, 0, 0, 1, 1, 1, 1.2f, 1).jitter(contrast, 0, 1, 2);
        assertArrayEquals(new float[]{0.2f, 0.8f}, contrast, 1e-6f);
        float[] rgb = {1f, 0f, 0f}; // one red pixel: saturation 0 turns it gray
        new View(false, 0, 0, 1, 1, 1, 1, 0).jitter(rgb, 0, 3, 1);
        assertEquals(rgb[0], rgb[1], 1e-6f);
        assertEquals(rgb[1], rgb[2], 1e-6f);
        float[] bright = {0.95f};
        new View(false, 0, 0, 1, 1, 1.2f, 1, 1).jitter(bright, 0, 1, 1);
        assertEquals(1f, bright[0], 0f, "clamped to [0, 1]");
    }
}
