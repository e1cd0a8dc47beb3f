package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.easel.core.error.EaselException;

/**
 * The parts of a Keras model config Easel checks itself before DL4J sees it: model class, layers
 * (name, class, config) and declared input shapes.
 */
public record ModelSpec(String modelClass, List<LayerSpec> layers, List<List<Long>> inputShapes) {

    /**
     * One layer as written in the config; {@code config} is the layer's inner config object, {@code inbound}
     * the names of the layers feeding it (functional models; empty for Sequential ones).
     */
    public record LayerSpec(String name, String className, JsonNode config, List<String> inbound) {
        public LayerSpec(String name, String className, JsonNode config) {
            this(name, className, config, List.of());
        }
    }

    /** A layer DL4J cannot import, and what to do about it. */
    public record Unsupported(String name, String className, String hint) {
        @Override
        public String toString() {
            return name + " (" + className + "): " + hint;
        }
    }

    private static final Set<String> MODEL_CLASSES = Set.of("Sequential", "Model", "Functional");

    public static ModelSpec parse(JsonNode root, String source) {
        String cls = root.path("class_name").asText("");
        if (!MODEL_CLASSES.contains(cls)) {
            throw new EaselException(source + ": model class_name is '" + cls + "', expected Sequential, Model or Functional."
                    + " Only whole Keras models can be imported.");
        }
        JsonNode config = root.path("config");
        JsonNode layersNode = config.isArray() ? config : config.path("layers");
        if (!layersNode.isArray() || layersNode.isEmpty()) {
            throw new EaselException(source + ": the model config has no 'layers' list (corrupt or not a Keras model config).");
        }
        if (layersNode.size() > 100_000) {
            throw new EaselException(source + ": the model config lists " + layersNode.size() + " layers; refusing more than 100000.");
        }
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            JsonNode l = layersNode.get(i);
            String className = l.path("class_name").asText(null);
            JsonNode inner = l.path("config");
            String name = inner.path("name").asText(l.path("name").asText(null));
            if (className == null || name == null) {
                throw new EaselException(source + ": layer #" + i + " has no class_name or name (corrupt model config).");
            }
            layers.add(new LayerSpec(name, className, inner, inbound(l.path("inbound_nodes"))));
        }
        List<List<Long>> shapes = new ArrayList<>();
        if (cls.equals("Sequential")) {
            List<Long> s = shape(layers.get(0).config());
            if (s != null) {
                shapes.add(s);
            }
        } else {
            for (LayerSpec l : layers) {
                if (l.className().equals("InputLayer")) {
                    List<Long> s = shape(l.config());
                    if (s != null) {
                        shapes.add(s);
                    }
                }
            }
        }
        return new ModelSpec(cls, List.copyOf(layers), List.copyOf(shapes));
    }

    /** Layer names in Keras 2 inbound_nodes ({@code [[[name, node, tensor, {}], ...]]}). */
    private static List<String> inbound(JsonNode nodes) {
        List<String> out = new ArrayList<>();
        if (nodes.isArray()) {
            for (JsonNode node : nodes) {
                for (JsonNode entry : node) {
                    if (entry.isArray() && !entry.isEmpty() && entry.get(0).isTextual()) {
                        out.add(entry.get(0).asText());
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Declared input shape without the batch dimension (-1 for None), or null if not declared. */
    private static List<Long> shape(JsonNode layerConfig) {
        JsonNode b = layerConfig.path("batch_input_shape");
        if (!b.isArray()) {
            b = layerConfig.path("batch_shape");
        }
        if (b.isArray() && b.size() >= 2) {
            List<Long> out = new ArrayList<>();
            for (int i = 1; i < b.size(); i++) {
                out.add(b.get(i).isNull() ? -1L : b.get(i).asLong());
            }
            return out;
        }
        JsonNode dim = layerConfig.path("input_dim");
        return dim.isNumber() ? List.of(dim.asLong()) : null;
    }

    /** Every layer DL4J cannot import (wrappers are checked through to their inner layer). */
    public List<Unsupported> unsupported(Set<String> supported, Set<String> custom) {
        List<Unsupported> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            check(l.name(), l.className(), l.config(), supported, custom, out);
        }
        return out;
    }

    private static void check(String name, String cls, JsonNode config, Set<String> supported, Set<String> custom,
                              List<Unsupported> out) {
        if (custom.contains(cls)) {
            return;
        }
        if (!supported.contains(cls)) {
            out.add(new Unsupported(name, cls, SupportedLayers.hint(cls)));
            return;
        }
        if (cls.equals("TimeDistributed") || cls.equals("Bidirectional")) {
            JsonNode inner = config.path("layer");
            String innerCls = inner.path("class_name").asText("");
            if (cls.equals("Bidirectional") && !Set.of("LSTM", "SimpleRNN").contains(innerCls) && !custom.contains(innerCls)) {
                out.add(new Unsupported(name, cls + "(" + innerCls + ")", "DL4J imports Bidirectional only around LSTM or SimpleRNN"));
            } else if (!innerCls.isEmpty()) {
                check(name, innerCls, inner.path("config"), supported, custom, out);
            }
        }
    }
}
