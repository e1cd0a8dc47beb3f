package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.easel.keras.layers.DilatedConv1DLayer;
import org.easel.keras.layers.DotAttentionVertex;
import org.easel.keras.layers.EaselKeys;
import org.easel.keras.layers.KerasDilatedConv1D;
import org.easel.keras.layers.KerasDotAttention;
import org.easel.keras.layers.KerasFeatureAxisPooling;
import org.easel.keras.layers.KerasGlobalPooling1D;
import org.easel.keras.layers.KerasLayerNormalization;
import org.easel.keras.layers.KerasMultiHeadAttention;
import org.easel.keras.layers.KerasPermuteLayer;
import org.easel.keras.layers.KerasReshapeWithWildcard;
import org.easel.keras.layers.KerasSequenceDense;
import org.easel.keras.layers.LayerNormalizationLayer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras layers Easel maps itself instead of (or in addition to) DL4J 1.0.0-M2.1, and the config rewrites
 * that route them there. DL4J looks up built-in class names before custom ones, so a replaced layer's
 * {@code class_name} is renamed ({@code Permute} → {@code EaselPermute}) and the mapping registered under
 * the new name for the duration of one import.
 *
 * <p>Easel's own layers: Permute (exact for every axis order), LayerNormalization, MultiHeadAttention,
 * Attention and AdditiveAttention (SameDiff layer and vertices in {@code org.easel.keras.layers}). Their
 * weights are left out of the file DL4J reads and copied by {@link #copyWeights} (DL4J's copy matches
 * weights by short name, which repeats inside MultiHeadAttention: four kernels, four biases).
 *
 * <p>Conv1D with a dilation goes through {@code DilatedConv1DLayer} (weights copied by Easel, as for attention).
 * Dense layers go through {@code KerasSequenceDense} (Dense on a sequence stays a sequence, as in Keras), and
 * channels_first global 1D pooling through {@code FeatureAxisPooling}.
 *
 * <p>Also rewritten: tf.keras {@code TFOpLambda} layers for {@code x + y}, {@code x - y}, {@code x * y} of two
 * tensors (what {@code x + inputs} becomes in tf.keras 2) are Add/Subtract/Multiply merges.
 */
final class EaselLayers {
    /** Keras class names Easel imports that DL4J alone cannot. */
    static final Set<String> CLASS_NAMES = Set.of("LayerNormalization", "MultiHeadAttention", "Attention", "AdditiveAttention");

    private static final Set<String> ATTENTION = Set.of("MultiHeadAttention", "Attention", "AdditiveAttention");
    private static final Map<String, String> RENAMED = Map.of("Permute", "EaselPermute",
            "LayerNormalization", "EaselLayerNormalization", "MultiHeadAttention", "EaselMultiHeadAttention",
            "Attention", "EaselAttention", "AdditiveAttention", "EaselAdditiveAttention", "Dense", "EaselDense");
    /** channels_first global 1D pooling (pools the feature axis of a sequence), which DL4J pools over time. */
    private static final Map<String, String> FEATURE_AXIS_POOLING = Map.of("GlobalAveragePooling1D", "EaselGlobalAveragePooling1D",
            "GlobalMaxPooling1D", "EaselGlobalMaxPooling1D");
    /** channels_last global 1D pooling: DL4J's mapping with its output type corrected. */
    private static final String GLOBAL_POOLING_1D = "EaselGlobalPooling1D";
    /** Reshape with a -1 in its target shape (DL4J passes the -1 on and refuses the data). */
    private static final String RESHAPE_WILDCARD = "EaselReshape";
    /** Conv1D with dilation above 1. */
    private static final String DILATED_CONV_1D = "EaselDilatedConv1D";
    /** TFOpLambda functions of two tensors that are Keras merge layers. */
    private static final Map<String, String> TF_BINARY_OPS = Map.of("__operators__.add", "Add", "math.add", "Add",
            "math.subtract", "Subtract", "math.multiply", "Multiply");
    /** Config key of a reason the call of an attention layer cannot be imported (listed with unsupported layers). */
    private static final String REFUSED = "easel_refused";
    /** Keras MultiHeadAttention weight name -> parameter of {@code MultiHeadAttentionVertex}. */
    private static final Map<String, String> MHA_PARAMS = Map.of("query/kernel", "query_kernel", "query/bias", "query_bias",
            "key/kernel", "key_kernel", "key/bias", "key_bias", "value/kernel", "value_kernel", "value/bias", "value_bias",
            "attention_output/kernel", "output_kernel", "attention_output/bias", "output_bias");

