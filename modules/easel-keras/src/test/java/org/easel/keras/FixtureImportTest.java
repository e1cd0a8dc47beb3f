package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Fixtures without reference outputs: the import succeeds, output shapes are Keras', and imported
 * weights equal the values stored in the .h5 (read independently by {@link KerasWeights}).
 */
@Timeout(120)
class FixtureImportTest {

    private static ImportedModel load(String name) {
        return KerasImporter.builder().build().importModel(Fixtures.file(name));
    }

    private static long[] outputShape(ImportedModel m, long batch) {
        List<Long> in = m.inputShapes().get(0);
        long[] shape = new long[in.size() + 1];
        shape[0] = batch;
        for (int i = 0; i < in.size(); i++) {
            shape[i + 1] = in.get(i);
        }
        INDArray out = m.output(Nd4j.rand(shape))[0];
        return out.shape();
    }

    /** Dense: DL4J W is Keras' kernel [in, out]; b is bias. */
    private static void assertDenseWeights(ImportedModel m, String h5, String layer) {
        Map<String, INDArray> keras = KerasWeights.read(Fixtures.file(h5)).get(layer);
        Layer l = m.isSequential() ? m.multiLayerNetwork().getLayer(layer) : m.computationGraph().getLayer(layer);
        assertEquals(keras.get("kernel"), l.getParam("W").castTo(keras.get("kernel").dataType()), layer + " kernel");
        assertEquals(keras.get("bias").reshape(1, -1), l.getParam("b").reshape(1, -1), layer + " bias");
    }

    /** Conv2D: DL4J W is [out, in, kh, kw]; Keras' kernel is [kh, kw, in, out]. */
    private static void assertConvWeights(ImportedModel m, String h5, String layer) {
        INDArray kernel = KerasWeights.read(Fixtures.file(h5)).get(layer).get("kernel");
        INDArray w = m.isSequential() ? m.multiLayerNetwork().getLayer(layer).getParam("W") : m.computationGraph().getLayer(layer).getParam("W");
        assertEquals(kernel.permute(3, 2, 0, 1), w, layer + " kernel");
    }

    @Test
    void dcganDiscriminatorKeras2Cnn() {
        ImportedModel m = load("dcgan_discriminator.h5");
        assertEquals(392_705, m.report().totalParams());
        assertEquals(List.of(28L, 28L, 1L), m.inputShapes().get(0));
        assertArrayEquals(new long[] {3, 1}, outputShape(m, 3));
        assertConvWeights(m, "dcgan_discriminator.h5", "conv2d_1");
        assertDenseWeights(m, "dcgan_discriminator.h5", "dense_1");
    }

    /** Functional model with Add merges, SeparableConv2D, BatchNormalization and GlobalAveragePooling2D, written here. */
    @Test
    void miniXceptionFunctionalWithAddMerges(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) {
        java.nio.file.Path file = tmp.resolve("mini_xception.h5");
        KerasSamples.miniXception(file, 48, 3);
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        assertEquals("ComputationGraph", m.report().networkType());
        assertEquals(2, m.report().layers().stream().filter(l -> l.kerasClass().equals("Add")).count());
        assertEquals(4, m.report().layers().stream().filter(l -> l.kerasClass().equals("SeparableConv2D")).count());
        INDArray out = m.output(Nd4j.rand(2, 48, 48, 1))[0];
        assertArrayEquals(new long[] {2, 7}, out.shape());
        assertEquals(2.0, out.sumNumber().doubleValue(), 1e-4, "softmax rows sum to 1");
        Map<String, INDArray> bn = KerasWeights.read(file).get("batch_normalization_3");
        INDArray mean = m.computationGraph().getLayer("batch_normalization_3").getParam("mean");
        assertEquals(bn.get("moving_mean").reshape(1, -1), mean.reshape(1, -1), "BatchNormalization moving mean");
        INDArray pw = m.computationGraph().getLayer("separable_conv2d_2").getParam("pW");
        assertEquals(KerasWeights.read(file).get("separable_conv2d_2").get("pointwise_kernel").permute(3, 2, 0, 1), pw);
        assertEquals(List.of(-1L, 12L, 12L, 24L), m.report().outputShapes().get("add_2"));
    }

    @Test
    void rKerasFruitModel() {
        ImportedModel m = load("rkeras_fruit_model_rgb12.h5");
        assertEquals("2.2.4", m.report().kerasVersion());
        assertEquals(133_726, m.report().totalParams());
        assertArrayEquals(new long[] {4, 82}, outputShape(m, 4));
        assertConvWeights(m, "rkeras_fruit_model_rgb12.h5", "conv2d_17");
        assertDenseWeights(m, "rkeras_fruit_model_rgb12.h5", "dense_18");
    }

    @Test
    void keras1SimpleCnn() {
        ImportedModel m = load("keras1_simple_cnn_tf_model.h5");
        assertTrue(m.report().kerasVersion().startsWith("1."));
        assertEquals(64, m.report().totalParams());
        assertArrayEquals(new long[] {2, 3}, outputShape(m, 2));
        // Keras 1 names weights <layer>_W / <layer>_b; the dense layers hold them as [in, out] like Keras 2.
        Map<String, INDArray> keras = KerasWeights.read(Fixtures.file("keras1_simple_cnn_tf_model.h5")).get("dense_2");
        INDArray w = m.multiLayerNetwork().getLayer("dense_2").getParam("W");
        assertEquals(keras.get("dense_2_W"), w);
    }

    @Test
    void tfKerasWithLossObject() {
        ImportedModel m = load("tfkeras_some_loss.h5");
        assertEquals("2.4.0", m.report().kerasVersion());
        assertArrayEquals(new long[] {3, 10}, outputShape(m, 3));
        assertTrue(m.report().warnings().stream().anyMatch(w -> w.contains("SparseCategoricalCrossentropy")));
        assertDenseWeights(m, "tfkeras_some_loss.h5", "dense");
    }

    @Test
    void keras3LegacyH5IsTranslated() {
        ImportedModel m = load("keras3_mlp_model.h5");
        assertEquals("3.8.0", m.report().kerasVersion());
        assertEquals(50_890, m.report().totalParams());
        INDArray out = m.output(Nd4j.rand(5, 784))[0];
        assertArrayEquals(new long[] {5, 10}, out.shape());
        assertDenseWeights(m, "keras3_mlp_model.h5", "hidden_layer");
        assertDenseWeights(m, "keras3_mlp_model.h5", "output_layer");
        // Same numbers as a hand-computed forward pass from the raw h5 weights.
        Map<String, Map<String, INDArray>> w = KerasWeights.read(Fixtures.file("keras3_mlp_model.h5"));
        INDArray x = Nd4j.rand(3, 784);
        INDArray h = org.nd4j.linalg.ops.transforms.Transforms.relu(x.mmul(w.get("hidden_layer").get("kernel"))
                .addRowVector(w.get("hidden_layer").get("bias")));
        INDArray expected = org.nd4j.linalg.ops.transforms.Transforms.softmax(h.mmul(w.get("output_layer").get("kernel"))
                .addRowVector(w.get("output_layer").get("bias")));
        INDArray got = m.output(x)[0];
        assertTrue(got.equalsWithEps(expected, 1e-5), "DL4J output equals NumPy-style forward pass");
    }
}
