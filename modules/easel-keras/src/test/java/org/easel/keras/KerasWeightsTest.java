package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Weights-only files as Map<layer, Map<weight, array>>: what the transfer-learning module loads SqueezeNet with. */
class KerasWeightsTest {
    @Test
    void squeezeNetImagenetWeights() throws Exception {
        var path = Fixtures.file("squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5");
        Map<String, Map<String, INDArray>> w = KerasWeights.read(path);
        assertEquals(25, w.size(), "conv1 + 8 fire modules x (squeeze1x1, expand1x1, expand3x3)");
        assertArrayEquals(new long[] {3, 3, 3, 64}, w.get("conv1").get("kernel").shape());
        assertArrayEquals(new long[] {64}, w.get("conv1").get("bias").shape());
        assertArrayEquals(new long[] {1, 1, 64, 16}, w.get("fire2/squeeze1x1").get("kernel").shape());
        assertArrayEquals(new long[] {3, 3, 16, 64}, w.get("fire2/expand3x3").get("kernel").shape());
        assertArrayEquals(new long[] {1, 1, 512, 64}, w.get("fire9/squeeze1x1").get("kernel").shape());
        long total = w.values().stream().flatMap(m -> m.values().stream()).mapToLong(INDArray::length).sum();
        assertEquals(722_496, total, "parameter count from MANIFEST.md");
        // Same numbers as DL4J's own HDF5 reader returns for the same dataset.
        try (Hdf5Archive a = new Hdf5Archive(path.toString())) {
            INDArray dl4j = a.readDataSet("kernel:0", "fire2", "expand3x3", "fire2", "expand3x3_3");
            assertEquals(dl4j.castTo(w.get("fire2/expand3x3").get("kernel").dataType()), w.get("fire2/expand3x3").get("kernel"));
        }
        assertTrue(w.get("conv1").get("kernel").std(true).getDouble(0) > 0.01, "trained weights are not constant");
    }

    @Test
    void fullModelFilesWorkToo() {
        Map<String, Map<String, INDArray>> w = KerasWeights.read(Fixtures.file("cnn_batch_norm.h5"));
        assertEquals(java.util.Set.of("conv2d_1", "batch_normalization_1", "conv2d_2", "dense_1"), w.keySet());
        assertEquals(java.util.Set.of("gamma", "beta", "moving_mean", "moving_variance"), w.get("batch_normalization_1").keySet());
    }
}
