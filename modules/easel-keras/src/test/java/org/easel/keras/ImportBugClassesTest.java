package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One test per class of import bug found on real files (issue 16), each on a small file the test writes
 * itself ({@link KerasModelWriter}) and checked against a forward pass computed here with plain ND4J
 * array maths (matrix products, permutes), not with DL4J layers.
 */
@Timeout(120)
class ImportBugClassesTest {
    @TempDir
    Path tmp;

    private final Random random = new Random(7);

    private INDArray rand(long... shape) {
        return TestArrays.gaussian(random, shape);
    }

    static String dense(String name, int units, String inbound) {
        return "{\"name\": \"" + name + "\", \"class_name\": \"Dense\", \"config\": {\"name\": \"" + name + "\", \"trainable\": true,"
                + " \"units\": " + units + ", \"activation\": \"linear\", \"use_bias\": true,"
                + " \"kernel_initializer\": {\"class_name\": \"VarianceScaling\", \"config\": {\"scale\": 1.0, \"mode\": \"fan_avg\","
                + " \"distribution\": \"uniform\", \"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}},"
                + " \"kernel_regularizer\": null, \"bias_regularizer\": null, \"activity_regularizer\": null,"
                + " \"kernel_constraint\": null, \"bias_constraint\": null}"
                + (inbound == null ? "" : ", \"inbound_nodes\": [[[\"" + inbound + "\", 0, 0, {}]]]") + "}";
    }