    private EaselLayers() {
    }

    static void register() {
        KerasLayer.registerCustomLayer(RENAMED.get("Permute"), KerasPermuteLayer.class);
        KerasLayer.registerCustomLayer(RENAMED.get("LayerNormalization"), KerasLayerNormalization.class);
        KerasLayer.registerCustomLayer(RENAMED.get("MultiHeadAttention"), KerasMultiHeadAttention.class);
        KerasLayer.registerCustomLayer(RENAMED.get("Attention"), KerasDotAttention.class);
        KerasLayer.registerCustomLayer(RENAMED.get("AdditiveAttention"), KerasDotAttention.class);
        KerasLayer.registerCustomLayer(RENAMED.get("Dense"), KerasSequenceDense.class);
        FEATURE_AXIS_POOLING.values().forEach(n -> KerasLayer.registerCustomLayer(n, KerasFeatureAxisPooling.class));
        KerasLayer.registerCustomLayer(GLOBAL_POOLING_1D, KerasGlobalPooling1D.class);
        KerasLayer.registerCustomLayer(RESHAPE_WILDCARD, KerasReshapeWithWildcard.class);
        KerasLayer.registerCustomLayer(DILATED_CONV_1D, KerasDilatedConv1D.class);
    }

    /** True when Easel, not DL4J, copies this layer's weights. */
    static boolean ownsWeights(ModelSpec.LayerSpec l) {
        return CLASS_NAMES.contains(l.className()) || dilatedConv1D(l.className(), l.config());
    }

    /** Conv1D with dilation above 1: DL4J M2.1's Convolution1DLayer cannot run it, Easel's DilatedConv1DLayer does. */
    static boolean dilatedConv1D(String cls, JsonNode c) {
        return cls.equals("Conv1D") && first(c.path("dilation_rate"), 1) > 1;
    }

    // ------------------------------------------------------------------ calls (before the config is parsed)

    /**
     * Rewrites how layers are called (Keras 2 layout config, in place), before {@link ModelSpec} reads it:
     * tf.keras binary TFOpLambda ops become merges; attention layers get one inbound entry per distinct input
     * tensor and their query/value/key roles and causal flag in the config.
     */
    static void normaliseCalls(ObjectNode config, List<String> warnings) {
        ArrayNode layers = layers(config);
        if (layers == null) {
            return;
        }
        List<String> merged = new ArrayList<>();
        for (JsonNode n : layers) {
            if (!(n instanceof ObjectNode layer) || !(layer.get("config") instanceof ObjectNode c)) {
                continue;
            }
            String cls = layer.path("class_name").asText();
            if (cls.equals("TFOpLambda") && tfBinaryOp(layer, c)) {
                merged.add(c.path("name").asText());
            } else if (ATTENTION.contains(cls)) {
                attentionCall(layer, c, cls);
            }
        }
        if (!merged.isEmpty()) {
            warnings.add("tf.keras TFOpLambda layers " + merged + " (x + y and the like on two tensors) imported as merge layers");
        }
    }

