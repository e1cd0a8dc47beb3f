package org.easel.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads the weights of a Keras .h5 file without building a model: both weights-only files
 * ({@code model.save_weights}, root attribute {@code layer_names}) and full-model files (weights under
 * {@code model_weights}). Used to check imports weight by weight and to load pretrained weights (e.g.
 * SqueezeNet) into architectures built in code.
 *
 * <p>Keys: layer name exactly as Keras wrote it (may contain '/', e.g. {@code fire2/squeeze1x1}); weight
 * name is the last path segment of Keras' weight name without the {@code :0} suffix ({@code kernel},
 * {@code bias}, {@code gamma}, {@code moving_mean}, ...; Keras 1's {@code dense_1_W} stays as written), qualified by the direction for Bidirectional
 * layers ({@code forward_lstm_1/kernel}) and, where short names repeat inside a layer, by their sub-layer
 * ({@code query/kernel} of MultiHeadAttention). Keras 3.11+ legacy files nest each layer's weights one group
 * deeper ({@code dense/<model>/dense/kernel}); the {@code weight_names} attribute gives the path either way. Arrays keep Keras' layout (Dense kernel
 * [in, out], Conv2D kernel [kh, kw, in, out]) as float32. Layers without weights are left out.
 */
public final class KerasWeights {
    private KerasWeights() {
    }

    public static Map<String, Map<String, INDArray>> read(Path h5) {
        try (H5Reader r = new H5Reader(h5)) {
            return read(r);
        }
    }

    static Map<String, Map<String, INDArray>> read(H5Reader r) {
        return read(r, false);
    }

    /**
     * As {@link #read(Path)}, with Keras 1 names shortened to what DL4J and the checks expect
     * ({@code dense_1_W} → {@code W}, {@code lstm_1_U_i} → {@code U_i}).
     */
    static Map<String, Map<String, INDArray>> readForImport(H5Reader r) {
        return read(r, true);
    }

    private static Map<String, Map<String, INDArray>> read(H5Reader r, boolean stripKeras1Prefix) {
        String root = weightsRoot(r);
        Map<String, Map<String, INDArray>> out = new LinkedHashMap<>();
        for (String layer : r.stringsAttribute(root, "layer_names")) {
            String group = join(root, layer);
            Map<String, INDArray> weights = new LinkedHashMap<>();
            List<String> names = weightNames(r, group);
            List<String> keys = keys(layer, names, stripKeras1Prefix);
            for (int i = 0; i < names.size(); i++) {
                String full = names.get(i);
                String path = join(group, full);
                if (!r.exists(path)) {
                    throw new EaselException(r.file() + ": layer '" + layer + "' lists weight '" + full
                            + "' in its weight_names attribute but there is no dataset " + path + " (corrupt file).");
                }
                weights.put(keys.get(i), r.readFloats(path));
            }
            if (!weights.isEmpty()) {
                out.put(layer, weights);
            }
        }
        return out;
    }

    /** Reads every weight dataset as {@link #read} does, keeping nothing (the isolated reader's check). */
    static void probe(H5Reader r) {
        String root = weightsRoot(r);
        for (String layer : r.stringsAttribute(root, "layer_names")) {
            String group = join(root, layer);
            for (String full : weightNames(r, group)) {
                String path = join(group, full);
                if (!r.exists(path)) {
                    throw new EaselException(r.file() + ": layer '" + layer + "' lists weight '" + full
                            + "' in its weight_names attribute but there is no dataset " + path + " (corrupt file).");
                }
                r.probe(path);
            }
        }
    }

    /** The shapes of every layer's weights, without reading any data. */
    static Map<String, Map<String, long[]>> shapes(H5Reader r) {
        String root = weightsRoot(r);
        Map<String, Map<String, long[]>> out = new LinkedHashMap<>();
        for (String layer : r.stringsAttribute(root, "layer_names")) {
            String group = join(root, layer);
            Map<String, long[]> weights = new LinkedHashMap<>();
            List<String> names = weightNames(r, group);
            List<String> keys = keys(layer, names, false);
            for (int i = 0; i < names.size(); i++) {
                String path = join(group, names.get(i));
                if (!r.exists(path)) {
                    throw new EaselException(r.file() + ": layer '" + layer + "' lists weight '" + names.get(i)
                            + "' but there is no dataset " + path + " (corrupt file).");
                }
                weights.put(keys.get(i), r.shape(path));
            }
            out.put(layer, weights);
        }
        return out;
    }

    static String weightsRoot(H5Reader r) {
        if (r.hasAttribute("/", "layer_names")) {
            return "/";
        }
        if (r.exists("/model_weights") && r.hasAttribute("/model_weights", "layer_names")) {
            return "/model_weights";
        }
        throw new EaselException(r.file() + " holds no Keras weights: neither a root 'layer_names' attribute (save_weights file)"
                + " nor a 'model_weights' group with one (model.save file). Found top-level entries " + r.children("/") + ".");
    }

    private static List<String> weightNames(H5Reader r, String group) {
        if (!r.exists(group)) {
            throw new EaselException(r.file() + ": layer_names lists '" + group + "' but the file has no such group (corrupt file).");
        }
        return r.stringsAttribute(group, "weight_names");
    }

    /**
     * Keys of one layer's weights. Where short names repeat inside a layer (MultiHeadAttention has four
     * {@code kernel}s: {@code query/kernel}, {@code key/kernel}, ...), the repeated ones keep the sub-layer
     * they belong to ({@code query/kernel}); otherwise they would overwrite each other.
     */
    static List<String> keys(String layer, List<String> names, boolean stripKeras1Prefix) {
        List<String> keys = new ArrayList<>();
        for (String full : names) {
            keys.add(stripKeras1Prefix ? key(layer, full) : key(full));
        }
        for (int i = 0; i < keys.size(); i++) {
            if (Collections.frequency(keys, keys.get(i)) > 1) {
                for (int j = 0; j < keys.size(); j++) {
                    if (j != i && keys.get(j).equals(keys.get(i))) {
                        keys.set(j, qualified(names.get(j)));
                    }
                }
                keys.set(i, qualified(names.get(i)));
            }
        }
        return keys;
    }

    /** {@code model/mha/query/kernel:0} -> {@code query/kernel}. */
    private static String qualified(String full) {
        String[] parts = full.split("/");
        return parts.length < 2 ? shortName(full) : parts[parts.length - 2] + "/" + shortName(full);
    }

    /**
     * The key of a weight in {@link #read}'s maps: its short name, qualified by the wrapped layer for the two
     * directions of a Bidirectional layer ({@code forward_lstm_1/kernel}), whose short names repeat.
     */
    static String key(String layer, String full) {
        if (!full.contains("/") && full.startsWith(layer + "_") && full.length() > layer.length() + 1) {
            return shortName(full.substring(layer.length() + 1)); // Keras 1: dense_1_W, lstm_1_U_i
        }
        return key(full);
    }

    static String key(String full) {
        String[] parts = full.split("/");
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].startsWith("forward_") || parts[i].startsWith("backward_")) {
                return parts[i] + "/" + shortName(full);
            }
        }
        return shortName(full);
    }

    static String shortName(String full) {
        String s = full.substring(full.lastIndexOf('/') + 1);
        return s.endsWith(":0") ? s.substring(0, s.length() - 2) : s;
    }

    static String join(String group, String child) {
        return group.endsWith("/") ? group + child : group + "/" + child;
    }
}
