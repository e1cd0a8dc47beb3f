package org.easel.core.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.data.DataSplits;
import org.easel.core.data.ImageLoader;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelInfo;
import org.easel.core.model.ModelStore;
import org.easel.core.train.Evaluator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Labels image files with a trained classifier, preprocessing them exactly as its training data was. */
public final class Predictor {
    private static final int BATCH = 64;

    /** One labelled image. */
    public record Prediction(String file, String label, double probability) {
    }

    /** All predictions, and the files that could not be read. */
    public record Results(List<Prediction> predictions, List<DataSplits.SkippedFile> skipped) {
    }

    private final MultiLayerNetwork net;
    private final ModelInfo info;

    public Predictor(ModelStore.Loaded model) {
        if (model.info() == null) {
            throw new EaselException("This model has no Easel metadata (class names, input size), so images cannot be prepared for it."
                    + " Use a model.zip written by 'easel run'.");
        }
        this.net = model.network();
        this.info = model.info();
    }

    public Results predict(Path imageOrDir) {
        List<Path> files = list(imageOrDir);
        List<Prediction> out = new ArrayList<>();
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        int f = info.channels() * info.height() * info.width();
        for (int from = 0; from < files.size(); from += BATCH) {
            List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
            float[] pixels = new float[batch.size() * f];
            List<Path> ok = new ArrayList<>();
            for (Path p : batch) {
                try {
                    BufferedImage img = ImageLoader.read(p);
                    ImageLoader.toPixels(img, info.height(), info.width(), info.channels(), pixels, ok.size() * f);
                    ok.add(p);
                } catch (IOException | RuntimeException e) {
                    skipped.add(new DataSplits.SkippedFile(p.toString(), String.valueOf(e.getMessage())));
                }
            }
            if (ok.isEmpty()) {
                continue;
            }
            INDArray x = Nd4j.create(java.util.Arrays.copyOf(pixels, ok.size() * f), new long[]{ok.size(), f}, 'c');
            float[] probs = net.output(x, false).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).data().asFloat();
            int k = info.classes().size();
            for (int i = 0; i < ok.size(); i++) {
                float[] row = java.util.Arrays.copyOfRange(probs, i * k, (i + 1) * k);
                int c = Evaluator.argmax(row);
                out.add(new Prediction(ok.get(i).toString(), info.classes().get(c), row[c]));
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

    private static List<Path> list(Path imageOrDir) {
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
