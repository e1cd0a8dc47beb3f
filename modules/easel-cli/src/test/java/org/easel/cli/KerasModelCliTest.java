package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.easel.core.data.Downloader;
import org.easel.keras.ImportedModel;
import org.easel.keras.KerasImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Imported Keras models through every command, as a user runs them, on a small CNN this test writes itself in
 * every form Easel takes: a legacy .h5, a Keras 3 .keras, an architecture JSON + weights-only .h5, and the zip
 * 'easel import' writes. Predictions are checked against the model's output computed here on the same pixels.
 */
class KerasModelCliTest {
    @TempDir
    static Path dir;

    static Path h5;
    static Path keras;
    static Path json;
    static Path weights;
    static Path images;

    @BeforeAll
    static void writeModelsAndImages() throws IOException {
        SmallKerasModel m = SmallKerasModel.write(dir);
        h5 = m.h5();
        keras = m.keras();
        json = m.json();
        weights = m.weights();
        images = m.images();
    }

    /** file -> (class, probability) from a predict CSV. */
    static Map<String, String[]> csv(String text) {
        Map<String, String[]> out = new LinkedHashMap<>();
        text.lines().skip(1).forEach(l -> {
            String[] p = l.split(",");
            out.put(Path.of(p[0]).getFileName().toString() + "@" + Path.of(p[0]).getParent().getFileName(), new String[] {p[1], p[2]});
        });
        return out;
    }

    static Map<String, String[]> predict(String... args) {
        List<String> all = new ArrayList<>(List.of("predict"));
        all.addAll(List.of(args));
        CliTest.Result r = CliTest.run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return csv(r.out());
    }

    static void assertSameCsv(Map<String, String[]> a, Map<String, String[]> b, String what) {
        assertEquals(a.keySet(), b.keySet(), what);
        a.forEach((k, v) -> {
            assertEquals(v[0], b.get(k)[0], what + " " + k);
            assertEquals(Double.parseDouble(v[1]), Double.parseDouble(b.get(k)[1]), 2e-6, what + " " + k);
        });
    }

    /** The model's probabilities for one image, computed here: pixels -> (pixel / scale - mean) / std, NHWC, forward. */
    static float[] expected(ImportedModel m, Path png, double scale, double mean, double std) throws IOException {
        BufferedImage img = ImageIO.read(png.toFile());
        float[] x = new float[8 * 8 * 3];
        for (int y = 0; y < 8; y++) {
            for (int xx = 0; xx < 8; xx++) {
                int rgb = img.getRGB(xx, y);
                int[] c = {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255};
                for (int k = 0; k < 3; k++) {
                    x[(y * 8 + xx) * 3 + k] = (float) ((c[k] / scale - mean) / std);
                }
            }
        }
        return m.output(Nd4j.create(x, new long[] {1, 8, 8, 3}, 'c'))[0].toFloatVector();
    }

    static void assertMatchesModel(Map<String, String[]> predictions, double scale, double mean, double std) throws IOException {
        ImportedModel m = KerasImporter.builder().build().importModel(h5);
        try (Stream<Path> s = Files.walk(images)) {
            for (Path png : s.filter(p -> p.toString().endsWith(".png")).toList()) {
                float[] p = expected(m, png, scale, mean, std);
                int best = 0;
                for (int i = 1; i < p.length; i++) {
                    best = p[i] > p[best] ? i : best;
                }
                String[] row = predictions.get(png.getFileName() + "@" + png.getParent().getFileName());
                assertEquals(Integer.toString(best), row[0], png.toString());
                assertEquals(p[best], Double.parseDouble(row[1]), 2e-6, png.toString());
            }
        }
    }

    @Test
    void predictGivesTheSameLabelsForEveryFormOfTheModel() throws IOException {
        Map<String, String[]> fromH5 = predict(h5.toString(), images.toString());
        assertEquals(12, fromH5.size());
        assertMatchesModel(fromH5, 255, 0, 1);
        assertSameCsv(fromH5, predict(keras.toString(), images.toString()), ".keras");
        assertSameCsv(fromH5, predict(json.toString(), "--weights", weights.toString(), images.toString()), "JSON + --weights");
        Path zip = dir.resolve("imported.zip");
        CliTest.Result imp = CliTest.run("import", keras.toString(), "--out", zip.toString());
        assertEquals(0, imp.code(), imp.err());
        assertSameCsv(fromH5, predict(zip.toString(), images.toString()), "easel import zip");
    }

