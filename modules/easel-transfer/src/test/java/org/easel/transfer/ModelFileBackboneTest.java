package org.easel.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.error.EaselException;
import org.easel.core.predict.Predictor;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.easel.keras.KerasSamples;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.model.TransferModel;
import org.easel.transfer.modelfile.TinyCnns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transfer.backbone: a model file (DL4J zip or Keras .h5), end to end on tiny images, and its error cases. */
class ModelFileBackboneTest {
    @TempDir
    Path tmp;

    RunResult run(String yaml) {
        return Experiments.run(ConfigLoader.parse(yaml, "tiny.yaml", List.of("output.dir=" + tmp.resolve("out"))), RunOptions.defaults());
    }

    static String yaml(Path data, Path cache, Path backbone, String freeze, int input, String extra) {
        return TransferExperimentTest.yaml(data, cache, backbone.toString(), "random", freeze, input, extra);
    }

    /** The reloaded model, run from pixels, gives the test accuracy the run measured. */
    static void assertReloadedModelReproduces(RunResult r, Path data) {
        TransferModel model = TransferModel.load(r.runDir().resolve("model.zip"));
        var split = ImageFolders.load(data, 0.25, 7);
        Predictor.Results p = model.predict(split.test().files());
        int correct = 0;
        for (int i = 0; i < split.test().size(); i++) {
            correct += p.predictions().get(i).label().equals(split.test().classes().get(split.test().labels()[i])) ? 1 : 0;
        }
        assertEquals(r.metrics().get("test_accuracy"), (double) correct / split.test().size(), 1e-9);
    }

    @Test
    void dl4jZipBackboneTrainsCachesByFileContentAndPredictsAfterReload() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 16, 40, 1);
        Path cache = tmp.resolve("cache");
        Path zip = TinyCnns.sequential(tmp.resolve("tiny-cnn.zip"), 5);
        RunResult r = run(yaml(data, cache, zip, "null", 32, ""));
        for (String f : List.of("report.md", "gradcam.png", "misclassified.png", "model.zip", "result.json")) {
            assertTrue(Files.size(r.runDir().resolve(f)) > 0, f);
        }
        assertTrue(r.metrics().get("test_accuracy") >= 0.75, "accuracy " + r.metrics());
        String report = Files.readString(r.runDir().resolve("report.md"));
        assertTrue(report.contains("Backbone: tiny-cnn.zip — DL4J MultiLayerNetwork"), report);
        assertTrue(report.contains("Frozen up to: `conv2`, input 32x32, feature map [16, 12, 12]"), report);
        assertTrue(report.contains("Weights used: model file tiny-cnn.zip"), report);
        assertReloadedModelReproduces(r, data);

        RunResult again = run(yaml(data, cache, zip, "null", 32, ""));
        assertTrue(Files.readString(again.runDir().resolve("report.md")).contains("loaded from the cache"));
        // same path, other content: the cache key holds the file's hash, so nothing stale is reused
        TinyCnns.sequential(zip, 6);
        RunResult other = run(yaml(data, cache, zip, "null", 32, ""));
        assertFalse(Files.readString(other.runDir().resolve("report.md")).contains("loaded from the cache"));
        try (var s = Files.list(cache)) {
            assertEquals(4, s.filter(p -> p.toString().endsWith(".features")).count());
        }
    }

    @Test
    void computationGraphZipWithMergedBranches() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 12, 40, 2);
        RunResult r = run(yaml(data, tmp.resolve("cache"), TinyCnns.graph(tmp.resolve("branches.zip"), 8), "merged", 32,
                "  pooling: avgmax\n  preprocessing: signed"));
        String report = Files.readString(r.runDir().resolve("report.md"));
        assertTrue(report.contains("Frozen up to: `merged`") && report.contains("Preprocessing: SIGNED"), report);
        assertTrue(r.metrics().get("test_accuracy") >= 0.75, "accuracy " + r.metrics());
        assertReloadedModelReproduces(r, data);
    }

    @Test
    void kerasFullModelBackboneTakesInputSizeAndChannelsFromTheFile() throws Exception {
        Path h5 = tmp.resolve("mini_xception.h5"); // functional, Add merges, SeparableConv2D, BatchNormalization
        KerasSamples.miniXception(h5, 64, 11);
        Path data = TestImages.folder(tmp.resolve("imgs"), 12, 64, 3);
        RunResult r = run(yaml(data, tmp.resolve("cache"), h5, "null", 0, ""));
        String report = Files.readString(r.runDir().resolve("report.md"));
        // functional Keras 2 model, 64x64 grayscale, NHWC; default cut: the map feeding its global average pooling
        assertTrue(report.contains("input 64x64x1 (NHWC)") && report.contains("Frozen up to: `conv2d_4`, input 64x64"), report);
        assertTrue(r.metrics().get("test_accuracy") >= 0.75, "accuracy " + r.metrics());
        assertReloadedModelReproduces(r, data);
        EaselException e = assertThrows(EaselException.class, () -> run(yaml(data, tmp.resolve("cache"), h5, "dense_1", 0, "")));
        assertTrue(e.getMessage().contains("no layer 'dense_1'") && e.getMessage().contains("conv2d_1"), e.getMessage());
    }

    @Test
    void badModelFilesAndSettingsFailWithClearMessages() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 4, 32, 4);
        Path cache = tmp.resolve("cache");
        Path zip = TinyCnns.sequential(tmp.resolve("tiny-cnn.zip"), 5);

        EaselException e = assertThrows(EaselException.class, () -> run(yaml(data, cache, tmp.resolve("nope.zip"), "null", 32, "")));
        assertTrue(e.getMessage().contains("transfer.backbone") && e.getMessage().contains("nope.zip") && e.getMessage().contains("does not exist"),
                e.getMessage());

        Path text = Files.writeString(tmp.resolve("notes.zip"), "not a zip");
        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, text, "null", 32, "")));
        assertTrue(e.getMessage().contains("notes.zip") && e.getMessage().contains("not a model file"), e.getMessage());

        Path fakeH5 = Files.writeString(tmp.resolve("fake.h5"), "not hdf5 either");
        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, fakeH5, "null", 32, "")));
        assertTrue(e.getMessage().startsWith("transfer.backbone: ") && e.getMessage().contains("fake.h5"), e.getMessage());

        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, zip, "conv7", 32, "")));
        assertTrue(e.getMessage().contains("no layer 'conv7'") && e.getMessage().contains("conv1, pool1, conv2, fc, out"), e.getMessage());

        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, zip, "null", 0, "")));
        assertTrue(e.getMessage().contains("transfer.input_size") && e.getMessage().contains("does not record its input size"), e.getMessage());

        // conv1 5x5, pool 2, conv2 3x3: the map vanishes below 10 px
        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, zip, "null", 8, "")));
        assertTrue(e.getMessage().contains("transfer.input_size") && e.getMessage().contains("8x8x3") && e.getMessage().contains("'conv2'"),
                e.getMessage());

        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, zip, "null", 32, "  fine_tune: {unfreeze_from: conv2}")));
        assertTrue(e.getMessage().contains("not supported for model-file backbones"), e.getMessage());

        e = assertThrows(EaselException.class, () -> run(TransferExperimentTest.yaml(data, cache, "squeezenet", "random", "fire3", 64,
                "  preprocessing: caffe")));
        assertTrue(e.getMessage().contains("transfer.preprocessing") && e.getMessage().contains("only to model-file backbones"), e.getMessage());
    }
}
