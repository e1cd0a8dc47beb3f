package org.easel.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
    private static ExperimentConfig shipped(String name) {
        return ConfigLoader.load(Path.of(System.getProperty("user.dir")).resolve("../../configs/" + name).normalize(), List.of());
    }

    @Test
    void seedMlpHasKerasParameterCountAndShapes() {
        ModelSummary s = Models.summaryOfConfig(shipped("mnist-mlp.yaml"));
        assertEquals(235_146, s.total());
        assertEquals(235_146, s.trainable());
        assertEquals(0, s.nonTrainable());
        assertEquals(List.of("(None, 256)", "(None, 256)", "(None, 128)", "(None, 128)", "(None, 10)"),
                s.rows().stream().map(ModelSummary.Row::outputShape).toList());
        String table = s.format();
        assertTrue(table.contains("Total params: 235,146"), table);
        assertTrue(table.contains("dense_1 (DenseLayer)") && table.contains("200,960"), table);
    }

    @Test
    void cnnShapesComeFromARealForwardPass() {
        ModelSummary s = Models.summaryOfConfig(shipped("fashion-cnn.yaml"));
        assertEquals("(None, 32, 28, 28)", s.rows().get(0).outputShape());
        assertEquals("(None, 64, 7, 7)", s.rows().get(3).outputShape());
        assertEquals("(None, 10)", s.rows().get(s.rows().size() - 1).outputShape());
    }
}
