package org.easel.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The value-level weight check: after DL4J built the network, every parameter array of every imported
 * layer is compared element by element with the file's dataset it came from, after the layout transform
 * that layer needs (Conv2D kernel {@code [kh, kw, in, out]} → DL4J {@code [out, in, kh, kw]}, LSTM gates
 * {@code i f c o} → DL4J {@code c f o i}, ...). Any difference is an error naming the layer and the weight.
 *
 * <p>Why: DL4J 1.0.0-M2.1 copies weights by name and silently leaves a parameter at its initial value
 * when a name does not match (measured: every trained PReLU alpha imported as 0.0, so the layer acted as
 * ReLU and the import "succeeded"). Comparing parameter counts cannot see that; comparing values can.
 *
 * <p>Layers whose layout Easel does not model exactly (rare classes: 3D and transposed convolutions,
 * LocallyConnected1D) are checked as multisets: the sorted values of all their DL4J parameters must equal
 * the sorted values of all their Keras weights, which still catches dropped or zeroed weights.
 */
final class WeightValues {
    /** Largest accepted |DL4J - file| relative to max(1, |file|): the copy is exact, this only absorbs float rounding. */
    static final double TOLERANCE = 1e-6;

    private WeightValues() {
    }

    /** One layer's expected DL4J parameters, or null when only the multiset comparison applies. */
    record Expected(Map<String, INDArray> params, Map<String, String> source) {
    }

