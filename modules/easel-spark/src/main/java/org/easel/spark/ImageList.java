package org.easel.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.easel.core.data.ImageLoader;
import org.easel.core.error.EaselException;
import org.easel.core.predict.Predictor;

/**
 * The images to label: an image, a folder (searched recursively, sorted, exactly as single-machine
 * predict lists it), or a list file (any other regular file: one path per line, relative paths against
 * the list file's folder, blank lines and lines starting with # ignored). Listed files that are missing
 * or unreadable are not dropped here: they end up in the errors output.
 */
public final class ImageList {
    private ImageList() {
    }

    public static List<Path> of(Path input) {
        if (Files.isRegularFile(input) && !ImageLoader.isImageFile(input)) {
            return fromListFile(input);
        }
        return Predictor.listImages(input);
    }

    static List<Path> fromListFile(Path listFile) {
        List<Path> out = new ArrayList<>();
        Path base = listFile.toAbsolutePath().getParent();
        try {
            for (String line : Files.readAllLines(listFile)) {
                String s = line.strip();
                if (s.isEmpty() || s.startsWith("#")) {
                    continue;
                }
                Path p = Path.of(s);
                out.add(p.isAbsolute() ? p : base.resolve(p));
            }
        } catch (IOException | RuntimeException e) {
            throw new EaselException("Cannot read the image list " + listFile + ": " + e.getMessage()
                    + ". A list file holds one image path per line.");
        }
        if (out.isEmpty()) {
            throw new EaselException("Image list " + listFile.toAbsolutePath() + " names no images (one path per line).");
        }
        return out;
    }
}
