package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Imported models reproduce Keras' own predictions (model.predict) on the reference inputs within 1e-4. */
@Timeout(120)
class ParityTest {
    static final double TOLERANCE = 1e-4;

    private static double compare(ImportedModel m) {
        System.out.printf("parity %-55s max |DL4J - Keras| = %.3g%n", Path.of(m.report().modelFile() == null
                ? m.report().architectureFile() : m.report().modelFile()).getFileName(), m.report().maxAbsDiff());
        assertNotNull(m.report().maxAbsDiff());
        assertTrue(m.report().maxAbsDiff() <= TOLERANCE, "max abs diff " + m.report().maxAbsDiff());
        return m.report().maxAbsDiff();
    }

    @Test
    void mnistMlpWeightsPlusArchitectureJson() {
        ImportedModel m = KerasImporter.builder()
                .architecture(Fixtures.file("mnist_mlp_tf_keras_2_config.json"))
                .compareWith(Fixtures.file("mnist_mlp_tf_keras_2_inputs_and_outputs.h5"))
                .build().importModel(Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"));
        compare(m);
        assertEquals(669_706, m.report().totalParams());
        assertEquals("2.0.6", m.report().kerasVersion());
        // The reference predictions agree with the one-hot targets on 95 of 100 images (MANIFEST.md).
        ReferenceData ref = ReferenceData.read(Fixtures.file("mnist_mlp_tf_keras_2_inputs_and_outputs.h5"));
        INDArray predicted = m.output(ref.inputs().get(0))[0].argMax(1);
        INDArray keras = ref.predictions().get(0).argMax(1);
        assertEquals(predicted, keras);
    }

    @Test
    void jsonPathWithWeightsOptionIsTheSameImport() {
        ImportedModel m = KerasImporter.builder()
                .weights(Fixtures.file("mnist_mlp_tf_keras_2_weights.h5"))
                .compareWith(Fixtures.file("mnist_mlp_tf_keras_2_inputs_and_outputs.h5"))
                .build().importModel(Fixtures.file("mnist_mlp_tf_keras_2_config.json"));
        compare(m);
    }

    @Test
    void sparseCrossentropyMlp() {
        ImportedModel m = KerasImporter.builder()
                .compareWith(Fixtures.file("simple_sparse_xent_mlp_keras_2_inputs_and_outputs.h5"))
                .build().importModel(Fixtures.file("simple_sparse_xent_mlp_keras_2_model.h5"));
        compare(m);
        assertEquals(15, m.report().totalParams());
    }

    @Test
    void lstmKeras1() {
        ImportedModel m = KerasImporter.builder()
                .compareWith(Fixtures.file("simple_lstm_tf_keras_1_inputs_and_outputs.h5"))
                .build().importModel(Fixtures.file("simple_lstm_tf_keras_1_model.h5"));
        compare(m);
        assertTrue(m.report().kerasVersion().startsWith("1."));
        assertTrue(m.report().warnings().stream().anyMatch(w -> w.contains("orthogonal")), m.report().warnings().toString());
    }

    @Test
    void lstmKeras2() {
        ImportedModel m = KerasImporter.builder()
                .compareWith(Fixtures.file("simple_flatten_lstm_tf_keras_2_inputs_and_outputs.h5"))
                .build().importModel(Fixtures.file("simple_flatten_lstm_tf_keras_2_model.h5"));
        compare(m);
    }

    /** NHWC images straight from NumPy give Keras' predictions: no layout conversion needed by callers. */
    @Test
    void cnnWithBatchNormOnNhwcImages() {
        ImportedModel m = KerasImporter.builder().build().importModel(Fixtures.file("cnn_batch_norm.h5"));
        INDArray input = NpyReader.read(Fixtures.file("cnn_batch_norm_input.npy"));
        INDArray expected = NpyReader.read(Fixtures.file("cnn_batch_norm_predictions.npy"));
        assertArrayEquals(new long[] {5, 10, 10, 3}, input.shape());
        assertArrayEquals(new long[] {5, 1}, expected.shape());
        // MANIFEST.md values, to prove the .npy reader itself.
        assertArrayEquals(new float[] {-0.0520611f, 0.04986075f, 0.16297522f, 0.15389983f, 0.15537278f},
                expected.data().asFloat(), 1e-7f);
        INDArray out = m.output(input)[0];
        double diff = Transforms.abs(out.castTo(expected.dataType()).sub(expected), false).maxNumber().doubleValue();
        System.out.printf("parity %-55s max |DL4J - Keras| = %.3g%n", "cnn_batch_norm.h5", diff);
        assertTrue(diff <= TOLERANCE, "max abs diff " + diff);
        assertEquals(m.inputShapes().get(0), java.util.List.of(10L, 10L, 3L));
    }
}
