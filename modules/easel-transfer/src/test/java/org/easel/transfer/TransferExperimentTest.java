package org.easel.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.EaselException;
import org.easel.core.predict.Predictor;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.model.TransferModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on tiny data: featurize, cache, train the head, report, save, predict. */
class TransferExperimentTest {
    @TempDir
    Path tmp;

    static String yaml(Path data, Path cache, String backbone, String weights, String freeze, int input, String extra) {
        return """
                name: tiny-transfer
                seed: 7
                task: transfer
                data:
                  dataset: image-folder
                  path: %s
                  test_fraction: 0.25
                training:
                  epochs: 12
                  batch_size: 8
                  learning_rate: 0.01
                  validation_split: 0.2
                transfer:
                  backbone: %s
                  weights: %s
                  freeze_up_to: %s
                  input_size: %d
                  cache_dir: %s
                  head: {dense: [16], dropout: 0.1}
                  gradcam_images: 2
                  featurize_batch: 8
                %s
                """.formatted(data, backbone, weights, freeze, input, cache, extra);
    }

    RunResult run(String yaml) {
        ExperimentConfig cfg = ConfigLoader.parse(yaml, "tiny.yaml", List.of("output.dir=" + tmp.resolve("out")));
        return Experiments.run(cfg, RunOptions.defaults());
    }

    @Test
    void trainsReportsCachesAndPredicts() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 16, 40, 1);
        Path cache = tmp.resolve("cache");
        String y = yaml(data, cache, "squeezenet", "random", "fire3", 64, "");
        RunResult r = run(y);
        Path dir = r.runDir();
        for (String f : List.of("report.md", "roc.png", "confusion.png", "misclassified.png", "gradcam.png", "history.png", "model.zip",
                "metrics.jsonl", "result.json")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertTrue(r.metrics().get("test_accuracy") >= 0.75, "accuracy " + r.metrics());
        assertTrue(r.metrics().get("roc_auc") >= 0.75, "auc " + r.metrics());
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("Weights used: random"), report);
        assertTrue(report.contains("images/s"), report);
        assertTrue(report.contains("32 image(s) were smaller than the input size"), report);
        try (var s = Files.list(cache)) {
            assertEquals(2, s.filter(p -> p.toString().endsWith(".features")).count());
        }

        // second run: both splits come from the cache, same result
        RunResult again = run(y);
        assertTrue(Files.readString(again.runDir().resolve("report.md")).contains("loaded from the cache"));
        assertEquals(r.metrics().get("test_accuracy"), again.metrics().get("test_accuracy"), 1e-9);

        TransferModel model = TransferModel.load(dir.resolve("model.zip"));
        Predictor.Results p = model.predict(data.resolve("financial"));
        assertEquals(16, p.predictions().size());
        long financial = p.predictions().stream().filter(x -> x.label().equals("financial")).count();
        assertTrue(financial >= 12, "predicted financial for " + financial + "/16 documents");
        assertTrue(Predictor.csv(p.predictions()).startsWith("file,class,probability\n"));
    }

    @Test
    void badInputsFailWithClearMessages() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 4, 24, 2);
        Path cache = tmp.resolve("cache");
        EaselException e = assertThrows(EaselException.class, () -> run(yaml(data, cache, "resnet9000", "random", "fire3", 64, "")));
        assertTrue(e.getMessage().contains("vgg16, alexnet, squeezenet"), e.getMessage());

        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, "squeezenet", "random", "fire10", 64, "")));
        assertTrue(e.getMessage().contains("fire10") && e.getMessage().contains("conv1, pool1, fire2"), e.getMessage());

        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, "alexnet", "random", "pool5", 32, "")));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());

        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, "alexnet", "imagenet", "pool5", 64, "")));
        assertTrue(e.getMessage().contains("no public ImageNet weights"), e.getMessage());

        Files.createDirectories(tmp.resolve("imgs/empty_class"));
        e = assertThrows(EaselException.class, () -> run(yaml(data, cache, "squeezenet", "random", "fire3", 64, "")));
        assertTrue(e.getMessage().contains("empty_class") && e.getMessage().contains("no images"), e.getMessage());

        Path single = tmp.resolve("single");
        Files.createDirectories(single.resolve("only"));
        Files.copy(data.resolve("financial/doc0.png"), single.resolve("only/a.png"));
        e = assertThrows(EaselException.class, () -> run(yaml(single, cache, "squeezenet", "random", "fire3", 64, "")));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void fallbackToRandomIsAskedForAndReported() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 6, 32, 3);
        String y = yaml(data, tmp.resolve("cache"), "alexnet", "imagenet", "pool2", 64, "").replace("  gradcam_images: 2", "  fallback: random\n  gradcam_images: 1");
        RunResult r = run(y);
        String report = Files.readString(r.runDir().resolve("report.md"));
        assertTrue(report.contains("Weights used: random (fallback"), report);
        assertTrue(report.contains("requested `imagenet` was unavailable"), report);
    }

    @Test
    void stageTwoTrainsOnlyTheUnfrozenLayersAndTheSavedModelPredictsWhatWasEvaluated() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 16, 40, 1);
        Path cache = tmp.resolve("cache");
        RunResult stage1 = run(yaml(data, cache, "squeezenet", "random", "fire3", 64, ""));
        String fineTune = yaml(data, cache, "squeezenet", "random", "fire3", 64, "")
                .replace("  gradcam_images: 2", "  fine_tune: {unfreeze_from: fire3, epochs: 3, learning_rate: 0.001, batch_size: 8}\n  gradcam_images: 2");
        RunResult stage2 = run(fineTune);

        assertEquals(12 + 3, Files.readAllLines(stage2.runDir().resolve("metrics.jsonl")).size());
        String report = Files.readString(stage2.runDir().resolve("report.md"));
        assertTrue(report.contains("fine-tuned (stage 2)"), report);

        TransferModel before = TransferModel.load(stage1.runDir().resolve("model.zip"));
        TransferModel after = TransferModel.load(stage2.runDir().resolve("model.zip"));
        for (String frozen : List.of("conv1", "fire2/squeeze1x1", "fire2/expand3x3")) {
            assertEquals(before.weights().kernel(frozen), after.weights().kernel(frozen), frozen + " must stay frozen");
        }
        assertTrue(before.weights().kernel("fire3/expand3x3").sub(after.weights().kernel("fire3/expand3x3")).amaxNumber().doubleValue() > 0,
                "fire3 must have trained");

        // the reloaded model, run from pixels, reproduces the accuracy measured on the stage-2 features
        var split = ImageFolders.load(data, 0.25, 7);
        int correct = 0;
        for (int i = 0; i < split.test().size(); i++) {
            Predictor.Results p = after.predict(split.test().files().get(i));
            correct += p.predictions().get(0).label().equals(split.test().classes().get(split.test().labels()[i])) ? 1 : 0;
        }
        assertEquals(stage2.metrics().get("test_accuracy"), (double) correct / split.test().size(), 1e-9);
        assertTrue(stage2.metrics().get("test_accuracy") >= 0.75, "accuracy " + stage2.metrics());

        EaselException e = assertThrows(EaselException.class, () -> run(fineTune.replace("unfreeze_from: fire3", "unfreeze_from: conv1")));
        assertTrue(e.getMessage().contains("unfreeze_from 'conv1'") && e.getMessage().contains("pool1, fire2, fire3"), e.getMessage());
    }
}
