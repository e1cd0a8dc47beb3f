package org.easel.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelStore;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on a small MNIST subset: what a user of `easel run` relies on. */
class ExperimentRunTest {
    static String dataDir() {
        String shared = System.getProperty("easel.test.shared");
        assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "datasets/mnist")), "../shared/datasets not available");
        return Path.of(shared, "datasets").toString();
    }

    static ExperimentConfig mlp(int epochs, int trainLimit) {
        String yaml = """
                name: mlp-test
                seed: 3
                data: {dataset: mnist, dir: %s, train_limit: %d, test_limit: 1000, download: false}
                model:
                  layers:
                    - {type: dense, units: 128, activation: relu}
                    - {type: dropout, rate: 0.3}
                    - {type: dense, units: 10, activation: softmax}
                training: {epochs: %d, batch_size: 64, optimizer: rmsprop, learning_rate: 0.001, validation_split: 0.2}
                """.formatted(dataDir(), trainLimit, epochs);
        return ConfigLoader.parse(yaml, "test.yaml", List.of());
    }

    @Test
    void mlpLearnsAndWritesACompleteRunFolder(@TempDir Path out) throws IOException {
        RunResult r = Experiments.run(mlp(3, 5000), new RunOptions(out, null, TrainingListener.NONE));
        assertTrue(r.test().accuracy() > 0.85, "test accuracy " + r.test().accuracy());
        Path dir = r.runDir();
        assertTrue(dir.getFileName().toString().startsWith("mlp-test-"));
        for (String f : List.of("config.resolved.yaml", "provenance.json", "metrics.jsonl", "history.png", "confusion.png",
                "model.zip", "summary.txt", "report.md", "result.json")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), "missing " + f);
        }
        assertEquals(3, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        assertNotNull(ImageIO.read(dir.resolve("history.png").toFile()));
        assertNotNull(ImageIO.read(dir.resolve("confusion.png").toFile()));
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains(String.format("Test accuracy: %.4f", r.test().accuracy())), report);
        assertTrue(report.contains("Total params: 101,770"), report);
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".part")), "temporary files left behind");
        }
        ModelStore.Loaded m = ModelStore.load(dir.resolve("model.zip"), false);
        assertEquals(10, m.info().classes().size());
        assertEquals(28, m.info().height());
        // The resolved config re-loads to the config that ran.
        assertEquals(mlp(3, 5000), ConfigLoader.load(dir.resolve("config.resolved.yaml"), List.of()));
    }

    @Test
    void resumedRunEndsWithTheSameResultAsAnUninterruptedOne(@TempDir Path out) {
        RunResult full = Experiments.run(mlp(3, 2000), new RunOptions(out.resolve("a"), null, TrainingListener.NONE));
        RunResult resumed = crashAfterEpoch2AndResume(mlp(3, 2000), out.resolve("b"));
        assertEquals(full.test().loss(), resumed.test().loss(), 1e-6);
        assertEquals(full.test().accuracy(), resumed.test().accuracy(), 1e-9);
    }

    /** Runs {@code config} into {@code dir}, crashing after epoch 2, then resumes the interrupted run folder. */
    private static RunResult crashAfterEpoch2AndResume(ExperimentConfig config, Path dir) {
        TrainingListener crashAfterEpoch2 = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics m) {
                if (m.epoch() == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> Experiments.run(config, new RunOptions(dir, null, crashAfterEpoch2)));
        Path interrupted;
        try (var dirs = Files.list(dir)) {
            interrupted = dirs.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertTrue(!Files.exists(interrupted.resolve("model.zip")), "an interrupted run must not look finished");
        RunResult resumed = Experiments.run(null, new RunOptions(null, interrupted, TrainingListener.NONE));
        assertEquals(interrupted, resumed.runDir());
        return resumed;
    }

    static ExperimentConfig cnn(int epochs) {
        String yaml = """
                name: cnn-test
                seed: 5
                data: {dataset: mnist, dir: %s, train_limit: 2000, test_limit: 1000, download: false}
                model:
                  layers:
                    - {type: conv2d, filters: 8, kernel: [3, 3], padding: same, activation: relu}
                    - {type: maxpool, kernel: [2, 2]}
                    - {type: conv2d, filters: 16, kernel: [3, 3], padding: same, activation: relu}
                    - {type: maxpool, kernel: [2, 2]}
                    - {type: dropout, rate: 0.25}
                    - {type: flatten}
                    - {type: dense, units: 32, activation: relu}
                    - {type: dense, units: 10, activation: softmax}
                training: {epochs: %d, batch_size: 64, optimizer: adam, learning_rate: 0.002, validation_split: 0.2}
                """.formatted(dataDir(), epochs);
        return ConfigLoader.parse(yaml, "test.yaml", List.of());
    }

    @Test
    void aConvolutionalRunTrainsOnTheFusedStepAndResumesToTheSameResult(@TempDir Path out) {
        List<String> messages = new java.util.ArrayList<>();
        TrainingListener log = new TrainingListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        };
        RunResult full = Experiments.run(cnn(3), new RunOptions(out.resolve("a"), null, log));
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("Training step: fused convolution step")), messages.toString());
        assertTrue(full.test().accuracy() > 0.85, "test accuracy " + full.test().accuracy());

        RunResult resumed = crashAfterEpoch2AndResume(cnn(3), out.resolve("b"));
        assertEquals(full.test().loss(), resumed.test().loss(), 1e-6, "same masks, same updater state, same steps");
        assertEquals(full.test().accuracy(), resumed.test().accuracy(), 1e-9);
    }

    @Test
    void aFinishedRunExtendedWithMoreEpochsEqualsARunConfiguredForThemFromTheStart(@TempDir Path out) throws IOException {
        RunResult three = Experiments.run(mlp(3, 2000), new RunOptions(out.resolve("a"), null, TrainingListener.NONE));
        RunResult two = Experiments.run(mlp(2, 2000), new RunOptions(out.resolve("b"), null, TrainingListener.NONE));
        RunResult extended = Experiments.run(null, new RunOptions(null, two.runDir(), TrainingListener.NONE, List.of("training.epochs=3")));
        assertEquals(two.runDir(), extended.runDir());
        assertEquals(3, Files.readAllLines(two.runDir().resolve("metrics.jsonl")).size());
        assertEquals(three.test().loss(), extended.test().loss(), 1e-6);
        assertEquals(three.test().accuracy(), extended.test().accuracy(), 1e-9);
        assertTrue(Files.readString(two.runDir().resolve("config.resolved.yaml")).contains("epochs: 3"), "the extension is saved with the run");

        EaselException other = assertThrows(EaselException.class, () -> Experiments.run(null,
                new RunOptions(null, two.runDir(), TrainingListener.NONE, List.of("training.learning_rate=0.1"))));
        assertTrue(other.getMessage().contains("only --set training.epochs=N") && other.getMessage().contains("training.learning_rate"),
                other.getMessage());
        EaselException shorter = assertThrows(EaselException.class, () -> Experiments.run(null,
                new RunOptions(null, two.runDir(), TrainingListener.NONE, List.of("training.epochs=1"))));
        assertTrue(shorter.getMessage().contains("only raise"), shorter.getMessage());
    }

    @Test
    void resumingSomethingThatIsNotARunFolderIsAClearError(@TempDir Path dir) {
        EaselException e = assertThrows(EaselException.class,
                () -> Experiments.run(null, new RunOptions(null, dir, TrainingListener.NONE)));
        assertTrue(e.getMessage().contains("not an Easel run folder"), e.getMessage());
    }

    @Test
    void classMismatchBetweenModelAndDataIsAClearError(@TempDir Path out) {
        ExperimentConfig c = ConfigLoader.parse(ConfigYamlFor.mlpWithUnits(dataDir(), 7), "t.yaml", List.of());
        EaselException e = assertThrows(EaselException.class, () -> Experiments.run(c, new RunOptions(out, null, TrainingListener.NONE)));
        assertTrue(e.getMessage().contains("units is 7 but the data has 10 classes"), e.getMessage());
    }

    /** Small config builders shared by the tests above. */
    static final class ConfigYamlFor {
        static String mlpWithUnits(String dataDir, int units) {
            return """
                    name: bad
                    data: {dataset: mnist, dir: %s, train_limit: 100, test_limit: 100}
                    model: {layers: [{type: dense, units: %d, activation: softmax}]}
                    training: {epochs: 1}
                    """.formatted(dataDir, units);
        }
    }
}
