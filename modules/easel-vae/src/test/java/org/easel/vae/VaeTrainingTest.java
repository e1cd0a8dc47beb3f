package org.easel.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.config.TrainingConfig;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.easel.core.train.TrainingListener;
import org.easel.vae.config.VaeConfig;
import org.easel.vae.model.VaeModel;
import org.easel.vae.train.VaeState;
import org.easel.vae.train.VaeTrainer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end on a tiny MNIST subset: loss goes down, checkpoints resume exactly, outputs are written. */
class VaeTrainingTest {
    static Path datasets;

    @BeforeAll
    static void shared() {
        String shared = System.getProperty("easel.test.shared");
        Assumptions.assumeTrue(shared != null && Files.isDirectory(Path.of(shared, "datasets", "mnist")),
                "shared datasets not available");
        datasets = Path.of(shared, "datasets");
    }

    static ExperimentConfig config(String extra, int epochs, int trainLimit) {
        String yaml = """
                name: vae-test
                seed: 7
                task: vae
                data: {dataset: mnist, dir: '%s', train_limit: %d, test_limit: 256, download: false}
                training: {epochs: %d, batch_size: 64, learning_rate: 0.002}
                vae: {architecture: conv, latent_dim: 2, filters: [8, 16], hidden: [16], samples: 16%s}
                """.formatted(datasets.toString().replace("'", "''"), trainLimit, epochs, extra);
        return ConfigLoader.parse(yaml, "test.yaml", List.of());
    }

    @Test
    void lossDecreasesAndOutputsAreWritten(@TempDir Path out) throws Exception {
        RunResult r = Experiments.run(config("", 3, 512), new RunOptions(out, null, TrainingListener.NONE));
        List<String> lines = Files.readAllLines(r.runDir().resolve("metrics.jsonl"));
        assertEquals(3, lines.size());
        double first = Double.parseDouble(lines.get(0).replaceAll(".*\"testNegElbo\":([0-9.eE+-]+).*", "$1"));
        double last = r.metrics().get("test_neg_elbo");
        assertTrue(last < first - 5, "test -ELBO should fall: epoch 1 " + first + ", epoch 3 " + last);
        assertTrue(last < 400, "a VAE on MNIST should be well below the 543 nats of a uniform model, found " + last);
        for (String f : List.of("vae.zip", "samples.png", "reconstructions.png", "interpolation.png", "latent-manifold.png",
                "latent-scatter.png", "history.png", "report.md", "result.json")) {
            assertTrue(Files.size(r.runDir().resolve(f)) > 0, f);
        }
        BufferedImage samples = ImageIO.read(r.runDir().resolve("samples.png").toFile());
        assertEquals(4 * 28 * 2, samples.getWidth());
        assertEquals(4 * 28 * 2, samples.getHeight());
        BufferedImage rec = ImageIO.read(r.runDir().resolve("reconstructions.png").toFile());
        assertEquals(8 * 28 * 2, rec.getWidth());
        assertEquals(4 * 28 * 2, rec.getHeight());

        // The saved model samples reproducibly, and a grid of n has ceil(sqrt(n)) columns.
        VaeSampler sampler = VaeSampler.load(r.runDir());
        Path grid = sampler.sampleGrid(10, 3, 0.8, out.resolve("grid.png"));
        BufferedImage g = ImageIO.read(grid.toFile());
        assertEquals(4 * 28 * 2, g.getWidth());
        assertEquals(3 * 28 * 2, g.getHeight());
        assertEquals(sampler.sample(5, 9, 1.0), VaeSampler.load(r.runDir().resolve("vae.zip")).sample(5, 9, 1.0));
    }