    private static boolean tfBinaryOp(ObjectNode layer, ObjectNode c) {
        String merge = TF_BINARY_OPS.get(c.path("function").asText());
        JsonNode nodes = layer.path("inbound_nodes");
        if (merge == null || nodes.size() != 1) {
            return false;
        }
        List<ArrayNode> entries = entries(nodes.get(0));
        if (entries.size() != 1) {
            return false;
        }
        ArrayNode x = entries.get(0);
        JsonNode y = x.size() > 3 ? x.get(3).path("y") : null;
        if (y == null || !isTensorRef(y)) {
            return false; // a constant operand: stays TFOpLambda, which is refused with a hint
        }
        layer.put("class_name", merge);
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        node.add(ref(x.get(0).asText(), x.get(1).asInt(), x.get(2).asInt()));
        node.add(ref(y.get(0).asText(), y.get(1).asInt(), y.get(2).asInt()));
        ArrayNode nodesOut = JsonNodeFactory.instance.arrayNode();
        nodesOut.add(node);
        layer.set("inbound_nodes", nodesOut);
        c.remove("function");
        return true;
    }

    /** Works out query, value and key of an attention layer's (single) call. */
    private static void attentionCall(ObjectNode layer, ObjectNode c, String cls) {
        JsonNode nodes = layer.path("inbound_nodes");
        if (nodes.size() != 1) {
            c.put(REFUSED, nodes.isEmpty() ? "not called on any input" : "called " + nodes.size()
                    + " times (a shared layer); Easel imports each attention layer called once");
            return;
        }
        List<ArrayNode> entries = entries(nodes.get(0));
        JsonNode kwargs = !entries.isEmpty() && entries.get(0).size() > 3 ? entries.get(0).get(3) : JsonNodeFactory.instance.objectNode();
        List<String> positional = new ArrayList<>();
        entries.forEach(e -> positional.add(e.get(0).asText()));
        for (String mask : List.of("attention_mask", "query_mask", "value_mask", "key_mask")) {
            if (kwargs.hasNonNull(mask)) {
                c.put(REFUSED, "is called with an explicit " + mask + ", which Easel does not import");
                return;
            }
        }
        if (kwargs.path("mask").isArray() && hasTensor(kwargs.path("mask"))) {
            c.put(REFUSED, "is called with explicit masks, which Easel does not import");
            return;
        }
        if (kwargs.path("return_attention_scores").asBoolean(false)) {
            c.put(REFUSED, "returns its attention scores as a second output, which Easel does not import");
            return;
        }
        String query;
        String value;
        String key;
        if (cls.equals("MultiHeadAttention")) {
            query = kwargs.has("query") ? refName(kwargs.get("query")) : at(positional, 0);
            value = kwargs.has("value") ? refName(kwargs.get("value")) : at(positional, 1);
            key = kwargs.has("key") && !kwargs.get("key").isNull() ? refName(kwargs.get("key")) : at(positional, 2);
        } else {
            List<String> inputs = positional;
            if (kwargs.path("inputs").isArray()) {
                inputs = new ArrayList<>();
                for (JsonNode r : kwargs.get("inputs")) {
                    inputs.add(refName(r));
                }
            }
            query = at(inputs, 0);
            value = at(inputs, 1);
            key = at(inputs, 2);
        }
        if (key == null) {
            key = value;
        }
        if (query == null || value == null) {
            c.put(REFUSED, "has no query and value inputs in its call " + nodes.get(0));
            return;
        }
        List<String> distinct = new ArrayList<>();
        ArrayNode roles = JsonNodeFactory.instance.arrayNode();
        for (String t : List.of(query, value, key)) {
            if (!distinct.contains(t)) {
                distinct.add(t);
            }
            roles.add(distinct.indexOf(t));
        }
        c.set(EaselKeys.ROLES, roles);
        c.put(EaselKeys.CAUSAL, kwargs.path("use_causal_mask").asBoolean(false) || c.path("causal").asBoolean(false));
        ArrayNode node = JsonNodeFactory.instance.arrayNode();
        for (String t : distinct) {
            node.add(ref(t, 0, 0));
        }
        ArrayNode nodesOut = JsonNodeFactory.instance.arrayNode();
        nodesOut.add(node);
        layer.set("inbound_nodes", nodesOut);
    }

