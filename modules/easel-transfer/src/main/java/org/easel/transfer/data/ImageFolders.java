package org.easel.transfer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.easel.core.data.ImageLoader;
import org.easel.core.error.EaselException;
import org.easel.transfer.featurize.ImageSet;

/**
 * Lists the images of a classification folder without decoding them (the backbone reads them one
 * batch at a time: 7,777 images at 224 px would be 4.7 GB as floats). Either {@code root/train/<class>}
 * and {@code root/test/<class>} (the synthetic generator's layout), or {@code root/<class>} split per
 * class by {@code testFraction}, sorted then shuffled with the seed.
 */
public final class ImageFolders {
    private ImageFolders() {
    }

    /** Train and test image sets. */
    public record Split(ImageSet train, ImageSet test) {
    }

    public static Split load(Path root, double testFraction, long seed) {
        if (!Files.isDirectory(root)) {
            throw new EaselException("Image folder " + root.toAbsolutePath() + " does not exist. Set data.path to a folder with one "
                    + "sub-folder per class (or train/ and test/ folders that each have them).");
        }
        if (Files.isDirectory(root.resolve("train")) && Files.isDirectory(root.resolve("test"))) {
            List<String> classes = classes(root.resolve("train"));
            List<String> testClasses = classes(root.resolve("test"));
            if (!classes.equals(testClasses)) {
                throw new EaselException("Class folders differ between " + root.resolve("train") + " " + classes + " and "
                        + root.resolve("test") + " " + testClasses + "; both need the same class sub-folders.");
            }
            return new Split(collect(root.resolve("train"), classes, seed), collect(root.resolve("test"), classes, seed + 1));
        }
        List<String> classes = classes(root);
        List<Path> trainFiles = new ArrayList<>();
        List<Integer> trainLabels = new ArrayList<>();
        List<Path> testFiles = new ArrayList<>();
        List<Integer> testLabels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files = images(root.resolve(classes.get(c)));
            Collections.shuffle(files, new Random(seed + c));
            int nTest = (int) Math.round(files.size() * testFraction);
            if (nTest == 0 || nTest == files.size()) {
                throw new EaselException("Class folder " + root.resolve(classes.get(c)) + " has " + files.size() + " image(s): too few to "
                        + "hold out data.test_fraction " + testFraction + " for testing and keep some for training. Add images.");
            }
            for (int i = 0; i < files.size(); i++) {
                (i < nTest ? testFiles : trainFiles).add(files.get(i));
                (i < nTest ? testLabels : trainLabels).add(c);
            }
        }
        return new Split(shuffled(trainFiles, trainLabels, classes, seed), new ImageSet(testFiles,
                testLabels.stream().mapToInt(Integer::intValue).toArray(), classes));
    }

    static List<String> classes(Path root) {
        List<String> classes = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().forEach(classes::add);
        } catch (IOException e) {
            throw new EaselException("Cannot list " + root + ": " + e.getMessage());
        }
        if (classes.size() < 2) {
            throw new EaselException("Image folder " + root.toAbsolutePath() + " has " + classes.size() + " class sub-folder(s) " + classes
                    + "; a classifier needs at least 2 (e.g. financial/ and non_financial/).");
        }
        return classes;
    }

    private static ImageSet collect(Path root, List<String> classes, long seed) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            for (Path p : images(root.resolve(classes.get(c)))) {
                files.add(p);
                labels.add(c);
            }
        }
        return shuffled(files, labels, classes, seed);
    }

    /**
     * Shuffled once with the seed: the validation split takes the last part of the training set
     * (Keras' validation_split), which in class-sorted order would be a single class.
     */
    private static ImageSet shuffled(List<Path> files, List<Integer> labels, List<String> classes, long seed) {
        Integer[] order = new Integer[files.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Collections.shuffle(Arrays.asList(order), new Random(seed * 7919 + 1));
        List<Path> f = new ArrayList<>(files.size());
        int[] l = new int[files.size()];
        for (int i = 0; i < order.length; i++) {
            f.add(files.get(order[i]));
            l[i] = labels.get(order[i]);
        }
        return new ImageSet(f, l, classes);
    }

    static List<Path> images(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = new ArrayList<>(s.filter(Files::isRegularFile).filter(ImageLoader::isImageFile).sorted().toList());
        } catch (IOException e) {
            throw new EaselException("Cannot list " + folder + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new EaselException("Class folder " + folder.toAbsolutePath() + " has no images (" + String.join(", ", ImageLoader.EXTENSIONS)
                    + "). Add images or remove the folder.");
        }
        return files;
    }
}