    @Test
    void resumedRunMatchesUninterruptedRun(@TempDir Path out) {
        RunResult straight = Experiments.run(config("", 2, 128), new RunOptions(out.resolve("a"), null, TrainingListener.NONE));

        TrainingListener crashInEpoch2 = new TrainingListener() {
            @Override
            public void onEpochStart(int epoch, int totalEpochs, int batches) {
                if (epoch == 2) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };
        assertThrows(IllegalStateException.class, () -> Experiments.run(config("", 2, 128), new RunOptions(out.resolve("b"), null, crashInEpoch2)));
        Path runDir;
        try (var dirs = Files.list(out.resolve("b"))) {
            runDir = dirs.findFirst().orElseThrow();
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
        assertTrue(Files.exists(runDir.resolve("checkpoints/state.json")));
        assertTrue(Files.exists(runDir.resolve("checkpoints/vae-epoch-1.zip")));
        RunResult resumed = Experiments.run(config("", 2, 128), new RunOptions(null, runDir, TrainingListener.NONE));
        assertEquals(2.0, resumed.metrics().get("epochs"));
        assertEquals(straight.metrics().get("test_neg_elbo"), resumed.metrics().get("test_neg_elbo"), 1e-3);
    }

    @Test
    void nanLossStopsWithAdvice() {
        float[] pixels = new float[64 * 784];
        pixels[5] = Float.NaN;
        int[] labels = new int[64];
        LabeledData bad = new LabeledData(pixels, labels, List.of("a"), 1, 28, 28);
        VaeModel model = VaeModel.build(VaeModelTest.spec("dense", 1, 28, 28, 2, "bernoulli"), 1);
        TrainingConfig t = new TrainingConfig(2, 32, "adam", 0.001, 0, false, 0, TrainingConfig.DEFAULTS.earlyStopping(), 0, "fused");
        List<Integer> saved = new ArrayList<>();
        EaselException e = assertThrows(EaselException.class, () -> new VaeTrainer(t, VaeConfig.DEFAULTS, 1, TrainingListener.NONE)
                .fit(model, bad, bad, VaeState.fresh(), s -> saved.add(s.epochsDone())));
        assertTrue(e.getMessage().contains("epoch 1, batch 1") && e.getMessage().contains("training.learning_rate"), e.getMessage());
        assertTrue(saved.isEmpty(), "nothing is checkpointed after a NaN");
    }

    @Test
    void imageFolderOfMixedSizesTrainsInColour(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("images");
        Random r = new Random(1);
        int[][] sizes = {{30, 20}, {64, 50}, {17, 33}, {40, 40}, {25, 60}, {48, 32}};
        for (String cls : List.of("red", "blue")) {
            Files.createDirectories(root.resolve(cls));
            for (int i = 0; i < sizes.length; i++) {
                BufferedImage img = new BufferedImage(sizes[i][0], sizes[i][1], BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int v = r.nextInt(80);
                        img.setRGB(x, y, cls.equals("red") ? (200 + v / 2) << 16 | v << 8 | v : v << 16 | v << 8 | (200 + v / 2));
                    }
                }
                ImageIO.write(img, "png", root.resolve(cls).resolve(i + ".png").toFile());
            }
        }
        String yaml = """
                name: vae-folder
                seed: 3
                task: vae
                data: {dataset: image-folder, path: '%s', image_size: [16, 16], channels: 3, test_fraction: 0.25}
                training: {epochs: 2, batch_size: 4}
                vae: {architecture: conv, latent_dim: 4, filters: [8, 16], hidden: [16], samples: 16}
                """.formatted(root.toString().replace("'", "''"));
        RunResult result = Experiments.run(ConfigLoader.parse(yaml, "f.yaml", List.of()), new RunOptions(dir.resolve("out"), null, TrainingListener.NONE));
        assertTrue(Double.isFinite(result.metrics().get("test_neg_elbo")));
        BufferedImage samples = ImageIO.read(result.runDir().resolve("samples.png").toFile());
        assertEquals(4 * 16 * 2, samples.getWidth());
        assertTrue(Files.exists(result.runDir().resolve("interpolation.png")));
        assertTrue(Files.notExists(result.runDir().resolve("latent-manifold.png")), "only 2-D latents get a manifold");

        String bad = yaml.replace("image_size: [16, 16]", "image_size: [18, 18]");
        EaselException e = assertThrows(EaselException.class, () -> Experiments.run(ConfigLoader.parse(bad, "f.yaml", List.of()),
                new RunOptions(dir.resolve("out2"), null, TrainingListener.NONE)));
        assertTrue(e.getMessage().contains("data.image_size") && e.getMessage().contains("multiples of 4"), e.getMessage());
    }
}