    // ------------------------------------------------------------------ options Easel cannot reproduce

    /** Layers whose options (or call) Easel's mappings cannot reproduce; listed together with unsupported classes. */
    static List<ModelSpec.Unsupported> unsupportedOptions(ModelSpec spec) {
        List<ModelSpec.Unsupported> out = new ArrayList<>();
        String maskSource = null;
        for (ModelSpec.LayerSpec l : spec.layers()) {
            if ((l.className().equals("Embedding") && l.config().path("mask_zero").asBoolean(false)) || l.className().equals("Masking")) {
                maskSource = l.name();
            }
        }
        for (ModelSpec.LayerSpec l : spec.layers()) {
            JsonNode c = l.config();
            String why = null;
            if (c.hasNonNull(REFUSED)) {
                why = c.get(REFUSED).asText();
            } else if (l.className().equals("LayerNormalization")) {
                JsonNode axis = c.path("axis");
                if (c.path("rms_scaling").asBoolean(false)) {
                    why = "rms_scaling=True is not imported (its formula changed between Keras 3 versions)";
                } else if (axis.isArray() && axis.size() != 1) {
                    why = "normalises over axes " + axis + "; Easel imports LayerNormalization over the last axis only";
                }
            } else if (l.className().equals("MultiHeadAttention")) {
                JsonNode axes = c.path("attention_axes");
                boolean timeAxis = axes.isNull() || axes.isMissingNode()
                        || (axes.isArray() && axes.size() == 1 && (axes.get(0).asInt() == 1 || axes.get(0).asInt() == -2))
                        || (axes.isInt() && (axes.asInt() == 1 || axes.asInt() == -2));
                if (!timeAxis) {
                    why = "attention_axes=" + axes + "; Easel imports attention over the time axis of [batch, time, features]";
                }
            } else if (FEATURE_AXIS_POOLING.containsKey(l.className()) && "channels_first".equals(c.path("data_format").asText())
                    && c.path("keepdims").asBoolean(false)) {
                why = "data_format=channels_first with keepdims=True is not imported";
            } else if (l.className().equals("Attention")) {
                String mode = c.path("score_mode").asText("dot");
                if (!mode.equals("dot") && !mode.equals("concat")) {
                    why = "score_mode '" + mode + "' is not a Keras mode Easel knows (dot, concat)";
                }
            }
            if (why == null && ATTENTION.contains(l.className()) && maskSource != null) {
                why = "the model carries a Keras mask (from '" + maskSource + "': Embedding(mask_zero=True) or Masking) that"
                        + " attention would apply; Easel does not reproduce masked attention";
            }
            if (why != null) {
                out.add(new ModelSpec.Unsupported(l.name(), l.className(), why));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ rewrites before DL4J builds

    /** Rewrites the (Keras 2 layout) config in place; sizes of Easel's layers come from the file's weights. */
    static void rewrite(ObjectNode config, int kerasMajor, List<String> warnings, Map<String, Map<String, INDArray>> weights) {
        ArrayNode list = layers(config);
        if (list == null) {
            return;
        }
        String dimOrdering = null;
        List<String> flattens = new ArrayList<>();
        for (JsonNode n : list) {
            if (!(n instanceof ObjectNode layer)) {
                continue;
            }
            String cls = layer.path("class_name").asText();
            JsonNode inner = layer.get("config");
            if (RENAMED.containsKey(cls) && inner instanceof ObjectNode ic && !(cls.equals("Dense") && kerasMajor == 1)) {
                sizes(cls, ic, weights.getOrDefault(ic.path("name").asText(), Map.of()));
                layer.put("class_name", RENAMED.get(cls));
            }
            if (cls.equals("Reshape") && kerasMajor >= 2 && inner instanceof ObjectNode ic && hasWildcard(ic.path("target_shape"))) {
                layer.put("class_name", RESHAPE_WILDCARD);
                ic.put(KerasGlobalPooling1D.KERAS_CLASS, cls);
            }
            if (kerasMajor >= 2 && inner instanceof ObjectNode ic && dilatedConv1D(cls, ic)) {
                layer.put("class_name", DILATED_CONV_1D);
            }
            if (FEATURE_AXIS_POOLING.containsKey(cls) && inner instanceof ObjectNode ic) {
                boolean channelsFirst = "channels_first".equals(ic.path("data_format").asText());
                layer.put("class_name", channelsFirst ? FEATURE_AXIS_POOLING.get(cls) : GLOBAL_POOLING_1D);
                ic.put(KerasGlobalPooling1D.KERAS_CLASS, cls);
            }
            if (kerasMajor == 1 && inner instanceof ObjectNode ic) {
                // Keras 1 writes dim_ordering on convolution and pooling layers but not on Flatten; DL4J then
                // flattens as if the data were NCHW ("th") even after "tf" convolutions that give NHWC.
                if (ic.has("dim_ordering")) {
                    dimOrdering = ic.get("dim_ordering").asText();
                } else if (dimOrdering != null && (cls.equals("Flatten") || cls.equals("Reshape"))) {
                    ic.put("dim_ordering", dimOrdering);
                    flattens.add(layer.path("config").path("name").asText(cls));
                }
            }
        }
        if (!flattens.isEmpty()) {
            warnings.add("Keras 1: " + flattens + " take the dim_ordering '" + dimOrdering + "' of the layers before them");
        }
    }

    private static int first(JsonNode n, int orElse) {
        JsonNode v = n.isArray() && !n.isEmpty() ? n.get(0) : n;
        return v.isNumber() ? v.asInt() : orElse;
    }

    private static boolean hasWildcard(JsonNode targetShape) {
        for (JsonNode d : targetShape) {
            if (d.asLong() < 0) {
                return true;
            }
        }
        return false;
    }

    private static void sizes(String cls, ObjectNode c, Map<String, INDArray> w) {
        switch (cls) {
            case "LayerNormalization" -> {
                INDArray g = w.containsKey("gamma") ? w.get("gamma") : w.get("beta");
                if (g != null) {
                    c.put(EaselKeys.FEATURES, g.length());
                }
            }
            case "MultiHeadAttention" -> {
                INDArray q = w.get("query/kernel");
                INDArray k = w.get("key/kernel");
                INDArray v = w.get("value/kernel");
                INDArray o = w.get("attention_output/kernel");
                if (q != null && k != null && v != null && o != null && q.rank() == 3 && k.rank() == 3 && v.rank() == 3 && o.rank() == 3) {
                    c.put(EaselKeys.QUERY_FEATURES, q.size(0));
                    c.put(EaselKeys.KEY_FEATURES, k.size(0));
                    c.put(EaselKeys.VALUE_FEATURES, v.size(0));
                    c.put(EaselKeys.KEY_DIM, q.size(2));
                    c.put(EaselKeys.VALUE_DIM, v.size(2));
                    c.put(EaselKeys.OUTPUT_FEATURES, o.size(2));
                }
            }
            case "AdditiveAttention" -> {
                if (w.containsKey("scale")) {
                    c.put(EaselKeys.DIM, w.get("scale").length());
                }
            }
            default -> {
                // Permute, Attention: nothing from the weights
            }
        }
    }

    // ------------------------------------------------------------------ weights

    /** The DL4J parameter each of the file's weights goes to, for Easel's own layers (null for other layers). */
    static Map<String, String> parameterNames(ModelSpec.LayerSpec l, Map<String, INDArray> w) {
        Map<String, String> out = new LinkedHashMap<>();
        if (dilatedConv1D(l.className(), l.config())) {
            w.keySet().forEach(k -> out.put(k, k.equals("kernel") ? DilatedConv1DLayer.KERNEL : k.equals("bias") ? DilatedConv1DLayer.BIAS
                    : "(unknown weight)"));
            return out;
        }
        switch (l.className()) {
            case "LayerNormalization" -> {
                for (String k : List.of("gamma", "beta")) {
                    if (w.containsKey(k)) {
                        out.put(k, k.equals("gamma") ? LayerNormalizationLayer.GAMMA : LayerNormalizationLayer.BETA);
                    }
                }
            }
            case "MultiHeadAttention" -> w.keySet().forEach(k -> out.put(k, MHA_PARAMS.getOrDefault(k, "(unknown weight)")));
            case "Attention", "AdditiveAttention" -> w.keySet().forEach(k -> out.put(k,
                    k.equals("scale") ? DotAttentionVertex.SCALE : k.equals("concat_score_weight") ? DotAttentionVertex.CONCAT_WEIGHT : "(unknown weight)"));
            default -> {
                return null;
            }
        }
        return out;
    }

    /**
     * Copies the weights of Easel's own layers into the built network (Keras shapes are kept, so this is a plain
     * copy); a weight without a matching parameter is left for {@link WeightValues#check} to report.
     */
    static void copyWeights(Model network, ModelSpec spec, Map<String, Map<String, INDArray>> weights) {
        for (ModelSpec.LayerSpec l : spec.layers()) {
            Map<String, INDArray> w = weights.get(l.name());
            Map<String, String> names = w == null ? null : parameterNames(l, w);
            Map<String, INDArray> params = names == null ? null : WeightValues.paramTable(network, l.name());
            if (params == null) {
                continue;
            }
            names.forEach((keras, param) -> {
                INDArray target = params.get(param);
                INDArray value = w.get(keras);
                if (target != null && target.length() == value.length()) {
                    target.assign(value.castTo(target.dataType()).reshape(target.shape()));
                }
            });
        }
    }

    // ------------------------------------------------------------------ JSON helpers

    private static ArrayNode layers(ObjectNode config) {
        JsonNode c = config.get("config");
        JsonNode layers = c != null && c.isArray() ? c : c == null ? null : c.get("layers");
        return layers instanceof ArrayNode a ? a : null;
    }

    /** The entries of one inbound node; tf.keras writes a TFOpLambda node as a single entry without the outer list. */
    static List<ArrayNode> entries(JsonNode node) {
        List<ArrayNode> out = new ArrayList<>();
        if (node instanceof ArrayNode a && !a.isEmpty() && a.get(0).isTextual()) {
            out.add(a);
        } else if (node instanceof ArrayNode a) {
            for (JsonNode e : a) {
                if (e instanceof ArrayNode entry && !entry.isEmpty() && entry.get(0).isTextual()) {
                    out.add(entry);
                }
            }
        }
        return out;
    }

    private static boolean isTensorRef(JsonNode n) {
        return n.isArray() && n.size() >= 3 && n.get(0).isTextual() && n.get(1).isInt() && n.get(2).isInt();
    }

    private static boolean hasTensor(JsonNode n) {
        if (isTensorRef(n)) {
            return true;
        }
        for (JsonNode c : n) {
            if (hasTensor(c)) {
                return true;
            }
        }
        return false;
    }

    private static String refName(JsonNode n) {
        return isTensorRef(n) ? n.get(0).asText() : null;
    }

    private static String at(List<String> l, int i) {
        return i < l.size() ? l.get(i) : null;
    }

    private static ArrayNode ref(String name, int node, int tensor) {
        ArrayNode e = JsonNodeFactory.instance.arrayNode();
        e.add(name).add(node).add(tensor).add(JsonNodeFactory.instance.objectNode());
        return e;
    }
}
