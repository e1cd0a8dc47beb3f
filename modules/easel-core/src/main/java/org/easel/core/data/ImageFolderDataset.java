package org.easel.core.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.easel.core.error.EaselException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder with one sub-folder per class. Files are split per class into train and test
 * deterministically (sorted, then shuffled with the seed), so every class keeps its proportion.
 * Unreadable images are skipped and listed, never fatal.
 */
public final class ImageFolderDataset {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderDataset.class);

    private ImageFolderDataset() {
    }

    public static List<String> classNames(Path root) {
        if (!Files.isDirectory(root)) {
            throw new EaselException("Image folder " + root.toAbsolutePath() + " does not exist. Set data.path to a folder with one sub-folder per class.");
        }
        List<String> classes = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(classes::add);
        } catch (IOException e) {
            throw new EaselException("Cannot list " + root + ": " + e.getMessage());
        }
        return classes;
    }

    public static DataSplits load(Path root, int height, int width, int channels, double testFraction, long seed) {
        List<String> classes = classNames(root);
        if (classes.size() < 2) {
            throw new EaselException("Image folder " + root.toAbsolutePath() + " has " + classes.size() + " class sub-folder(s) "
                    + classes + "; a classifier needs at least 2 (e.g. financial/ and non_financial/).");
        }
        List<Path> trainFiles = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files = listImages(root.resolve(classes.get(c)));
            if (files.isEmpty()) {
                throw new EaselException("Class folder " + root.resolve(classes.get(c)).toAbsolutePath() + " has no images ("
                        + String.join(", ", ImageLoader.EXTENSIONS) + "). Add images or remove the folder.");
            }
            Collections.shuffle(files, new Random(seed + c));
            int nTest = (int) Math.round(files.size() * testFraction);
            for (int i = 0; i < files.size(); i++) {
                (i < nTest ? testFiles : trainFiles).add(files.get(i));
                (i < nTest ? testLabels : trainLabels).add(c);
            }
        }
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        LabeledData train = read(trainFiles, trainLabels, classes, height, width, channels, skipped);
        LabeledData test = read(testFiles, testLabels, classes, height, width, channels, skipped);
        if (!skipped.isEmpty()) {
            StringBuilder sb = new StringBuilder("Skipped " + skipped.size() + " unreadable image(s):");
            skipped.forEach(s -> sb.append("\n  ").append(s.path()).append(": ").append(s.reason()));
            LOG.warn(sb.toString());
        }
        return new DataSplits("image-folder:" + root.getFileName(), train, test, List.copyOf(skipped));
    }

    static List<Path> listImages(Path folder) {
        try (Stream<Path> s = Files.walk(folder)) {
            return new ArrayList<>(s.filter(Files::isRegularFile).filter(ImageLoader::isImageFile).sorted().toList());
        } catch (IOException e) {
            throw new EaselException("Cannot list " + folder + ": " + e.getMessage());
        }
    }

    private static LabeledData read(List<Path> files, List<Integer> labels, List<String> classes, int h, int w, int ch,
                                    List<DataSplits.SkippedFile> skipped) {
        int f = ch * h * w;
        float[] pixels = new float[files.size() * f];
        int[] y = new int[files.size()];
        int n = 0;
        for (int i = 0; i < files.size(); i++) {
            try {
                BufferedImage img = ImageLoader.read(files.get(i));
                ImageLoader.toPixels(img, h, w, ch, pixels, n * f);
                y[n++] = labels.get(i);
            } catch (IOException | RuntimeException e) {
                skipped.add(new DataSplits.SkippedFile(files.get(i).toString(), String.valueOf(e.getMessage())));
            }
        }
        return new LabeledData(Arrays.copyOf(pixels, n * f), Arrays.copyOf(y, n), classes, ch, h, w);
    }
}