    static Map<String, INDArray> kb(INDArray kernel, INDArray bias) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        m.put("kernel", kernel);
        m.put("bias", bias);
        return m;
    }

    private static double maxDiff(INDArray a, INDArray b) {
        return a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE).reshape(a.shape())).amaxNumber().doubleValue();
    }

    @Test
    void preluKeepsItsTrainedAlphas() {
        String config = "{\"class_name\": \"Model\", \"config\": {\"name\": \"m\", \"layers\": ["
                + "{\"name\": \"in\", \"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 3], \"dtype\": \"float32\","
                + " \"sparse\": false, \"name\": \"in\"}, \"inbound_nodes\": []}, "
                + dense("d1", 4, "in") + ", "
                + "{\"name\": \"p_re_lu_1\", \"class_name\": \"PReLU\", \"config\": {\"name\": \"p_re_lu_1\", \"trainable\": true, \"alpha_initializer\":"
                + " {\"class_name\": \"Zeros\", \"config\": {}}, \"alpha_regularizer\": null, \"alpha_constraint\": null, \"shared_axes\": null},"
                + " \"inbound_nodes\": [[[\"d1\", 0, 0, {}]]]}, "
                + dense("d2", 2, "p_re_lu_1")
                + "], \"input_layers\": [[\"in\", 0, 0]], \"output_layers\": [[\"d2\", 0, 0]]}}";
        INDArray w1 = rand(3, 4);
        INDArray b1 = rand(4);
        INDArray alpha = Nd4j.create(new float[] {0.25f, -0.5f, 1.5f, 0.1f}, new long[] {4});
        INDArray w2 = rand(4, 2);
        INDArray b2 = rand(2);
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        weights.put("d1", kb(w1, b1));
        weights.put("p_re_lu_1", Map.of("alpha", alpha));
        weights.put("d2", kb(w2, b2));
        Path file = tmp.resolve("prelu.h5");
        KerasModelWriter.writeH5(file, config, "2.2.4", weights);

        ImportedModel m = KerasImporter.builder().build().importModel(file);
        INDArray x = rand(5, 3);
        INDArray h = x.mmul(w1).addRowVector(b1);
        INDArray neg = h.lt(0).castTo(DataType.FLOAT);
        INDArray prelu = h.mul(neg.mul(alpha.reshape(1, 4)).add(neg.rsub(1)));
        INDArray expected = prelu.mmul(w2).addRowVector(b2);
        assertTrue(maxDiff(m.output(x)[0], expected) < 1e-5, "PReLU output differs from alpha * x for x < 0");
        assertEquals(alpha, m.computationGraph().getLayer("p_re_lu_1").getParam("W").reshape(4).castTo(DataType.FLOAT));
        assertTrue(m.report().warnings().stream().anyMatch(w -> w.contains("PReLU alphas")), m.report().warnings().toString());
    }

    /** Every order of three axes, on NHWC image input, and (2, 1) on a sequence, then Flatten and Dense. */
    @Test
    void permuteGivesKerasAxisOrderForEveryPermutation() {
        int[][] orders = {{1, 2, 3}, {1, 3, 2}, {2, 1, 3}, {2, 3, 1}, {3, 1, 2}, {3, 2, 1}};
        for (int[] dims : orders) {
            checkPermute(new long[] {2, 3, 4}, dims);
        }
        checkPermute(new long[] {3, 4}, new int[] {2, 1});
    }

    private void checkPermute(long[] inShape, int[] dims) {
        long flat = 1;
        for (long d : inShape) {
            flat *= d;
        }
        String dimsJson = java.util.Arrays.toString(dims);
        String shapeJson = java.util.Arrays.toString(inShape).replace("[", "[null, ");
        String config = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
                + "{\"class_name\": \"Permute\", \"config\": {\"name\": \"perm\", \"trainable\": true, \"batch_input_shape\": " + shapeJson
                + ", \"dtype\": \"float32\", \"dims\": " + dimsJson + "}}, "
                + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flat\", \"trainable\": true, \"data_format\": \"channels_last\"}}, "
                + dense("out", 5, null) + "]}}";
        INDArray w = rand(flat, 5);
        INDArray b = rand(5);
        Path file = tmp.resolve("permute" + String.join("", java.util.Arrays.stream(dims).mapToObj(Integer::toString).toList()) + inShape.length + ".h5");
        KerasModelWriter.writeH5(file, config, "2.2.4", Map.of("out", kb(w, b)));
        ImportedModel m = KerasImporter.builder().build().importModel(file);

        long[] xShape = new long[inShape.length + 1];
        xShape[0] = 3;
        System.arraycopy(inShape, 0, xShape, 1, inShape.length);
        INDArray x = rand(xShape);
        int[] order = new int[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            order[i + 1] = dims[i];
        }
        INDArray expected = x.permute(order).dup('c').reshape(3, flat).mmul(w).addRowVector(b);
        double d = maxDiff(m.output(x)[0], expected);
        assertTrue(d < 1e-5, "Permute" + dimsJson + " on " + java.util.Arrays.toString(inShape) + ": max diff " + d);
        assertEquals(List.of(-1L, flat), m.report().outputShapes().get("flat"), "summary shape of Flatten from the forward pass");
    }

    /**
     * Keras 1: Convolution2D (dim_ordering th and tf) -> Flatten -> Dense; Flatten follows the data layout.
     * "th" kernels are taken as Theano's (the backend th ordering came with), as DL4J does.
     */
    @Test
    void keras1ConvThenFlattenInBothDimOrderings() {
        for (String ordering : List.of("tf", "th")) {
            boolean th = ordering.equals("th");
            String shape = th ? "[null, 3, 4, 4]" : "[null, 4, 4, 3]";
            String config = "{\"class_name\": \"Sequential\", \"config\": ["
                    + "{\"class_name\": \"Convolution2D\", \"config\": {\"name\": \"conv\", \"trainable\": true, \"nb_filter\": 2,"
                    + " \"nb_row\": 2, \"nb_col\": 2, \"init\": \"glorot_uniform\", \"activation\": \"linear\", \"border_mode\": \"valid\","
                    + " \"subsample\": [1, 1], \"dim_ordering\": \"" + ordering + "\", \"W_regularizer\": null, \"b_regularizer\": null,"
                    + " \"activity_regularizer\": null, \"W_constraint\": null, \"b_constraint\": null, \"bias\": true,"
                    + " \"batch_input_shape\": " + shape + ", \"input_dtype\": \"float32\"}}, "
                    + "{\"class_name\": \"Flatten\", \"config\": {\"name\": \"flat\", \"trainable\": true}}, "
                    + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"out\", \"trainable\": true, \"output_dim\": 3,"
                    + " \"init\": \"glorot_uniform\", \"activation\": \"linear\", \"W_regularizer\": null, \"b_regularizer\": null,"
                    + " \"activity_regularizer\": null, \"W_constraint\": null, \"b_constraint\": null, \"bias\": true, \"input_dim\": null}}]}";
            INDArray kernelTf = rand(2, 2, 3, 2); // [kh, kw, in, out]
            INDArray convBias = rand(2);
            INDArray dw = rand(18, 3);
            INDArray db = rand(3);
            Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
            Map<String, INDArray> conv = new LinkedHashMap<>();
            // th: Theano's layout [out, in, kh, kw], applied as a true convolution, so stored spatially flipped.
            conv.put("W", th ? WeightValues.flipSpatial(kernelTf.permute(3, 2, 0, 1).dup('c')) : kernelTf);
            conv.put("b", convBias);
            weights.put("conv", conv);
            Map<String, INDArray> out = new LinkedHashMap<>();
            out.put("W", dw);
            out.put("b", db);
            weights.put("out", out);
            Path file = tmp.resolve("keras1_" + ordering + ".h5");
            KerasModelWriter.writeH5(file, config, "1.2.2", weights);
            ImportedModel m = KerasImporter.builder().build().importModel(file);

            INDArray xNhwc = rand(2, 4, 4, 3);
            INDArray conv1 = Nd4j.zeros(DataType.FLOAT, 2, 3, 3, 2); // NHWC output
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int a = 0; a < 2; a++) {
                        for (int c = 0; c < 2; c++) {
                            INDArray patch = xNhwc.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(i + a),
                                    org.nd4j.linalg.indexing.NDArrayIndex.point(j + c), org.nd4j.linalg.indexing.NDArrayIndex.all()); // [b, in]
                            INDArray k = kernelTf.get(org.nd4j.linalg.indexing.NDArrayIndex.point(a), org.nd4j.linalg.indexing.NDArrayIndex.point(c),
                                    org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.all()); // [in, out]
                            INDArray cur = conv1.get(org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.point(i),
                                    org.nd4j.linalg.indexing.NDArrayIndex.point(j), org.nd4j.linalg.indexing.NDArrayIndex.all());
                            cur.addi(patch.mmul(k));
                        }
                    }
                }
            }
            conv1.addi(convBias.reshape(1, 1, 1, 2));
            // Keras flattens the data in its own layout: NHWC for tf, NCHW for th.
            INDArray flat = (th ? conv1.permute(0, 3, 1, 2) : conv1).dup('c').reshape(2, 18);
            INDArray expected = flat.mmul(dw).addRowVector(db);
            INDArray x = th ? xNhwc.permute(0, 3, 1, 2).dup('c') : xNhwc;
            double d = maxDiff(m.output(x)[0], expected);
            assertTrue(d < 1e-5, "Keras 1 " + ordering + ": max diff " + d);
        }
    }

    private static String keras3Mlp() {
        String dt = "{\"module\": \"keras\", \"class_name\": \"DTypePolicy\", \"config\": {\"name\": \"float32\"}, \"registered_name\": null}";
        String init = "{\"module\": \"keras.initializers\", \"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}, \"registered_name\": null}";
        String zeros = "{\"module\": \"keras.initializers\", \"class_name\": \"Zeros\", \"config\": {}, \"registered_name\": null}";
        String d = ", \"trainable\": true, \"dtype\": " + dt + ", \"activation\": \"relu\", \"use_bias\": true, \"kernel_initializer\": " + init
                + ", \"bias_initializer\": " + zeros + ", \"kernel_regularizer\": null, \"bias_regularizer\": null, \"kernel_constraint\": null,"
                + " \"bias_constraint\": null}";
        return "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential\", \"trainable\": true, \"dtype\": " + dt
                + ", \"layers\": [{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": {\"batch_shape\": [null, 6],"
                + " \"dtype\": \"float32\", \"sparse\": false, \"name\": \"input_layer\"}, \"registered_name\": null},"
                + " {\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \"hidden\", \"units\": 5" + d
                + ", \"registered_name\": null, \"build_config\": {\"input_shape\": [null, 6]}},"
                + " {\"module\": \"keras.layers\", \"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 3"
                + d.replace("\"relu\"", "\"softmax\"") + ", \"registered_name\": null, \"build_config\": {\"input_shape\": [null, 5]}}],"
                + " \"build_input_shape\": [null, 6]}, \"registered_name\": null, \"build_config\": {\"input_shape\": [null, 6]}}";
    }

    private INDArray[] mlpWeights() {
        return new INDArray[] {rand(6, 5), rand(5), rand(5, 3), rand(3)};
    }

    private static INDArray mlp(INDArray x, INDArray[] w) {
        INDArray h = org.nd4j.linalg.ops.transforms.Transforms.relu(x.mmul(w[0]).addRowVector(w[1]), true);
        return org.nd4j.linalg.ops.transforms.Transforms.softmax(h.mmul(w[2]).addRowVector(w[3]), true);
    }

    private Map<String, Map<String, INDArray>> mlpMap(INDArray[] w) {
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        weights.put("hidden", kb(w[0], w[1]));
        weights.put("dense", kb(w[2], w[3]));
        return weights;
    }

    /** Keras 3.11+ legacy .h5 nests each layer's weights one group deeper: dense/sequential/dense/kernel. */
    @Test
    void keras311NestedLegacyH5() {
        INDArray[] w = mlpWeights();
        Path file = tmp.resolve("k313.h5");
        KerasModelWriter.writeNestedH5(file, keras3Mlp(), "3.13.2", "sequential", mlpMap(w));
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        INDArray x = rand(4, 6);
        assertTrue(maxDiff(m.output(x)[0], mlp(x, w)) < 1e-5);
        assertEquals("3.13.2", m.report().kerasVersion());
        assertEquals(List.of(-1L, 3L), m.report().outputShapes().get("dense"));
    }

    /** The native .keras zip: config.json, metadata.json, model.weights.h5 with layers/dense[_n]/vars/N (not layer names). */
    @Test
    void kerasArchive() {
        INDArray[] w = mlpWeights();
        Path file = tmp.resolve("mlp.keras");
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("hidden", "Dense");
        classes.put("dense", "Dense");
        KerasModelWriter.writeKerasArchive(file, keras3Mlp(), "3.12.0", classes, mlpMap(w));
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        INDArray x = rand(4, 6);
        assertTrue(maxDiff(m.output(x)[0], mlp(x, w)) < 1e-5);
        assertEquals("3.12.0", m.report().kerasVersion());
        // The isolated reader (child JVM) understands the zip too.
        ImportedModel isolated = KerasImporter.builder().isolated(java.time.Duration.ofSeconds(60)).build().importModel(file);
        assertTrue(maxDiff(isolated.output(x)[0], mlp(x, w)) < 1e-5);
    }

    /** A parameter that no longer equals the file's dataset is an error naming the layer and the weight. */
    @Test
    void valueCheckNamesLayerAndWeight() {
        INDArray[] w = mlpWeights();
        Path file = tmp.resolve("k3.h5");
        KerasModelWriter.writeH5(file, keras3Mlp(), "3.8.0", mlpMap(w));
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        m.multiLayerNetwork().getLayer("hidden").getParam("W").putScalar(0, 0, 42f);
        ModelSpec spec = ModelSpec.parse(Keras3Translator.translate(KerasJson.parse(keras3Mlp(), "t"), new java.util.ArrayList<>()), "t");
        EaselException e = assertThrows(EaselException.class,
                () -> WeightValues.check(m.network(), spec, KerasWeights.read(file), 2, file.toString()));
        assertTrue(e.getMessage().contains("layer 'hidden' (Dense): weight 'kernel' (DL4J parameter 'W') differs at 1 of 30 values"),
                e.getMessage());
    }

    /** A zip written by ImportedModel.save loads back with the same outputs, shapes and input scaling. */
    @Test
    void importedZipRoundTrip() {
        INDArray[] w = mlpWeights();
        Path file = tmp.resolve("k3.h5");
        KerasModelWriter.writeH5(file, keras3Mlp(), "3.8.0", mlpMap(w));
        ImportedModel m = KerasImporter.builder().build().importModel(file).withInputScaling(InputScaling.of(1.0, "127.5", "127.5"));
        Path zip = tmp.resolve("m.zip");
        m.save(zip);
        assertTrue(ImportedModel.isImportedZip(zip));
        ImportedModel back = ImportedModel.load(zip);
        INDArray x = rand(2, 6);
        assertEquals(0.0, maxDiff(back.output(x)[0], m.output(x)[0]), 1e-7);
        assertEquals(m.report().outputShapes(), back.report().outputShapes());
        assertEquals(127.5, back.inputScaling().mean().get(0));
        assertTrue(back.summary().contains("Input scaling: x = (pixel / 1 - 127.5) / 127.5"), back.summary());
    }
}
