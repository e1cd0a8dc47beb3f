package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reads a Keras 3 native {@code .keras} file (what {@code model.save("x.keras")} and R {@code keras3::save_model()}
 * write): a zip holding {@code config.json} (the model config, Keras 3 layout), {@code metadata.json}
 * ({@code keras_version}) and {@code model.weights.h5}. In the weights file every layer's variables sit at
 * {@code layers/<layer name>/vars/0, 1, ...} (nested layers one level deeper, e.g. an LSTM's
 * {@code layers/lstm/cell/vars/N}); they carry no names, so their names come from the layer class
 * ({@link #variableNames}). The weights file is extracted to a temporary file that is deleted again.
 */
public final class KerasArchive {
    /** Entries larger than this are refused (a zip bomb must not fill the disk). */
    static final long MAX_WEIGHTS_BYTES = 4L << 30;

    /** The parts of a .keras file the importer needs. */
    public record Contents(String configJson, String kerasVersion, Map<String, Map<String, INDArray>> weights) {
    }

    private KerasArchive() {
    }

    /** True when {@code file} starts with a zip signature (.keras files, DL4J zips). */
    public static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when {@code file} is a zip with a Keras 3 {@code config.json} and {@code model.weights.h5}. */
    public static boolean isKerasArchive(Path file) {
        if (!Files.isRegularFile(file) || !isZip(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("config.json") != null && zip.getEntry("model.weights.h5") != null;
        } catch (IOException e) {
            return false;
        }
    }

    public static Contents read(Path file) {
        return read(file, false);
    }

    /** Reads the archive as {@link #read} does, weights included, keeping nothing (the isolated reader's check). */
    static void probe(Path file) {
        read(file, true);
    }

    private static Contents read(Path file, boolean probeOnly) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry config = zip.getEntry("config.json");
            ZipEntry weights = zip.getEntry("model.weights.h5");
            if (config == null || weights == null) {
                throw new EaselException(file + " is a zip file but not a Keras 3 '.keras' model: it needs config.json and"
                        + " model.weights.h5 (found " + names(zip) + ").");
            }
            String configJson = text(zip, config, file);
            String version = null;
            ZipEntry metadata = zip.getEntry("metadata.json");
            if (metadata != null) {
                JsonNode meta = KerasJson.parse(text(zip, metadata, file), "metadata.json of " + file);
                version = meta.path("keras_version").asText(null);
            }
            Path tmp = Files.createTempFile("easel-keras-weights", ".h5");
            try {
                try (InputStream in = zip.getInputStream(weights)) {
                    long n = Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    if (n > MAX_WEIGHTS_BYTES) {
                        throw new EaselException(file + ": model.weights.h5 unpacks to " + n + " bytes, more than the limit.");
                    }
                }
                JsonNode root = KerasJson.parse(configJson, "config.json of " + file);
                ModelSpec spec = ModelSpec.parse(Keras3Translator.translate(root, new ArrayList<>()), "config.json of " + file);
                try (H5Reader r = new H5Reader(tmp)) {
                    return new Contents(configJson, version, weights(r, spec, file, probeOnly));
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (ZipException e) {
            throw new EaselException(file + " is not a readable zip file (" + e.getMessage() + "); a '.keras' file is a zip"
                    + " archive. Save or download it again.", e);
        } catch (IOException e) {
            throw new EaselException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every layer's variables, keyed like {@link KerasWeights#read} keys them (Keras 2 names), in config order.
     * Layers the config lists but the weights file lacks are left out (the shape check reports them).
     */
    static Map<String, Map<String, INDArray>> weights(H5Reader r, ModelSpec spec, Path file, boolean probeOnly) {
        Map<String, Map<String, INDArray>> out = new LinkedHashMap<>();
        Layout layout = Layout.of(r, file);
        Map<String, Integer> counters = new java.util.HashMap<>();
        for (ModelSpec.LayerSpec l : spec.layers()) {
            if (l.className().equals("InputLayer")) {
                continue;
            }
            // Keras 3 names a model's layers in the weights file by class, numbered in order
            // (conv2d, conv2d_1, ...), not by layer name; files whose layers kept default names agree.
            String snake = snakeCase(l.className());
            int n = counters.merge(snake, 1, Integer::sum) - 1;
            String group = layout.layer(n == 0 ? snake : snake + "_" + n);
            if (!r.exists(group)) {
                group = layout.layer(l.name());
            }
            if (!r.exists(group)) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            collectVars(r, layout, group, paths);
            if (paths.isEmpty()) {
                continue;
            }
            if (!knowsVariables(l.className())) {
                continue; // a class Easel cannot import: the unsupported-layer check names it with the others
            }
            List<String> names = variableNames(l, paths, file);
            Map<String, INDArray> w = new LinkedHashMap<>();
            for (int i = 0; i < paths.size(); i++) {
                if (probeOnly) {
                    r.probe(paths.get(i));
                } else {
                    w.put(names.get(i), r.readFloats(paths.get(i)));
                }
            }
            out.put(l.name(), w);
        }
        return out;
    }

    /**
     * Where layer groups are: {@code /layers/<name>/vars/N}, or (tf.keras 2.15 saving on Windows) root groups whose
     * names hold backslashes, {@code /layers\<name>/vars/N} and {@code /layers\<name>\<sub-layer>/vars/N}.
     */
    private record Layout(boolean backslashes, List<String> rootNames) {
        static Layout of(H5Reader r, Path file) {
            if (r.exists("/layers")) {
                return new Layout(false, List.of());
            }
            List<String> root = r.children("/");
            if (root.stream().anyMatch(c -> c.startsWith("layers\\"))) {
                return new Layout(true, root);
            }
            throw new EaselException(file + ": model.weights.h5 has no 'layers' group (found " + root + ").");
        }

        String layer(String name) {
            return backslashes ? "/layers\\" + name : "/layers/" + name;
        }

        /** Sub-groups of a layer group other than {@code vars}, as (name, path), in name order. */
        List<String[]> subGroups(H5Reader r, String group) {
            List<String[]> out = new ArrayList<>();
            if (backslashes) {
                String prefix = group.substring(1) + "\\";
                for (String c : rootNames) {
                    if (c.startsWith(prefix) && !c.substring(prefix.length()).contains("\\")) {
                        out.add(new String[] {c.substring(prefix.length()), "/" + c});
                    }
                }
            } else {
                for (String c : r.children(group)) {
                    if (!c.equals("vars") && r.isGroup(group + "/" + c)) {
                        out.add(new String[] {c, group + "/" + c});
                    }
                }
            }
            out.sort(Comparator.comparing(a -> a[0]));
            return out;
        }
    }

    /** Keras' {@code to_snake_case} of a class name: Conv2D → conv2d, MaxPooling2D → max_pooling2d, PReLU → p_re_lu. */
    static String snakeCase(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** Dataset paths of a layer's variables: {@code .../vars/0..n} in index order, sub-objects in name order. */
    private static void collectVars(H5Reader r, Layout layout, String group, List<String> out) {
        if (r.exists(group + "/vars")) {
            List<String> vars = new ArrayList<>(r.children(group + "/vars"));
            vars.sort(Comparator.comparingInt(KerasArchive::index));
            for (String v : vars) {
                out.add(group + "/vars/" + v);
            }
        }
        for (String[] sub : layout.subGroups(r, group)) {
            collectVars(r, layout, sub[1], out);
        }
    }

    private static int index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static final Set<String> KNOWN = Set.of("Dense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose",
            "Conv2DTranspose", "Conv3DTranspose", "LocallyConnected1D", "SeparableConv1D", "SeparableConv2D", "DepthwiseConv2D",
            "DepthwiseConv1D", "BatchNormalization", "LayerNormalization", "Embedding", "PReLU", "LSTM", "GRU", "SimpleRNN",
            "Bidirectional", "MultiHeadAttention", "Attention", "AdditiveAttention");

    static boolean knowsVariables(String className) {
        return KNOWN.contains(className);
    }

    /**
     * Names for a layer's unnamed variables, in Keras' creation order: the Keras 2 names, so DL4J and the
     * checks read them as they read a legacy .h5.
     */
    static List<String> variableNames(ModelSpec.LayerSpec l, List<String> paths, Path file) {
        JsonNode c = l.config();
        List<String> base = switch (l.className()) {
            case "Dense", "Conv1D", "Conv2D", "Conv3D", "Conv1DTranspose", "Conv2DTranspose", "Conv3DTranspose", "LocallyConnected1D" ->
                    c.path("use_bias").asBoolean(true) ? List.of("kernel", "bias") : List.of("kernel");
            case "SeparableConv1D", "SeparableConv2D" -> c.path("use_bias").asBoolean(true)
                    ? List.of("depthwise_kernel", "pointwise_kernel", "bias") : List.of("depthwise_kernel", "pointwise_kernel");
            case "DepthwiseConv2D", "DepthwiseConv1D" -> c.path("use_bias").asBoolean(true)
                    ? List.of("depthwise_kernel", "bias") : List.of("depthwise_kernel");
            case "BatchNormalization" -> batchNorm(c);
            case "LayerNormalization" -> {
                List<String> n = new ArrayList<>();
                if (c.path("scale").asBoolean(true)) {
                    n.add("gamma");
                }
                if (c.path("center").asBoolean(true)) {
                    n.add("beta");
                }
                yield n;
            }
            case "Embedding" -> List.of("embeddings");
            case "PReLU" -> List.of("alpha");
            case "LSTM", "GRU", "SimpleRNN" -> c.path("use_bias").asBoolean(true)
                    ? List.of("kernel", "recurrent_kernel", "bias") : List.of("kernel", "recurrent_kernel");
            case "Bidirectional" -> bidirectional(l, paths);
            case "MultiHeadAttention" -> multiHeadAttention(paths);
            case "Attention" -> {
                List<String> n = new ArrayList<>();
                if (c.path("use_scale").asBoolean(false)) {
                    n.add("scale");
                }
                if (c.path("score_mode").asText("dot").equals("concat")) {
                    n.add("concat_score_weight");
                }
                yield n;
            }
            case "AdditiveAttention" -> c.path("use_scale").asBoolean(true) ? List.of("scale") : List.of();
            default -> null;
        };
        if (base == null || base.size() != paths.size()) {
            throw new EaselException(file + ": layer '" + l.name() + "' (" + l.className() + ") has " + paths.size()
                    + " variables in model.weights.h5 (" + paths + ")" + (base == null ? ", and Easel does not know their names for this layer class."
                    : " but its config implies " + base + ".") + " The file is corrupt or the layer is not supported.");
        }
        return base;
    }

    /**
     * MultiHeadAttention keeps its four projections as sub-layers ({@code query_dense/vars/0} kernel,
     * {@code /vars/1} bias; tf.keras 2 spells them {@code _query_dense}); named like the legacy .h5 weights
     * ({@code query/kernel}, ..., {@code attention_output/bias}).
     */
    private static List<String> multiHeadAttention(List<String> paths) {
        Map<String, String> roles = Map.of("query_dense", "query", "key_dense", "key", "value_dense", "value",
                "output_dense", "attention_output");
        List<String> out = new ArrayList<>();
        for (String p : paths) {
            String[] parts = p.split("[/\\\\]");
            if (parts.length < 3 || !parts[parts.length - 2].equals("vars")) {
                return List.of();
            }
            String sub = parts[parts.length - 3].replaceFirst("^_", "");
            String role = roles.get(sub);
            String var = parts[parts.length - 1];
            if (role == null || !(var.equals("0") || var.equals("1"))) {
                return List.of();
            }
            out.add(role + "/" + (var.equals("0") ? "kernel" : "bias"));
        }
        return out;
    }

    private static List<String> batchNorm(JsonNode c) {
        List<String> n = new ArrayList<>();
        if (c.path("scale").asBoolean(true)) {
            n.add("gamma");
        }
        if (c.path("center").asBoolean(true)) {
            n.add("beta");
        }
        n.add("moving_mean");
        n.add("moving_variance");
        return n;
    }

    /** Bidirectional: {@code forward_layer/cell/vars} then {@code backward_layer/cell/vars}, named like Keras 2. */
    private static List<String> bidirectional(ModelSpec.LayerSpec l, List<String> paths) {
        JsonNode inner = l.config().path("layer");
        String innerName = inner.path("config").path("name").asText("rnn");
        boolean bias = inner.path("config").path("use_bias").asBoolean(true);
        List<String> out = new ArrayList<>();
        for (String dir : List.of("forward", "backward")) {
            for (String w : bias ? List.of("kernel", "recurrent_kernel", "bias") : List.of("kernel", "recurrent_kernel")) {
                out.add(dir + "_" + innerName + "/" + w);
            }
        }
        return out.size() == paths.size() ? out : List.of();
    }

    private static String text(ZipFile zip, ZipEntry e, Path file) throws IOException {
        if (e.getSize() > KerasJson.MAX_DOCUMENT) {
            throw new EaselException(file + ": " + e.getName() + " is " + e.getSize() + " bytes, more than the "
                    + (KerasJson.MAX_DOCUMENT >> 20) + " MiB limit.");
        }
        try (InputStream in = zip.getInputStream(e)) {
            byte[] b = in.readNBytes((int) KerasJson.MAX_DOCUMENT + 1);
            if (b.length > KerasJson.MAX_DOCUMENT) {
                throw new EaselException(file + ": " + e.getName() + " is larger than the " + (KerasJson.MAX_DOCUMENT >> 20) + " MiB limit.");
            }
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    private static String names(ZipFile zip) {
        List<String> n = new ArrayList<>();
        zip.stream().limit(10).forEach(e -> n.add(e.getName()));
        return n.toString();
    }
}
