package org.easel.core.data;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.Imaging;

/**
 * Reads images (PNG, JPEG, BMP, GIF, TIFF) and turns them into model input: resized, grayscale or
 * RGB, channel-height-width floats in [0, 1]. The JDK's ImageIO decodes first; Apache Commons
 * Imaging is the fallback for files ImageIO declines (some TIFF and BMP variants).
 */
public final class ImageLoader {
    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff");
    /** Decoding allocates width × height × 4 bytes; a hostile or absurd header must not exhaust the heap. */
    public static final long MAX_PIXELS = 100_000_000L;

    private ImageLoader() {
    }

    public static boolean isImageFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1)) && !name.startsWith(".");
    }

    /** Decodes a file; throws IOException with the reason when neither decoder can read it. */
    public static BufferedImage read(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new IOException("empty file");
        }
        checkDimensions(file);
        BufferedImage image = null;
        String imageIoError = null;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            imageIoError = e.getMessage();
        }
        if (image == null) {
            try {
                image = Imaging.getBufferedImage(file.toFile());
            } catch (IOException | RuntimeException e) {
                throw new IOException("not a readable image (" + (imageIoError != null ? imageIoError + "; " : "") + e.getMessage() + ")");
            }
        }
        if (image == null || image.getWidth() <= 0 || image.getHeight() <= 0) {
            throw new IOException("not a readable image");
        }
        return image;
    }

    /** Reads only the header (when ImageIO knows the format) and rejects images too large to decode safely. */
    private static void checkDimensions(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return; // unknown to ImageIO: the Commons Imaging fallback decides
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w * h > MAX_PIXELS) {
                    throw new IOException("image is " + w + "×" + h + " pixels, more than the " + MAX_PIXELS / 1_000_000
                            + "-megapixel limit; downscale it first");
                }
            } catch (IOException e) {
                if (e.getMessage() != null && e.getMessage().contains("megapixel")) {
                    throw e;
                }
                // a broken header: the decoders below report it
            } finally {
                reader.dispose();
            }
        }
    }

    /** Resizes (bilinear) and writes channel-height-width floats in [0, 1] into {@code out} at {@code offset}. */
    public static void toPixels(BufferedImage image, int height, int width, int channels, float[] out, int offset) {
        BufferedImage scaled = resize(image, height, width);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = scaled.getRGB(x, y);
                float r = ((rgb >> 16) & 0xff) / 255f;
                float g = ((rgb >> 8) & 0xff) / 255f;
                float b = (rgb & 0xff) / 255f;
                int i = y * width + x;
                if (channels == 1) {
                    out[offset + i] = 0.299f * r + 0.587f * g + 0.114f * b;
                } else {
                    out[offset + i] = r;
                    out[offset + plane + i] = g;
                    out[offset + 2 * plane + i] = b;
                }
            }
        }
    }

    public static BufferedImage resize(BufferedImage image, int height, int width) {
        // Composite on white first: transparent pixels would otherwise turn black.
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }
}
