package org.easel.core.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelStore;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.easel.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image-folder experiment end to end, then `predict` on new files with the saved model. */
class PredictorTest {
    /** Bright images with a horizontal bar vs a vertical bar, with noise: learnable, not trivial. */
    static void bars(Path file, boolean horizontal, Random random) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(random.nextInt(80), random.nextInt(80), random.nextInt(80)));
        g.fillRect(0, 0, 24, 24);
        g.setColor(new Color(200 + random.nextInt(55), 200 + random.nextInt(55), 200 + random.nextInt(55)));
        int pos = 4 + random.nextInt(14);
        if (horizontal) {
            g.fillRect(0, pos, 24, 5);
        } else {
            g.fillRect(pos, 0, 5, 24);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    @Test
    void trainsOnAnImageFolderAndLabelsNewImages(@TempDir Path dir) throws IOException {
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            bars(dir.resolve("data/horizontal/h" + i + ".png"), true, random);
            bars(dir.resolve("data/vertical/v" + i + ".png"), false, random);
        }
        String yaml = """
                name: bars
                data: {dataset: image-folder, path: %s, image_size: [16, 16], channels: 1, test_fraction: 0.25}
                model:
                  layers:
                    - {type: dense, units: 64, activation: relu}
                    - {type: dense, units: 2, activation: softmax}
                training: {epochs: 15, batch_size: 16, optimizer: adam, learning_rate: 0.003, validation_split: 0.1}
                output: {dir: %s}
                """.formatted(dir.resolve("data"), dir.resolve("out"));
        ExperimentConfig cfg = ConfigLoader.parse(yaml, "bars.yaml", List.of());
        RunResult r = Experiments.run(cfg, RunOptions.defaults());
        assertTrue(r.test().accuracy() >= 0.9, "test accuracy " + r.test().accuracy());

        Path fresh = dir.resolve("fresh");
        bars(fresh.resolve("a-horizontal.png"), true, random);
        bars(fresh.resolve("b-vertical.png"), false, random);
        Files.writeString(fresh.resolve("c-broken.jpg"), "not an image");
        Predictor.Results p = new Predictor(ModelStore.load(r.runDir().resolve("model.zip"), false)).predict(fresh);
        assertEquals(2, p.predictions().size());
        assertEquals(1, p.skipped().size());
        assertEquals("horizontal", p.predictions().get(0).label());
        assertEquals("vertical", p.predictions().get(1).label());
        String csv = Predictor.csv(p.predictions());
        assertTrue(csv.startsWith("file,class,probability\n") && csv.lines().count() == 3, csv);
    }

    @Test
    void missingInputIsAClearError(@TempDir Path dir) {
        EaselException e = assertThrows(EaselException.class, () -> ModelStore.load(dir.resolve("nope.zip"), false));
        assertTrue(e.getMessage().contains("Model file not found"), e.getMessage());
    }
}
