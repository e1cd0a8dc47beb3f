package org.easel.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFolderDatasetTest {
    static void image(Path file, Color color, int type, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(20, 16, type);
        Graphics2D g = img.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, 20, 16);
        g.dispose();
        ImageIO.write(img, format, file.toFile());
    }

    static Path twoClassFolder(Path root) throws IOException {
        for (int i = 0; i < 10; i++) {
            image(root.resolve("red/r" + i + ".png"), Color.RED, BufferedImage.TYPE_INT_ARGB, "png");
            image(root.resolve("blue/b" + i + (i % 2 == 0 ? ".jpg" : ".bmp")), Color.BLUE, BufferedImage.TYPE_INT_RGB, i % 2 == 0 ? "jpg" : "bmp");
        }
        image(root.resolve("blue/gray.gif"), Color.GRAY, BufferedImage.TYPE_BYTE_GRAY, "gif");
        image(root.resolve("blue/t.tiff"), Color.BLUE, BufferedImage.TYPE_INT_RGB, "tiff");
        return root;
    }

    @Test
    void loadsResizesAndSplitsPerClass(@TempDir Path dir) throws IOException {
        Path root = twoClassFolder(dir);
        DataSplits s = ImageFolderDataset.load(root, 8, 8, 3, 0.2, 1);
        assertEquals(List.of("blue", "red"), s.train().classes());
        assertEquals(22, s.train().size() + s.test().size());
        assertArrayEquals(new int[]{2, 2}, s.test().classCounts());
        assertEquals(3 * 8 * 8, s.train().featureSize());
        // A red pixel: R channel 1, B channel 0 (CHW order).
        int redIndex = indexOf(s.train().labels(), 1);
        float[] px = s.train().pixels();
        assertEquals(1f, px[redIndex * 192], 1e-3);
        assertEquals(0f, px[redIndex * 192 + 128], 1e-3);
        // Same seed, same split.
        DataSplits again = ImageFolderDataset.load(root, 8, 8, 3, 0.2, 1);
        assertArrayEquals(s.test().pixels(), again.test().pixels());
    }

    @Test
    void corruptImagesAreSkippedAndListed(@TempDir Path dir) throws IOException {
        Path root = twoClassFolder(dir);
        Files.writeString(root.resolve("red/broken.png"), "this is not a png");
        Files.write(root.resolve("blue/empty.jpg"), new byte[0]);
        DataSplits s = ImageFolderDataset.load(root, 8, 8, 1, 0.2, 1);
        assertEquals(2, s.skipped().size());
        assertTrue(s.skipped().stream().anyMatch(f -> f.path().endsWith("broken.png")));
        assertEquals(22, s.train().size() + s.test().size());
        assertEquals(64, s.train().featureSize());
    }

    @Test
    void emptyClassFolderAndSingleClassAreClearErrors(@TempDir Path dir) throws IOException {
        Path root = twoClassFolder(dir);
        Files.createDirectories(root.resolve("green"));
        EaselException e = assertThrows(EaselException.class, () -> ImageFolderDataset.load(root, 8, 8, 3, 0.2, 1));
        assertTrue(e.getMessage().contains("green") && e.getMessage().contains("has no images"), e.getMessage());

        Path single = dir.resolve("single");
        image(single.resolve("only/a.png"), Color.RED, BufferedImage.TYPE_INT_RGB, "png");
        EaselException e2 = assertThrows(EaselException.class, () -> ImageFolderDataset.load(single, 8, 8, 3, 0.2, 1));
        assertTrue(e2.getMessage().contains("at least 2"), e2.getMessage());

        EaselException e3 = assertThrows(EaselException.class, () -> ImageFolderDataset.load(dir.resolve("nope"), 8, 8, 3, 0.2, 1));
        assertTrue(e3.getMessage().contains("does not exist"), e3.getMessage());
    }

    @Test
    void hugeDeclaredDimensionsAreRejectedBeforeDecoding(@TempDir Path dir) throws IOException {
        // A valid PNG header that declares 60000 x 60000 pixels, followed by nothing.
        byte[] png = new byte[33];
        byte[] sig = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        System.arraycopy(sig, 0, png, 0, sig.length);
        ByteBuffer.wrap(png, 16, 8).putInt(60000).putInt(60000);
        png[24] = 8;
        png[25] = 2;
        Path file = dir.resolve("huge.png");
        Files.write(file, png);
        IOException e = assertThrows(IOException.class, () -> ImageLoader.read(file));
        assertTrue(e.getMessage().contains("megapixel"), e.getMessage());
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError();
    }
}