    /**
     * DL4J M2.1 leaves some weights at their initial values. Easel copies them itself before the check:
     * PReLU alphas (DL4J's KerasPReLU keeps them under a name its layer never reads).
     */
    static List<String> repair(Model network, ModelSpec spec, Map<String, Map<String, INDArray>> weights) {
        List<String> repaired = new ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers()) {
            Map<String, INDArray> w = weights.get(l.name());
            Layer layer = layer(network, l.name());
            if (w == null || layer == null) {
                continue;
            }
            if (l.className().equals("PReLU") && w.containsKey("alpha") && layer.paramTable().containsKey("W")) {
                INDArray target = layer.getParam("W");
                INDArray alpha = w.get("alpha");
                if (target.length() == alpha.length() && !sameValues(target, alpha.reshape(target.shape()))) {
                    layer.setParam("W", alpha.castTo(target.dataType()).reshape(target.shape()));
                    repaired.add(l.name() + " (PReLU alphas, which DL4J M2.1 leaves at 0 so the layer acts as ReLU)");
                }
            }
        }
        return repaired;
    }

    /** Throws an {@link EaselException} listing every parameter that differs from the file. */
    static void check(Model network, ModelSpec spec, Map<String, Map<String, INDArray>> weights, int kerasMajor, String files) {
        List<String> problems = new ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers()) {
            Map<String, INDArray> w = weights.get(l.name());
            if (w == null || w.isEmpty()) {
                continue;
            }
            Map<String, INDArray> actual = paramTable(network, l.name());
            if (actual == null) {
                problems.add("layer '" + l.name() + "' (" + l.className() + ") has weights in the file but no layer with"
                        + " parameters in the imported network");
                continue;
            }
            Expected e = expected(l, w, actual, kerasMajor);
            if (e == null) {
                String p = multiset(l, w, actual);
                if (p != null) {
                    problems.add(p);
                }
                continue;
            }
            if (EaselLayers.ownsWeights(l)) {
                for (String param : actual.keySet()) {
                    if (!e.params().containsKey(param)) {
                        problems.add(where(l) + ": DL4J parameter '" + param + "' has no weight in the file (file weights: " + w.keySet() + ")");
                    }
                }
            }
            for (Map.Entry<String, INDArray> p : e.params().entrySet()) {
                INDArray got = actual.get(p.getKey());
                String from = e.source().get(p.getKey());
                if (got == null) {
                    problems.add(where(l) + ": DL4J has no parameter '" + p.getKey() + "' for the file's weight '" + from + "'");
                    continue;
                }
                String diff = compare(got, p.getValue());
                if (diff != null) {
                    problems.add(where(l) + ": weight '" + from + "' (DL4J parameter '" + p.getKey() + "') " + diff);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EaselException(files + ": the imported network does not hold the file's weights:\n  "
                    + String.join("\n  ", problems) + "\nThis is a DL4J import defect for these layers; nothing was imported."
                    + " Please report it with the file.");
        }
    }

    /**
     * Parameters (views) of the layer or graph vertex named {@code name}: DL4J layers, and Easel's SameDiff
     * attention vertices, which are graph vertices rather than layers. Null when there is neither.
     */
    static Map<String, INDArray> paramTable(Model network, String name) {
        Layer layer = layer(network, name);
        if (layer != null) {
            return layer.paramTable();
        }
        if (network instanceof ComputationGraph g && g.getVertex(name) != null) {
            Map<String, INDArray> p = g.getVertex(name).paramTable(false);
            return p == null || p.isEmpty() ? null : p;
        }
        return null;
    }

    static Layer layer(Model network, String name) {
        try {
            if (network instanceof MultiLayerNetwork m) {
                return m.getLayer(name);
            }
            return ((ComputationGraph) network).getLayer(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String where(ModelSpec.LayerSpec l) {
        return "layer '" + l.name() + "' (" + l.className() + ")";
    }

    /** Expected DL4J parameters for the common layer classes, or null for the multiset fallback. */
    static Expected expected(ModelSpec.LayerSpec l, Map<String, INDArray> w, Map<String, INDArray> actual, int kerasMajor) {
        Map<String, INDArray> p = new LinkedHashMap<>();
        Map<String, String> src = new LinkedHashMap<>();
        Map<String, String> own = EaselLayers.parameterNames(l, w);
        if (own != null) {
            // Easel's own layers keep Keras' shapes: the copy is the identity.
            own.forEach((keras, param) -> {
                p.put(param, w.get(keras));
                src.put(param, keras);
            });
        }
        switch (own != null ? "" : l.className()) {
            case "" -> {
                // handled above
            }
            case "Dense", "TimeDistributedDense" -> {
                put(p, src, "W", w, "kernel", "W");
                put(p, src, "b", w, "bias", "b");
            }
            case "Conv2D", "Convolution2D", "AtrousConvolution2D" -> {
                String k = put(p, src, "W", w, "kernel", "W");
                if (k != null && actual.containsKey("W") && !Arrays.equals(actual.get("W").shape(), p.get("W").shape())) {
                    p.put("W", p.get("W").permute(3, 2, 0, 1)); // Keras [kh, kw, in, out] -> DL4J [out, in, kh, kw]
                } else if (k != null && "th".equals(l.config().path("dim_ordering").asText())) {
                    // Keras 1 "th": Theano's kernel [out, in, kh, kw], which Theano applies as a true convolution;
                    // DL4J flips it to a cross-correlation kernel.
                    p.put("W", flipSpatial(p.get("W")));
                }
                put(p, src, "b", w, "bias", "b");
            }
            case "Conv1D", "Convolution1D", "AtrousConvolution1D" -> {
                String k = put(p, src, "W", w, "kernel", "W");
                INDArray target = actual.get("W");
                if (k != null && target != null) {
                    INDArray kernel = p.get("W");
                    if (kernel.rank() == 4) { // Keras 1: [k, 1, in, out]
                        kernel = kernel.reshape(kernel.size(0), kernel.size(2), kernel.size(3));
                    }
                    // DL4J M2.1 keeps the Keras kernel's values in their C order and only relabels the shape
                    // [k, in, out] as [out, in, k, 1]; its Convolution1D reads them that way (parity 1e-7).
                    p.put("W", kernel.dup('c').reshape(target.shape()));
                }
                put(p, src, "b", w, "bias", "b");
            }
            case "SeparableConv2D", "SeparableConvolution2D" -> {
                put(p, src, "W", w, "depthwise_kernel");
                put(p, src, "pW", w, "pointwise_kernel");
                if (p.containsKey("W")) {
                    p.put("W", p.get("W").permute(3, 2, 0, 1));
                }
                if (p.containsKey("pW")) {
                    p.put("pW", p.get("pW").permute(3, 2, 0, 1));
                }
                put(p, src, "b", w, "bias", "b");
            }
            case "DepthwiseConv2D" -> {
                put(p, src, "W", w, "depthwise_kernel");
                put(p, src, "b", w, "bias", "b");
            }
            case "Embedding" -> put(p, src, "W", w, "embeddings", "W");
            case "PReLU" -> put(p, src, "W", w, "alpha");
            case "BatchNormalization" -> {
                if (put(p, src, "gamma", w, "gamma") == null && actual.containsKey("gamma")) {
                    p.put("gamma", Nd4j.onesLike(actual.get("gamma")));
                    src.put("gamma", "(none: scale=False, so 1)");
                }
                if (put(p, src, "beta", w, "beta") == null && actual.containsKey("beta")) {
                    p.put("beta", Nd4j.zerosLike(actual.get("beta")));
                    src.put("beta", "(none: center=False, so 0)");
                }
                put(p, src, "mean", w, "moving_mean", "running_mean");
                if (actual.containsKey("log10stdev")) {
                    return null;
                }
                put(p, src, "var", w, "moving_variance", "running_std");
            }
            case "LSTM" -> {
                if (!lstm(p, src, w, "", actual)) {
                    return null;
                }
            }
            case "SimpleRNN" -> {
                if (kerasMajor == 1 && w.containsKey("W")) {
                    put(p, src, "W", w, "W");
                    put(p, src, "RW", w, "U");
                    put(p, src, "b", w, "b");
                } else {
                    put(p, src, "W", w, "kernel");
                    put(p, src, "RW", w, "recurrent_kernel");
                    put(p, src, "b", w, "bias");
                }
            }
            case "Bidirectional" -> {
                String inner = l.config().path("layer").path("class_name").asText();
                String innerName = l.config().path("layer").path("config").path("name").asText();
                for (String dir : List.of("forward", "backward")) {
                    String prefix = dir + "_" + innerName + "/";
                    String dl4j = dir.substring(0, 1);
                    Map<String, INDArray> sub = new LinkedHashMap<>();
                    w.forEach((k, v) -> {
                        if (k.startsWith(prefix)) {
                            sub.put(k.substring(prefix.length()), v);
                        }
                    });
                    Map<String, INDArray> subP = new LinkedHashMap<>();
                    Map<String, String> subS = new LinkedHashMap<>();
                    if (inner.equals("LSTM")) {
                        if (!lstm(subP, subS, sub, "", strip(actual, dl4j))) {
                            return null;
                        }
                    } else {
                        put(subP, subS, "W", sub, "kernel");
                        put(subP, subS, "RW", sub, "recurrent_kernel");
                        put(subP, subS, "b", sub, "bias");
                    }
                    subP.forEach((k, v) -> p.put(dl4j + k, v));
                    subS.forEach((k, v) -> src.put(dl4j + k, prefix + v));
                }
            }
            default -> {
                return null;
            }
        }
        // Shapes: DL4J keeps biases as [1, n]; a rank difference alone is not a layout error.
        for (Map.Entry<String, INDArray> e : p.entrySet()) {
            INDArray target = actual.get(e.getKey());
            if (target != null && target.length() == e.getValue().length() && !Arrays.equals(target.shape(), e.getValue().shape())
                    && squeezed(target).equals(squeezed(e.getValue()))) {
                e.setValue(e.getValue().reshape(target.shape()));
            }
        }
        return new Expected(p, src);
    }

    private static Map<String, INDArray> strip(Map<String, INDArray> actual, String prefix) {
        Map<String, INDArray> out = new LinkedHashMap<>();
        actual.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    /**
     * LSTM: Keras stores gates in the order input, forget, cell, output (Keras 1: separate W_i, U_i, b_i, ...);
     * DL4J's LSTM orders them cell, forget, output, input.
     */
    private static boolean lstm(Map<String, INDArray> p, Map<String, String> src, Map<String, INDArray> w, String prefix,
                                Map<String, INDArray> actual) {
        INDArray kernel;
        INDArray recurrent;
        INDArray bias;
        if (w.containsKey("W_i")) {
            kernel = Nd4j.hstack(w.get("W_i"), w.get("W_f"), w.get("W_c"), w.get("W_o"));
            recurrent = Nd4j.hstack(w.get("U_i"), w.get("U_f"), w.get("U_c"), w.get("U_o"));
            bias = Nd4j.hstack(w.get("b_i").reshape(1, -1), w.get("b_f").reshape(1, -1), w.get("b_c").reshape(1, -1),
                    w.get("b_o").reshape(1, -1));
            src.put("W", "W_i, W_f, W_c, W_o");
            src.put("RW", "U_i, U_f, U_c, U_o");
            src.put("b", "b_i, b_f, b_c, b_o");
        } else if (w.containsKey("kernel") && w.containsKey("recurrent_kernel")) {
            kernel = w.get("kernel");
            recurrent = w.get("recurrent_kernel");
            bias = w.get("bias");
            src.put("W", "kernel");
            src.put("RW", "recurrent_kernel");
            if (bias != null) {
                src.put("b", "bias");
            }
        } else {
            return false;
        }
        INDArray rw = actual.get("RW");
        if (rw == null || rw.size(1) != recurrent.size(1)) {
            return false; // peephole (GravesLSTM) or another layout: multiset check
        }
        p.put(prefix + "W", gates(kernel));
        p.put(prefix + "RW", gates(recurrent));
        if (bias != null) {
            p.put(prefix + "b", gates(bias.reshape(1, -1)));
        }
        return true;
    }

    /** Reverses the last two (spatial) axes of a 4-D kernel. */
    static INDArray flipSpatial(INDArray k) {
        long kh = k.size(2);
        long kw = k.size(3);
        INDArray out = Nd4j.create(k.dataType(), k.shape());
        for (long i = 0; i < kh; i++) {
            for (long j = 0; j < kw; j++) {
                out.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(i), NDArrayIndex.point(j))
                        .assign(k.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.point(kh - 1 - i), NDArrayIndex.point(kw - 1 - j)));
            }
        }
        return out;
    }

    /** Columns [i f c o] (Keras) -> [c f o i] (DL4J). */
    static INDArray gates(INDArray m) {
        long n = m.size(1) / 4;
        INDArray i = m.get(NDArrayIndex.all(), NDArrayIndex.interval(0, n));
        INDArray f = m.get(NDArrayIndex.all(), NDArrayIndex.interval(n, 2 * n));
        INDArray c = m.get(NDArrayIndex.all(), NDArrayIndex.interval(2 * n, 3 * n));
        INDArray o = m.get(NDArrayIndex.all(), NDArrayIndex.interval(3 * n, 4 * n));
        return Nd4j.hstack(c, f, o, i);
    }

    private static String put(Map<String, INDArray> p, Map<String, String> src, String param, Map<String, INDArray> w, String... names) {
        for (String n : names) {
            if (w.containsKey(n)) {
                p.put(param, w.get(n));
                src.put(param, n);
                return n;
            }
        }
        return null;
    }

    private static List<Long> squeezed(INDArray a) {
        List<Long> out = new ArrayList<>();
        for (long d : a.shape()) {
            if (d != 1) {
                out.add(d);
            }
        }
        return out;
    }

    /** Null if equal within {@link #TOLERANCE}, else a description of the difference. */
    static String compare(INDArray got, INDArray expected) {
        if (!Arrays.equals(got.shape(), expected.shape())) {
            return "has shape " + Arrays.toString(got.shape()) + " in DL4J but " + Arrays.toString(expected.shape())
                    + " in the file after the layout transform";
        }
        float[] a = got.castTo(DataType.FLOAT).dup('c').data().asFloat();
        float[] b = expected.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int bad = 0;
        int first = -1;
        for (int i = 0; i < a.length; i++) {
            if (!close(a[i], b[i])) {
                bad++;
                if (first < 0) {
                    first = i;
                }
            }
        }
        if (bad == 0) {
            return null;
        }
        return "differs at " + bad + " of " + a.length + " values (first at flat index " + first + ": DL4J " + a[first]
                + ", file " + b[first] + ")";
    }

    private static boolean close(float a, float b) {
        if (Float.isNaN(a) || Float.isNaN(b)) {
            return Float.isNaN(a) && Float.isNaN(b);
        }
        return Math.abs(a - b) <= TOLERANCE * Math.max(1.0, Math.abs(b));
    }

    private static boolean sameValues(INDArray a, INDArray b) {
        return compare(a, b) == null;
    }

    /** Fallback: the sorted values of all DL4J parameters equal the sorted values of all Keras weights. */
    private static String multiset(ModelSpec.LayerSpec l, Map<String, INDArray> w, Map<String, INDArray> actual) {
        float[] file = sorted(w.values());
        float[] dl4j = sorted(actual.values());
        if (file.length != dl4j.length) {
            return where(l) + ": the file holds " + file.length + " weight values " + w.keySet() + ", DL4J " + dl4j.length
                    + " parameter values " + actual.keySet();
        }
        int bad = 0;
        for (int i = 0; i < file.length; i++) {
            if (!close(dl4j[i], file[i])) {
                bad++;
            }
        }
        return bad == 0 ? null : where(l) + ": the values of DL4J parameters " + actual.keySet() + " are not those of the file's"
                + " weights " + w.keySet() + " (" + bad + " of " + file.length + " sorted values differ)";
    }

    private static float[] sorted(java.util.Collection<INDArray> arrays) {
        int n = 0;
        for (INDArray a : arrays) {
            n += (int) a.length();
        }
        float[] out = new float[n];
        int at = 0;
        for (INDArray a : arrays) {
            float[] v = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        Arrays.sort(out);
        return out;
    }
}