    @Test
    void inputScalingIsRecordedInTheZipAndApplied() throws IOException {
        Path zip = dir.resolve("scaled.zip");
        CliTest.Result imp = CliTest.run("import", h5.toString(), "--scale", "1", "--mean", "100", "--std", "50", "--out", zip.toString());
        assertEquals(0, imp.code(), imp.err());
        assertTrue(ImportedModel.load(zip).report().inputScaling() != null, "scaling recorded in the zip");
        CliTest.Result summary = CliTest.run("summary", zip.toString());
        assertTrue(summary.out().contains("Input scaling: x = (pixel / 1 - 100) / 50"), summary.out());

        Map<String, String[]> fromZip = predict(zip.toString(), images.toString());
        assertMatchesModel(fromZip, 1, 100, 50);
        assertSameCsv(fromZip, predict(h5.toString(), images.toString(), "--scale", "1", "--mean", "100", "--std", "50"), "flags");
        Path copy = Files.copy(h5, dir.resolve("sidecar.h5"));
        Files.writeString(dir.resolve("sidecar.h5.scaling.json"), "{\"scale\": 1, \"mean\": 100, \"std\": 50}");
        assertSameCsv(fromZip, predict(copy.toString(), images.toString()), "sidecar");
        assertNotEquals(fromZip.values().stream().map(v -> v[1]).toList(),
                predict(h5.toString(), images.toString()).values().stream().map(v -> v[1]).toList(), "scaling has an effect");

        // Stated twice is an error, not a silent choice.
        CliTest.Result twiceZip = CliTest.run("predict", zip.toString(), images.toString(), "--scale", "255");
        assertEquals(EaselCommand.USER_ERROR, twiceZip.code());
        assertTrue(twiceZip.err().contains("Input scaling is given twice"), twiceZip.err());
        CliTest.Result twiceSidecar = CliTest.run("predict", copy.toString(), images.toString(), "--scale", "255");
        assertEquals(EaselCommand.USER_ERROR, twiceSidecar.code());
        assertTrue(twiceSidecar.err().contains("sidecar.h5.scaling.json"), twiceSidecar.err());
    }

    @Test
    void summaryAndEvaluateTakeEveryForm() throws IOException {
        Path zip = dir.resolve("eval.zip");
        assertEquals(0, CliTest.run("import", h5.toString(), "--out", zip.toString()).code());
        Path cfg = Files.writeString(dir.resolve("eval.yaml"), "name: eval\nseed: 7\ndata:\n  dataset: image-folder\n  path: " + images
                + "\n  image_size: [8, 8]\n  channels: 3\n  test_fraction: 0.5\nmodel:\n  layers:\n    - {type: dense, units: 3, activation: softmax}\n");
        List<String[]> forms = List.of(new String[] {zip.toString()}, new String[] {h5.toString()}, new String[] {keras.toString()},
                new String[] {json.toString(), "--weights", weights.toString()});
        String accuracy = null;
        for (String[] form : forms) {
            CliTest.Result s = CliTest.run(concat("summary", form));
            assertEquals(0, s.code(), s.err());
            assertTrue(s.out().contains("Total params: 547") && s.out().contains("(None, 6, 6, 4)"), s.out());
            CliTest.Result e = CliTest.run(concat("evaluate", form, "--config", cfg.toString()));
            assertEquals(0, e.code(), e.err());
            String line = e.out().lines().filter(l -> l.startsWith("Test accuracy")).findFirst().orElseThrow();
            if (accuracy == null) {
                accuracy = line;
            }
            assertEquals(accuracy, line, String.join(" ", form));
        }
        // The same accuracy from the predictions: 6 test images (2 per class), labelled by their folder.
        Map<String, String[]> p = predict(h5.toString(), images.toString());
        assertTrue(accuracy.matches("Test accuracy (0\\.0000|0\\.1667|0\\.3333|0\\.5000|0\\.6667|0\\.8333|1\\.0000), loss .* on 6 examples .*"), accuracy);
        assertEquals(12, p.size());
    }

    private static String[] concat(String first, String[] middle, String... last) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(middle));
        all.addAll(List.of(last));
        return all.toArray(String[]::new);
    }

    @Test
    void weightsOnlyFileNamesTheOptionThatImportsIt() {
        CliTest.Result hint = CliTest.run("import", weights.toString(), "--out", dir.resolve("w.zip").toString());
        assertEquals(EaselCommand.USER_ERROR, hint.code());
        assertTrue(hint.err().contains("--architecture ARCH.json"), hint.err());
        CliTest.Result ok = CliTest.run("import", weights.toString(), "--architecture", json.toString(), "--out", dir.resolve("w.zip").toString());
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("Total params: 547"), ok.out());
    }

    @Test
    void offlineStopsTheDownloadAndCreatesNoFolderInTheDataTree() throws IOException {
        Path tree = Files.createDirectories(dir.resolve("readonly-data"));
        Path cfg = Files.writeString(dir.resolve("mnist.yaml"), "name: m\ndata:\n  dataset: mnist\n  dir: " + tree
                + "\nmodel:\n  layers:\n    - {type: dense, units: 10, activation: softmax}\n");
        tree.toFile().setWritable(false);
        try {
            System.setProperty(Downloader.OFFLINE_PROPERTY, "1");
            CliTest.Result offline = CliTest.run("evaluate", h5.toString(), "--config", cfg.toString());
            assertEquals(EaselCommand.USER_ERROR, offline.code());
            assertTrue(offline.err().contains("is missing") && offline.err().contains("unset EASEL_OFFLINE")
                    && offline.err().contains(tree.resolve("mnist").toAbsolutePath().toString()), offline.err());
            System.clearProperty(Downloader.OFFLINE_PROPERTY);
            Path noDownload = Files.writeString(dir.resolve("mnist-nodl.yaml"), Files.readString(cfg).replace("dataset: mnist",
                    "dataset: mnist\n  download: false"));
            CliTest.Result off = CliTest.run("evaluate", h5.toString(), "--config", noDownload.toString());
            assertEquals(EaselCommand.USER_ERROR, off.code());
            assertTrue(off.err().contains("set data.download: true"), off.err());
            try (Stream<Path> s = Files.list(tree)) {
                assertEquals(List.of(), s.toList(), "nothing created in the data tree");
            }
        } finally {
            System.clearProperty(Downloader.OFFLINE_PROPERTY);
            tree.toFile().setWritable(true);
        }
    }
}
