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
 * Sequence models: LayerNormalization, MultiHeadAttention, Attention/AdditiveAttention, Dense on sequences,
 * channels_first 1D pooling, tf.keras TFOpLambda adds, Reshape with -1 and dilated Conv1D, on small files written here ({@link KerasModelWriter}: legacy .h5, Keras
 * 3.11+ nested .h5, .keras), each compared with Keras' formulas computed here in plain double loops.
 */
@Timeout(180)
class SequenceModelImportTest {
    @TempDir
    Path tmp;

    private final Random random = new Random(16);

    private INDArray rand(long... shape) {
        return TestArrays.gaussian(random, shape);
    }

    private static double maxDiff(INDArray a, double[][][] expected) {
        double max = 0;
        for (int b = 0; b < expected.length; b++) {
            for (int t = 0; t < expected[b].length; t++) {
                for (int f = 0; f < expected[b][t].length; f++) {
                    max = Math.max(max, Math.abs(a.getDouble(b, t, f) - expected[b][t][f]));
                }
            }
        }
        return max;
    }

    private static double[][][] d3(INDArray a) {
        double[][][] out = new double[(int) a.size(0)][(int) a.size(1)][(int) a.size(2)];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                for (int k = 0; k < out[i][j].length; k++) {
                    out[i][j][k] = a.getDouble(i, j, k);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------ Keras' formulas, in doubles

    /** keras.layers.LayerNormalization(axis=-1): (x - mean) / sqrt(var + eps) * gamma + beta. */
    static double[][][] layerNorm(double[][][] x, INDArray gamma, INDArray beta, double eps) {
        double[][][] y = new double[x.length][x[0].length][x[0][0].length];
        for (int b = 0; b < x.length; b++) {
            for (int t = 0; t < x[b].length; t++) {
                double[] v = x[b][t];
                double mean = 0;
                for (double e : v) {
                    mean += e / v.length;
                }
                double var = 0;
                for (double e : v) {
                    var += (e - mean) * (e - mean) / v.length;
                }
                for (int f = 0; f < v.length; f++) {
                    double g = gamma == null ? 1 : gamma.getDouble(f);
                    double be = beta == null ? 0 : beta.getDouble(f);
                    y[b][t][f] = (v[f] - mean) / Math.sqrt(var + eps) * g + be;
                }
            }
        }
        return y;
    }

    /** x [b][t][in] · kernel [in][heads][dim] + bias [heads][dim] -> [b][t][heads][dim] (Keras EinsumDense). */
    static double[][][][] project(double[][][] x, INDArray kernel, INDArray bias) {
        int h = (int) kernel.size(1);
        int d = (int) kernel.size(2);
        double[][][][] y = new double[x.length][x[0].length][h][d];
        for (int b = 0; b < x.length; b++) {
            for (int t = 0; t < x[b].length; t++) {
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < d; j++) {
                        double s = bias.getDouble(i, j);
                        for (int c = 0; c < x[b][t].length; c++) {
                            s += x[b][t][c] * kernel.getDouble(c, i, j);
                        }
                        y[b][t][i][j] = s;
                    }
                }
            }
        }
        return y;
    }

