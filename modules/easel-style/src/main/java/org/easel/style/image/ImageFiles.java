package org.easel.style.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import org.easel.core.data.ImageLoader;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;

/** Reading inputs with messages that name the file, and writing PNGs atomically. */
public final class ImageFiles {
    /** Larger inputs are shrunk right after decoding (with a warning) to bound memory and time. */
    public static final int MAX_INPUT_SIDE = 4096;

    private ImageFiles() {
    }

    /** @param role "content" or "style", for the message */
    public static RgbImage read(Path file, String role, Consumer<String> warn) {
        if (!Files.exists(file)) {
            throw new EaselException("The " + role + " image " + file.toAbsolutePath() + " does not exist. Check the path (style."
                    + role + " in the config, or --" + role + ").");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new EaselException("The " + role + " image " + file.toAbsolutePath() + " is not a readable file.");
        }
        BufferedImage img;
        try {
            img = ImageLoader.read(file);
        } catch (IOException | RuntimeException e) {
            throw new EaselException("Cannot read the " + role + " image " + file.toAbsolutePath() + ": " + e.getMessage()
                    + ". Expected a PNG, JPEG, BMP, GIF or TIFF image.", e);
        } catch (OutOfMemoryError e) {
            throw new EaselException("The " + role + " image " + file.toAbsolutePath() + " is too large to decode in memory; "
                    + "shrink it below " + MAX_INPUT_SIDE + " px first.");
        }
        String kind = img.getColorModel().getNumColorComponents() == 1 ? "grayscale" : "colour";
        if (img.getColorModel().hasAlpha()) {
            warn.accept("The " + role + " image " + file.getFileName() + " has an alpha channel; transparent areas are treated as white.");
        }
        if (kind.equals("grayscale")) {
            warn.accept("The " + role + " image " + file.getFileName() + " is grayscale; it is used as gray RGB.");
        }
        RgbImage rgb = RgbImage.of(img);
        if (Math.max(rgb.width(), rgb.height()) > MAX_INPUT_SIDE) {
            int[] s = rgb.sizeForLongSide(MAX_INPUT_SIDE);
            warn.accept("The " + role + " image " + file.getFileName() + " is very large (" + rgb.width() + "x" + rgb.height()
                    + "); downscaled to " + s[0] + "x" + s[1] + " before use.");
            rgb = rgb.resize(s[0], s[1]);
        }
        return rgb;
    }

    public static void writePng(BufferedImage img, Path target) {
        AtomicFiles.write(target, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
