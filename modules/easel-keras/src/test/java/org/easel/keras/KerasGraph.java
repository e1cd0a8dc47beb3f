package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test helper: one functional Keras model described once and written as Keras 2 JSON ({@code model.to_json()} /
 * legacy {@code model_config}, call keywords in the entry dict) or Keras 3 JSON ({@code config.json} of a
 * .keras file: module/registered_name, batch_shape, inbound nodes as {@code {"args": [...], "kwargs": {...}}}).
 */
final class KerasGraph {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private record Layer(String cls, String name, ObjectNode config, List<String> args, Map<String, Object> kwargs) {
    }

    private final List<Layer> layers = new ArrayList<>();
    private final List<String> inputs = new ArrayList<>();
    private final List<String> outputs = new ArrayList<>();
    private final Map<String, List<Integer>> shapes = new LinkedHashMap<>();

    /** An input of shape [None] + dims. */
    KerasGraph input(String name, Integer... dims) {
        ObjectNode c = F.objectNode();
        c.put("name", name).put("dtype", "float32").put("sparse", false);
        layers.add(new Layer("InputLayer", name, c, List.of(), Map.of()));
        inputs.add(name);
        shapes.put(name, List.of(dims));
        return this;
    }

    /** A layer called on positional inputs; {@code config} holds the layer's own keys as JSON (no name). */
    KerasGraph layer(String cls, String name, String config, String... args) {
        return call(cls, name, config, List.of(args), Map.of());
    }

    /** A layer call with keywords: String values name input layers (tensors), other values are written as they are. */
    KerasGraph call(String cls, String name, String config, List<String> args, Map<String, Object> kwargs) {
        ObjectNode c = (ObjectNode) KerasJson.parse(config, "test config");
        c.put("name", name);
        c.put("trainable", true);
        layers.add(new Layer(cls, name, c, args, new LinkedHashMap<>(kwargs)));
        return this;
    }

    KerasGraph outputs(String... names) {
        outputs.addAll(List.of(names));
        return this;
    }

    /** Keras 2 layout ({@code "class_name": "Model"}). */
    String keras2() {
        ArrayNode list = F.arrayNode();
        for (Layer l : layers) {
            ObjectNode n = F.objectNode();
            n.put("name", l.name()).put("class_name", l.cls());
            ObjectNode c = l.config().deepCopy();
            if (l.cls().equals("InputLayer")) {
                c.set("batch_input_shape", batchShape(shapes.get(l.name())));
            } else {
                c.put("dtype", "float32");
            }
            n.set("config", c);
            ArrayNode nodes = n.putArray("inbound_nodes");
            if (!l.args().isEmpty()) {
                ArrayNode node = nodes.addArray();
                for (int i = 0; i < l.args().size(); i++) {
                    ArrayNode e = node.addArray().add(l.args().get(i)).add(0).add(0);
                    ObjectNode kw = e.addObject();
                    if (i == 0) {
                        l.kwargs().forEach((k, v) -> kw.set(k, v instanceof String s ? ref(s) : F.pojoNode(v)));
                    }
                }
            }
            list.add(n);
        }
        ObjectNode root = F.objectNode();
        root.put("class_name", "Model");
        ObjectNode cfg = root.putObject("config");
        cfg.put("name", "model");
        cfg.set("layers", list);
        cfg.set("input_layers", refs(inputs));
        cfg.set("output_layers", refs(outputs));
        root.put("keras_version", "2.15.0").put("backend", "tensorflow");
        return KerasJson.write(root);
    }

    /** Keras 3 layout ({@code "class_name": "Functional"}, as in a .keras config.json). */
    String keras3() {
        ArrayNode list = F.arrayNode();
        for (Layer l : layers) {
            ObjectNode n = F.objectNode();
            n.put("module", "keras.layers").put("class_name", l.cls());
            ObjectNode c = l.config().deepCopy();
            if (l.cls().equals("InputLayer")) {
                c.set("batch_shape", batchShape(shapes.get(l.name())));
            } else {
                ObjectNode dtype = c.putObject("dtype");
                dtype.put("module", "keras").put("class_name", "DTypePolicy").putNull("registered_name");
                dtype.putObject("config").put("name", "float32");
            }
            n.set("config", c);
            n.putNull("registered_name");
            n.put("name", l.name());
            ArrayNode nodes = n.putArray("inbound_nodes");
            if (!l.args().isEmpty() || !l.kwargs().isEmpty()) {
                ObjectNode node = nodes.addObject();
                ArrayNode args = node.putArray("args");
                for (String a : l.args()) {
                    args.add(tensor(a));
                }
                ObjectNode kw = node.putObject("kwargs");
                l.kwargs().forEach((k, v) -> kw.set(k, v instanceof String s ? tensor(s) : F.pojoNode(v)));
            }
            list.add(n);
        }
        ObjectNode root = F.objectNode();
        root.put("module", "keras.src.models.functional").put("class_name", "Functional").put("registered_name", "Functional");
        ObjectNode cfg = root.putObject("config");
        cfg.put("name", "functional").put("trainable", true);
        cfg.set("layers", list);
        cfg.set("input_layers", refs(inputs));
        cfg.set("output_layers", refs(outputs));
        return KerasJson.write(root);
    }

    private static ArrayNode batchShape(List<Integer> dims) {
        ArrayNode a = F.arrayNode().addNull();
        dims.forEach(d -> {
            if (d == null) {
                a.addNull();
            } else {
                a.add(d);
            }
        });
        return a;
    }

    private static ArrayNode ref(String name) {
        return F.arrayNode().add(name).add(0).add(0);
    }

    private static ArrayNode refs(List<String> names) {
        ArrayNode a = F.arrayNode();
        names.forEach(n -> a.add(ref(n)));
        return a;
    }

    private static JsonNode tensor(String name) {
        ObjectNode t = F.objectNode();
        t.put("class_name", "__keras_tensor__");
        ObjectNode c = t.putObject("config");
        c.put("dtype", "float32");
        c.set("keras_history", ref(name));
        return t;
    }
}