    static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] e = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            e[i] = Math.exp(s[i] - max);
            sum += e[i];
        }
        for (int i = 0; i < s.length; i++) {
            e[i] /= sum;
        }
        return e;
    }

    /** keras.layers.MultiHeadAttention on [batch, time, features], attention over time. */
    static double[][][] mha(double[][][] query, double[][][] value, double[][][] key, Map<String, INDArray> w, boolean causal) {
        double[][][][] q = project(query, w.get("query/kernel"), w.get("query/bias"));
        double[][][][] k = project(key, w.get("key/kernel"), w.get("key/bias"));
        double[][][][] v = project(value, w.get("value/kernel"), w.get("value/bias"));
        INDArray wo = w.get("attention_output/kernel");
        INDArray bo = w.get("attention_output/bias");
        int heads = (int) wo.size(0);
        int dv = (int) wo.size(1);
        int out = (int) wo.size(2);
        int dk = q[0][0][0].length;
        int len = key[0].length;
        double[][][] y = new double[query.length][query[0].length][out];
        for (int b = 0; b < query.length; b++) {
            for (int t = 0; t < query[b].length; t++) {
                double[][] o = new double[heads][dv];
                for (int h = 0; h < heads; h++) {
                    double[] scores = new double[len];
                    for (int s = 0; s < len; s++) {
                        for (int j = 0; j < dk; j++) {
                            scores[s] += q[b][t][h][j] / Math.sqrt(dk) * k[b][s][h][j];
                        }
                        if (causal && s > t) {
                            scores[s] -= 1e9;
                        }
                    }
                    double[] a = softmax(scores);
                    for (int s = 0; s < len; s++) {
                        for (int j = 0; j < dv; j++) {
                            o[h][j] += a[s] * v[b][s][h][j];
                        }
                    }
                }
                for (int f = 0; f < out; f++) {
                    double s = bo.getDouble(f);
                    for (int h = 0; h < heads; h++) {
                        for (int j = 0; j < dv; j++) {
                            s += o[h][j] * wo.getDouble(h, j, f);
                        }
                    }
                    y[b][t][f] = s;
                }
            }
        }
        return y;
    }

    /** keras.layers.Attention (dot or concat scores) and AdditiveAttention. */
    static double[][][] attention(double[][][] q, double[][][] v, double[][][] k, String mode, Double scale, double[] additiveScale,
                                  Double concatWeight, boolean causal) {
        double[][][] y = new double[q.length][q[0].length][v[0][0].length];
        for (int b = 0; b < q.length; b++) {
            for (int t = 0; t < q[b].length; t++) {
                double[] scores = new double[k[b].length];
                for (int s = 0; s < k[b].length; s++) {
                    double sc = 0;
                    for (int d = 0; d < q[b][t].length; d++) {
                        switch (mode) {
                            case "dot" -> sc += q[b][t][d] * k[b][s][d];
                            case "concat" -> sc += Math.tanh((scale == null ? 1 : scale) * (q[b][t][d] + k[b][s][d]));
                            default -> sc += (additiveScale == null ? 1 : additiveScale[d]) * Math.tanh(q[b][t][d] + k[b][s][d]);
                        }
                    }
                    if (mode.equals("dot") && scale != null) {
                        sc *= scale;
                    }
                    if (mode.equals("concat")) {
                        sc *= concatWeight;
                    }
                    scores[s] = causal && s > t ? sc - 1e9 : sc;
                }
                double[] a = softmax(scores);
                for (int s = 0; s < k[b].length; s++) {
                    for (int d = 0; d < v[b][s].length; d++) {
                        y[b][t][d] += a[s] * v[b][s][d];
                    }
                }
            }
        }
        return y;
    }

    // ------------------------------------------------------------ files

    private static String dense(int units, String activation) {
        return "{\"units\": " + units + ", \"activation\": \"" + activation + "\", \"use_bias\": true, \"kernel_initializer\": {\"class_name\":"
                + " \"GlorotUniform\", \"config\": {\"seed\": null}}, \"bias_initializer\": {\"class_name\": \"Zeros\", \"config\": {}},"
                + " \"kernel_regularizer\": null, \"bias_regularizer\": null, \"activity_regularizer\": null, \"kernel_constraint\": null,"
                + " \"bias_constraint\": null}";
    }

    private static final String LN = "{\"axis\": [-1], \"epsilon\": 0.001, \"center\": true, \"scale\": true}";

    private static String mhaConfig(int heads, int keyDim, Integer valueDim) {
        return "{\"num_heads\": " + heads + ", \"key_dim\": " + keyDim + ", \"value_dim\": " + valueDim
                + ", \"dropout\": 0.1, \"use_bias\": true, \"output_shape\": null, \"attention_axes\": null}";
    }

    private Map<String, INDArray> mhaWeights(int qIn, int kIn, int vIn, int heads, int dk, int dv, int out) {
        Map<String, INDArray> w = new LinkedHashMap<>();
        w.put("query/kernel", rand(qIn, heads, dk));
        w.put("query/bias", rand(heads, dk));
        w.put("key/kernel", rand(kIn, heads, dk));
        w.put("key/bias", rand(heads, dk));
        w.put("value/kernel", rand(vIn, heads, dv));
        w.put("value/bias", rand(heads, dv));
        w.put("attention_output/kernel", rand(heads, dv, out));
        w.put("attention_output/bias", rand(out));
        return w;
    }

    /** The block; {@code tfKeras}: `x + inputs` as tf.keras 2 records it (a TFOpLambda), else as Keras 3 does (an Add). */
    private static KerasGraph transformerBlock(boolean tfKeras) {
        KerasGraph g = new KerasGraph()
                .input("x", 5, 6)
                .layer("LayerNormalization", "ln1", LN, "x")
                .call("MultiHeadAttention", "mha", mhaConfig(2, 3, 4), List.of("ln1"), Map.of("value", "ln1"));
        if (tfKeras) {
            g.call("TFOpLambda", "tf.__operators__.add", "{\"function\": \"__operators__.add\"}", List.of("mha"), Map.of("y", "x"));
        } else {
            g.layer("Add", "tf.__operators__.add", "{}", "mha", "x");
        }
        return g.layer("LayerNormalization", "ln2", "{\"axis\": [2], \"epsilon\": 1e-6, \"center\": true, \"scale\": true}",
                        "tf.__operators__.add")
                .layer("Dense", "ffn", dense(6, "linear"), "ln2")
                .layer("Add", "out", "{}", "ln2", "ffn")
                .outputs("out");
    }

    /**
     * A transformer encoder block as tf.keras 2 saves it (value as a call keyword, `x + inputs` a TFOpLambda):
     * LayerNormalization -> self-attention MultiHeadAttention -> TFOpLambda add -> LayerNormalization -> Dense on the
     * sequence -> Add. Legacy .h5 and Keras 3.11+ nested .h5.
     */
    @Test
    void transformerBlockMatchesKerasFormulas() {
        KerasGraph g = transformerBlock(true);
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        weights.put("ln1", Map.of("gamma", rand(6), "beta", rand(6)));
        Map<String, INDArray> mhaW = mhaWeights(6, 6, 6, 2, 3, 4, 6);
        weights.put("mha", mhaW);
        weights.put("ln2", new LinkedHashMap<>(Map.of("gamma", rand(6), "beta", rand(6))));
        weights.put("ffn", ImportBugClassesTest.kb(rand(6, 6), rand(6)));
        INDArray x = rand(3, 5, 6);

        double[][][] xd = d3(x);
        double[][][] h = layerNorm(xd, weights.get("ln1").get("gamma"), weights.get("ln1").get("beta"), 1e-3);
        double[][][] a = mha(h, h, h, mhaW, false);
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                for (int f = 0; f < 6; f++) {
                    a[b][t][f] += xd[b][t][f];
                }
            }
        }
        double[][][] n2 = layerNorm(a, weights.get("ln2").get("gamma"), weights.get("ln2").get("beta"), 1e-6);
        INDArray kernel = weights.get("ffn").get("kernel");
        INDArray bias = weights.get("ffn").get("bias");
        double[][][] expected = new double[3][5][6];
        for (int b = 0; b < 3; b++) {
            for (int t = 0; t < 5; t++) {
                for (int f = 0; f < 6; f++) {
                    double s = bias.getDouble(f);
                    for (int c = 0; c < 6; c++) {
                        s += n2[b][t][c] * kernel.getDouble(c, f);
                    }
                    expected[b][t][f] = n2[b][t][f] + s;
                }
            }
        }

        Path legacy = tmp.resolve("block.h5");
        KerasModelWriter.writeH5(legacy, g.keras2(), "2.15.0", weights);
        ImportedModel m = KerasImporter.builder().build().importModel(legacy);
        double d = maxDiff(m.output(x)[0], expected);
        assertTrue(d < 1e-5, "tf.keras 2 transformer block: max diff " + d);
        assertTrue(maxDiff(m.converted(DataType.DOUBLE).output(x)[0], expected) < 1e-9, "float64 import differs from the formulas");
        assertEquals(List.of(-1L, 5L, 6L), m.report().outputShapes().get("mha"));
        assertEquals("MultiHeadAttention", m.report().layers().stream().filter(l -> l.name().equals("mha")).findFirst().orElseThrow().kerasClass());
        assertEquals(2 * (6 * 2 * 3 + 2 * 3) + 6 * 2 * 4 + 2 * 4 + 2 * 4 * 6 + 6,
                m.report().layers().stream().filter(l -> l.name().equals("mha")).findFirst().orElseThrow().params());
        assertTrue(m.report().warnings().stream().anyMatch(w -> w.contains("TFOpLambda")), m.report().warnings().toString());

        // Keras 3.11+ legacy .h5 nests every weight one group deeper (mha/functional/mha/query/kernel).
        Path nested = tmp.resolve("block-k313.h5");
        KerasModelWriter.writeNestedH5(nested, transformerBlock(false).keras3(), "3.13.2", "functional", weights);
        assertTrue(maxDiff(KerasImporter.builder().build().importModel(nested).output(x)[0], expected) < 1e-5);

        // The import zip (what 'easel import' writes) holds Easel's layers and loads back with the same outputs.
        Path zip = tmp.resolve("block.zip");
        m.save(zip);
        assertTrue(maxDiff(ImportedModel.load(zip).output(x)[0], expected) < 1e-5);
    }

    /** Cross-attention with a separate key and a causal mask, Keras 3 .keras (keyword-only call). */
    @Test
    void crossAttentionWithKeyAndCausalMaskFromKerasArchive() {
        KerasGraph g = new KerasGraph()
                .input("q", 4, 5)
                .input("v", 4, 7)
                .input("k", 4, 3)
                .call("MultiHeadAttention", "mha", mhaConfig(3, 2, 2), List.of(),
                        Map.of("query", "q", "value", "v", "key", "k", "use_causal_mask", true))
                .outputs("mha");
        Map<String, INDArray> w = mhaWeights(5, 3, 7, 3, 2, 2, 5);
        Path file = tmp.resolve("cross.keras");
        KerasModelWriter.writeKerasArchive(file, g.keras3(), "3.12.0", Map.of("mha", "MultiHeadAttention"), Map.of("mha", w));
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        INDArray q = rand(2, 4, 5);
        INDArray v = rand(2, 4, 7);
        INDArray k = rand(2, 4, 3);
        double[][][] expected = mha(d3(q), d3(v), d3(k), w, true);
        double d = maxDiff(m.output(q, v, k)[0], expected);
        assertTrue(d < 1e-5, "cross attention: max diff " + d);
        // Without the mask the outputs differ: the flag is really applied.
        assertTrue(maxDiff(m.output(q, v, k)[0], mha(d3(q), d3(v), d3(k), w, false)) > 1e-3);
    }

    /** Keras Attention (dot with use_scale; concat) and AdditiveAttention, from a .keras file and a legacy .h5. */
    @Test
    void dotConcatAndAdditiveAttention() {
        KerasGraph g = new KerasGraph()
                .input("q", 3, 4)
                .input("v", 5, 4)
                .layer("Attention", "dot", "{\"use_scale\": true, \"score_mode\": \"dot\", \"dropout\": 0.0}", "q", "v")
                .layer("Attention", "concat", "{\"use_scale\": true, \"score_mode\": \"concat\", \"dropout\": 0.0}", "q", "v", "v")
                .layer("AdditiveAttention", "additive", "{\"use_scale\": true, \"dropout\": 0.0}", "q", "v")
                .layer("Concatenate", "all", "{\"axis\": -1}", "dot", "concat", "additive")
                .outputs("all");
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        weights.put("dot", Map.of("scale", Nd4j.scalar(0.7f)));
        Map<String, INDArray> concat = new LinkedHashMap<>();
        concat.put("scale", Nd4j.scalar(1.3f));
        concat.put("concat_score_weight", Nd4j.scalar(-0.8f));
        weights.put("concat", concat);
        INDArray addScale = rand(4);
        weights.put("additive", Map.of("scale", addScale));
        INDArray q = rand(2, 3, 4);
        INDArray v = rand(2, 5, 4);
        double[] as = new double[4];
        for (int i = 0; i < 4; i++) {
            as[i] = addScale.getDouble(i);
        }
        double[][][] dot = attention(d3(q), d3(v), d3(v), "dot", 0.7, null, null, false);
        double[][][] cat = attention(d3(q), d3(v), d3(v), "concat", 1.3, null, -0.8, false);
        double[][][] add = attention(d3(q), d3(v), d3(v), "additive", null, as, null, false);
        double[][][] expected = new double[2][3][12];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                for (int f = 0; f < 4; f++) {
                    expected[b][t][f] = dot[b][t][f];
                    expected[b][t][4 + f] = cat[b][t][f];
                    expected[b][t][8 + f] = add[b][t][f];
                }
            }
        }
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("dot", "Attention");
        classes.put("concat", "Attention");
        classes.put("additive", "AdditiveAttention");
        Path archive = tmp.resolve("att.keras");
        KerasModelWriter.writeKerasArchive(archive, g.keras3(), "3.5.0", classes, weights);
        Path legacy = tmp.resolve("att.h5");
        KerasModelWriter.writeH5(legacy, g.keras2(), "2.15.0", weights);
        for (Path file : List.of(archive, legacy)) {
            double d = maxDiff(KerasImporter.builder().build().importModel(file).output(q, v)[0], expected);
            assertTrue(d < 1e-5, file.getFileName() + ": max diff " + d);
        }
    }

    /** Dense on a sequence stays a sequence; channels_first GlobalAveragePooling1D pools the feature axis. */
    @Test
    void denseOnSequencesAndChannelsFirstPooling() {
        KerasGraph g = new KerasGraph()
                .input("x", 6, 4)
                .layer("Dense", "d", dense(3, "tanh"), "x")
                .layer("GlobalAveragePooling1D", "pool", "{\"data_format\": \"channels_first\", \"keepdims\": false}", "d")
                .layer("Dense", "out", dense(2, "linear"), "pool")
                .outputs("out");
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        weights.put("d", ImportBugClassesTest.kb(rand(4, 3), rand(3)));
        weights.put("out", ImportBugClassesTest.kb(rand(6, 2), rand(2)));
        Path file = tmp.resolve("seq.h5");
        KerasModelWriter.writeH5(file, g.keras2(), "2.15.0", weights);
        INDArray x = rand(2, 6, 4);
        // Dense on each time step, mean over the 3 features (channels_first pooling), then the 6 -> 2 Dense.
        INDArray h = org.nd4j.linalg.ops.transforms.Transforms.tanh(
                x.reshape(12, 4).mmul(weights.get("d").get("kernel")).addRowVector(weights.get("d").get("bias")), true).reshape(2, 6, 3);
        INDArray expected = h.mean(2).mmul(weights.get("out").get("kernel")).addRowVector(weights.get("out").get("bias"));
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        assertEquals(0.0, m.output(x)[0].castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
        assertEquals(List.of(-1L, 6L, 3L), m.report().outputShapes().get("d"));
    }

    /** Reshape((-1, C)) from an image to a sequence (as between convolutions and an LSTM): the -1 is resolved. */
    @Test
    void reshapeWithWildcardTarget() {
        KerasGraph g = new KerasGraph()
                .input("img", 4, 6, 2)
                .layer("Reshape", "r", "{\"target_shape\": [-1, 2]}", "img")
                .layer("Dense", "d", dense(3, "linear"), "r")
                .layer("GlobalAveragePooling1D", "pool", "{\"data_format\": \"channels_last\", \"keepdims\": false}", "d")
                .outputs("pool");
        Map<String, Map<String, INDArray>> weights = Map.of("d", ImportBugClassesTest.kb(rand(2, 3), rand(3)));
        Path file = tmp.resolve("reshape.h5");
        KerasModelWriter.writeH5(file, g.keras2(), "2.15.0", weights);
        INDArray x = rand(2, 4, 6, 2);
        INDArray expected = x.reshape(48, 2).mmul(weights.get("d").get("kernel")).addRowVector(weights.get("d").get("bias"))
                .reshape(2, 24, 3).mean(1);
        ImportedModel m = KerasImporter.builder().build().importModel(file);
        assertEquals(0.0, m.output(x)[0].castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), 1e-5);
        assertEquals(List.of(-1L, 24L, 3L), m.report().outputShapes().get("d"));
    }

    /** Conv1D with dilation (padding valid, same, causal; stride 1 and 2), which DL4J's own Conv1D cannot run. */
    @Test
    void dilatedConv1D() {
        int[][] cases = {{1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 1}}; // stride, padding (valid, same, causal)
        String[] paddings = {"valid", "same", "causal"};
        for (int[] c : cases) {
            int stride = c[0];
            String padding = paddings[c[1]];
            String conv = "{\"filters\": 3, \"kernel_size\": [3], \"strides\": [" + stride + "], \"padding\": \"" + padding
                    + "\", \"data_format\": \"channels_last\", \"dilation_rate\": [2], \"activation\": \"tanh\", \"use_bias\": true,"
                    + " \"kernel_initializer\": {\"class_name\": \"GlorotUniform\", \"config\": {\"seed\": null}}, \"bias_initializer\":"
                    + " {\"class_name\": \"Zeros\", \"config\": {}}, \"kernel_regularizer\": null, \"bias_regularizer\": null,"
                    + " \"activity_regularizer\": null, \"kernel_constraint\": null, \"bias_constraint\": null}";
            KerasGraph g = new KerasGraph().input("x", 11, 2).layer("Conv1D", "conv", conv, "x").outputs("conv");
            INDArray kernel = rand(3, 2, 3);
            INDArray bias = rand(3);
            Path file = tmp.resolve("dilated-" + stride + padding + ".h5");
            KerasModelWriter.writeH5(file, g.keras2(), "2.15.0", Map.of("conv", ImportBugClassesTest.kb(kernel, bias)));
            INDArray x = rand(2, 11, 2);
            // Keras: zeros in front (causal: (k-1)*d; same: TensorFlow's split), then y[t] = tanh(b + sum_j x[t*s + j*d] W[j]).
            int span = 5;
            int total = padding.equals("valid") ? 0 : padding.equals("causal") ? span - 1
                    : Math.max(((11 + stride - 1) / stride - 1) * stride + span - 11, 0);
            int front = padding.equals("causal") ? total : total / 2;
            int length = 11 + total;
            int out = (length - span) / stride + 1;
            double[][][] expected = new double[2][out][3];
            for (int b = 0; b < 2; b++) {
                for (int t = 0; t < out; t++) {
                    for (int f = 0; f < 3; f++) {
                        double s = bias.getDouble(f);
                        for (int j = 0; j < 3; j++) {
                            int src = t * stride + j * 2 - front;
                            for (int ci = 0; src >= 0 && src < 11 && ci < 2; ci++) {
                                s += x.getDouble(b, src, ci) * kernel.getDouble(j, ci, f);
                            }
                        }
                        expected[b][t][f] = Math.tanh(s);
                    }
                }
            }
            ImportedModel m = KerasImporter.builder().build().importModel(file);
            double d = maxDiff(m.output(x)[0], expected);
            assertTrue(d < 1e-5, "stride " + stride + ", padding " + padding + ": max diff " + d);
            assertEquals(List.of(-1L, (long) out, 3L), m.report().outputShapes().get("conv"));
        }
    }

    /** Options Easel cannot reproduce are listed in one error with the unsupported classes. */
    @Test
    void unsupportedOptionsAreListedTogether() {
        KerasGraph g = new KerasGraph()
                .input("x", 5, 6)
                .layer("LayerNormalization", "ln_two_axes", "{\"axis\": [1, 2], \"epsilon\": 0.001, \"center\": true, \"scale\": true}", "x")
                .layer("LayerNormalization", "ln_rms", "{\"axis\": -1, \"epsilon\": 0.001, \"rms_scaling\": true, \"center\": false, \"scale\": true}", "x")
                .call("MultiHeadAttention", "mha_masked", mhaConfig(2, 3, 3), List.of("x", "x"), Map.of("attention_mask", "x"))
                .layer("GRU", "gru", "{\"units\": 2}", "x")
                .outputs("gru");
        Path file = tmp.resolve("bad.keras");
        KerasModelWriter.writeKerasArchive(file, g.keras3(), "3.8.0", Map.of(), Map.of());
        EaselException e = assertThrows(EaselException.class, () -> KerasImporter.builder().build().importModel(file));
        String msg = e.getMessage();
        assertTrue(msg.contains("uses 4 layer(s)"), msg);
        assertTrue(msg.contains("ln_two_axes (LayerNormalization): normalises over axes [1,2]"), msg);
        assertTrue(msg.contains("ln_rms (LayerNormalization): rms_scaling=True"), msg);
        assertTrue(msg.contains("mha_masked (MultiHeadAttention): is called with an explicit attention_mask"), msg);
        assertTrue(msg.contains("gru (GRU)"), msg);
    }

    /**
     * The Keras "text classification with a transformer" example written with built-in layers only: token Embedding ->
     * self-attention -> Add -> LayerNormalization -> GlobalAveragePooling1D -> Dense softmax, from a .keras file.
     */
    @Test
    void embeddingIntoSelfAttention() {
        KerasGraph g = new KerasGraph()
                .input("tokens", 6)
                .layer("Embedding", "emb", "{\"input_dim\": 30, \"output_dim\": 8, \"mask_zero\": false, \"embeddings_initializer\":"
                        + " {\"class_name\": \"RandomUniform\", \"config\": {\"minval\": -0.05, \"maxval\": 0.05, \"seed\": null}},"
                        + " \"embeddings_regularizer\": null, \"activity_regularizer\": null, \"embeddings_constraint\": null,"
                        + " \"input_length\": 6}", "tokens")
                .layer("MultiHeadAttention", "att", mhaConfig(2, 4, null), "emb", "emb")
                .layer("Add", "res", "{}", "emb", "att")
                .layer("LayerNormalization", "ln", LN, "res")
                .layer("GlobalAveragePooling1D", "pool", "{\"data_format\": \"channels_last\", \"keepdims\": false}", "ln")
                .layer("Dense", "out", dense(2, "softmax"), "pool")
                .outputs("out");
        INDArray table = rand(30, 8);
        Map<String, INDArray> att = mhaWeights(8, 8, 8, 2, 4, 4, 8);
        INDArray gamma = rand(8);
        INDArray beta = rand(8);
        Map<String, Map<String, INDArray>> weights = new LinkedHashMap<>();
        weights.put("emb", Map.of("embeddings", table));
        weights.put("att", att);
        Map<String, INDArray> ln = new LinkedHashMap<>();
        ln.put("gamma", gamma);
        ln.put("beta", beta);
        weights.put("ln", ln);
        weights.put("out", ImportBugClassesTest.kb(rand(8, 2), rand(2)));
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("emb", "Embedding");
        classes.put("att", "MultiHeadAttention");
        classes.put("ln", "LayerNormalization");
        classes.put("out", "Dense");
        Path file = tmp.resolve("text.keras");
        KerasModelWriter.writeKerasArchive(file, g.keras3(), "3.8.0", classes, weights);

        int[][] tokens = {{1, 5, 9, 0, 29, 3}, {7, 7, 2, 11, 4, 18}};
        double[][][] e = new double[2][6][8];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 6; t++) {
                for (int f = 0; f < 8; f++) {
                    e[b][t][f] = table.getDouble(tokens[b][t], f);
                }
            }
        }
        double[][][] a = mha(e, e, e, att, false);
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 6; t++) {
                for (int f = 0; f < 8; f++) {
                    a[b][t][f] += e[b][t][f];
                }
            }
        }
        double[][][] n = layerNorm(a, gamma, beta, 1e-3);
        INDArray kernel = weights.get("out").get("kernel");
        INDArray bias = weights.get("out").get("bias");
        INDArray x = Nd4j.create(new float[][] {{1, 5, 9, 0, 29, 3}, {7, 7, 2, 11, 4, 18}});
        INDArray got = KerasImporter.builder().build().importModel(file).output(x)[0];
        for (int b = 0; b < 2; b++) {
            double[] logits = new double[2];
            for (int c = 0; c < 2; c++) {
                logits[c] = bias.getDouble(c);
                for (int f = 0; f < 8; f++) {
                    double mean = 0;
                    for (int t = 0; t < 6; t++) {
                        mean += n[b][t][f] / 6;
                    }
                    logits[c] += mean * kernel.getDouble(f, c);
                }
            }
            double[] p = softmax(logits);
            for (int c = 0; c < 2; c++) {
                assertEquals(p[c], got.getDouble(b, c), 1e-5, "example " + b + " class " + c);
            }
        }
    }

    /** Keras masks (Embedding mask_zero) would change attention: refused rather than imported wrong. */
    @Test
    void maskedAttentionIsRefused() {
        KerasGraph g = new KerasGraph()
                .input("tokens", 5)
                .layer("Embedding", "emb", "{\"input_dim\": 20, \"output_dim\": 4, \"mask_zero\": true}", "tokens")
                .call("MultiHeadAttention", "mha", mhaConfig(1, 4, 4), List.of("emb", "emb"), Map.of())
                .outputs("mha");
        Path file = tmp.resolve("masked.h5");
        KerasModelWriter.writeH5(file, g.keras2(), "2.15.0", Map.of("emb", Map.of("embeddings", rand(20, 4)),
                "mha", mhaWeights(4, 4, 4, 1, 4, 4, 4)));
        EaselException e = assertThrows(EaselException.class, () -> KerasImporter.builder().build().importModel(file));
        assertTrue(e.getMessage().contains("mha (MultiHeadAttention): the model carries a Keras mask (from 'emb'"), e.getMessage());
    }
}
