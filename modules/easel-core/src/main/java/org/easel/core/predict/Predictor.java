package org.easel.core.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.easel.core.data.DataSplits;
import org.easel.core.data.ImageLoader;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelStore;
import org.easel.core.train.Evaluator;

/** Labels image files with a trained classifier, preprocessing them exactly as its training data was. */
public final class Predictor {
    private static final int BATCH = 64;

    /** One labelled image. */
    public record Prediction(String file, String label, double probability) {
    }

    /** All predictions, and the files that could not be read. */
    public record Results(List<Prediction> predictions, List<DataSplits.SkippedFile> skipped) {
    }

    private final ImageClassifier classifier;

    public Predictor(ImageClassifier classifier) {
        this.classifier = classifier;
    }

    /** An Easel model.zip from a run folder. */
    public Predictor(ModelStore.Loaded model) {
        this(new NetworkClassifier(model));
    }

    public Results predict(Path imageOrDir) {
        return predict(listImages(imageOrDir));
    }

    /** Labels these files, in this order (batches of 64 from the first); unreadable files are listed, not fatal. */
    public Results predict(List<Path> files) {
        List<Prediction> out = new ArrayList<>();
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        int h = classifier.height();
        int w = classifier.width();
        int c = classifier.channels();
        int f = c * h * w;
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            float[] pixels = new float[batch.size() * f];
            List<Path> ok = new ArrayList<>();
            for (Path p : batch) {
                try {
                    BufferedImage img = ImageLoader.read(p);
                    ImageLoader.toPixels(img, h, w, c, pixels, ok.size() * f);
                    ok.add(p);
                } catch (IOException | RuntimeException e) {
                    skipped.add(new DataSplits.SkippedFile(p.toString(), String.valueOf(e.getMessage())));
                }
            }
            if (ok.isEmpty()) {
                continue;
            }
            float[][] probs = classifier.probabilities(Arrays.copyOf(pixels, ok.size() * f), ok.size());
            for (int i = 0; i < ok.size(); i++) {
                int best = Evaluator.argmax(probs[i]);
                out.add(new Prediction(ok.get(i).toString(), classifier.classes().get(best), probs[i][best]));
            }
        }
        return new Results(out, skipped);
    }

    public static String csv(List<Prediction> predictions) {
        StringBuilder sb = new StringBuilder("file,class,probability\n");
        for (Prediction p : predictions) {
            sb.append(quote(p.file())).append(',').append(quote(p.label())).append(',').append(String.format("%.6f", p.probability())).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** The image file, or every image under the folder (sorted); a clear error when there is none. */
    public static List<Path> listImages(Path imageOrDir) {
        if (Files.isRegularFile(imageOrDir)) {
            return List.of(imageOrDir);
        }
        if (!Files.isDirectory(imageOrDir)) {
            throw new EaselException("No such image or folder: " + imageOrDir.toAbsolutePath());
        }
        try (Stream<Path> s = Files.walk(imageOrDir)) {
            List<Path> files = s.filter(Files::isRegularFile).filter(ImageLoader::isImageFile).sorted().toList();
            if (files.isEmpty()) {
                throw new EaselException("Folder " + imageOrDir.toAbsolutePath() + " holds no images (" + String.join(", ", ImageLoader.EXTENSIONS) + ").");
            }
            return files;
        } catch (IOException e) {
            throw new EaselException("Cannot list " + imageOrDir + ": " + e.getMessage());
        }
    }
}
