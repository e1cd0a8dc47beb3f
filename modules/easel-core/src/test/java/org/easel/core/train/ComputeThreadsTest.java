package org.easel.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.model.ModelFactory;
import org.easel.core.model.Models;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ComputeThreadsTest {
    private static MultiLayerNetwork shipped(String name) {
        ExperimentConfig cfg = ConfigLoader.load(Path.of(System.getProperty("user.dir")).resolve("../../configs/" + name).normalize(), List.of());
        int[] in = Models.inputShape(cfg.data());
        return ModelFactory.build(cfg.model(), cfg.training(), cfg.seed(), in[0], in[1], in[2], 10);
    }

    @Test
    void autoUsesOneThreadForDenseNetworksAndAllCoresForConvolutions() {
        assertEquals(1, ComputeThreads.choose(0, shipped("mnist-mlp.yaml")));
        assertEquals(Runtime.getRuntime().availableProcessors(), ComputeThreads.choose(0, shipped("fashion-cnn.yaml")));
    }

    @Test
    void anExplicitCountWins() {
        assertEquals(3, ComputeThreads.choose(3, shipped("mnist-mlp.yaml")));
    }

    @Test
    void applyChangesTheBlasThreadCount() {
        int before = Nd4j.factory().blas().getMaxThreads();
        try {
            ComputeThreads.apply(1);
            assertEquals(1, Nd4j.factory().blas().getMaxThreads());
        } finally {
            ComputeThreads.apply(before);
        }
    }
}
