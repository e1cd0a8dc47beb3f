package org.easel.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code easel run --config ...} with task: style, through the core's Experiments entry point. */
class StyleTaskRunnerTest {
    @TempDir
    Path dir;

    @Test
    void taskStyleIsRegisteredAndFillsTheRunFolder() throws Exception {
        assertTrue(Experiments.tasks().containsKey("style"));
        Path content = TestImages.content(dir, 60, 40, BufferedImage.TYPE_INT_RGB);
        Path style = TestImages.style(dir, 40, 40);
        String yaml = """
                name: tiny-style
                seed: 5
                task: style
                output: {dir: %s}
                style:
                  content: %s
                  style: [%s]
                  size: 48
                  iterations: 8
                  scales: 1
                  frame_every: 4
                  backbone: squeezenet
                  weights: random
                  content_layer: fire2
                  style_layers: [conv1, fire2]
                """.formatted(dir.resolve("outputs"), content, style);
        ExperimentConfig c = ConfigLoader.parse(yaml, "tiny.yaml", List.of());
        RunResult r = Experiments.run(c, RunOptions.defaults());
        for (String f : List.of("result.png", "loss.png", "panel.png", "report.md", "config.resolved.yaml", "frames/iter-0004.png")) {
            assertTrue(Files.isRegularFile(r.runDir().resolve(f)), f + " missing in " + r.runDir());
        }
        assertTrue(r.metrics().get("loss_final") < r.metrics().get("loss_initial"), r.metrics().toString());
        assertEquals(8.0, r.metrics().get("iterations"), 1e-9);
        assertTrue(r.headline().contains("Stylized"), r.headline());
    }
}
