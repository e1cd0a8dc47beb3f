package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a Keras 3 model config (as stored in the legacy .h5 format by Keras 3.x) into the Keras 2
 * layout DL4J understands. Differences handled:
 * <ul>
 *   <li>every serialised object carries {@code module} and {@code registered_name}: dropped;</li>
 *   <li>{@code batch_shape} replaces {@code batch_input_shape};</li>
 *   <li>{@code dtype} is a DTypePolicy object instead of a string: replaced by its policy name;</li>
 *   <li>{@code inbound_nodes} hold {@code {"args": [keras tensors], "kwargs": {}}} with
 *       {@code keras_history = [layer, node, tensor]}: converted to Keras 2 {@code [[[layer, node, tensor, {}]]]};</li>
 *   <li>{@code input_layers}/{@code output_layers} may be a single flat triple: wrapped in a list;</li>
 *   <li>{@code build_config}/{@code compile_config} are dropped.</li>
 * </ul>
 */
public final class Keras3Translator {
    private Keras3Translator() {
    }

    /** True if the config uses the Keras 3 layout. */
    public static boolean isKeras3(JsonNode root, String kerasVersion) {
        if (kerasVersion != null && kerasVersion.startsWith("3")) {
            return true;
        }
        return root.has("module") || root.toString().contains("\"batch_shape\"");
    }

    /** Returns a translated deep copy; {@code warnings} receives one line per lossy change. */
    public static ObjectNode translate(JsonNode root, List<String> warnings) {
        ObjectNode copy = root.deepCopy();
        stripSerialisationKeys(copy);
        JsonNode config = copy.get("config");
        if (config instanceof ObjectNode cfg) {
            cfg.remove("build_input_shape");
            if (cfg.get("layers") instanceof ArrayNode layers) {
                for (JsonNode layer : layers) {
                    if (layer instanceof ObjectNode l) {
                        translateLayer(l, warnings);
                    }
                }
            }
            wrapTriple(cfg, "input_layers");
            wrapTriple(cfg, "output_layers");
        }
        return copy;
    }

    private static void translateLayer(ObjectNode layer, List<String> warnings) {
        layer.remove("build_config");
        layer.remove("compile_config");
        if (layer.get("config") instanceof ObjectNode c) {
            if (c.has("batch_shape") && !c.has("batch_input_shape")) {
                c.set("batch_input_shape", c.remove("batch_shape"));
            }
            JsonNode dtype = c.get("dtype");
            if (dtype != null && dtype.isObject()) {
                JsonNode name = dtype.path("config").path("name");
                c.put("dtype", name.isTextual() ? name.asText() : "float32");
            }
            if (!layer.has("name") && c.has("name")) {
                layer.set("name", c.get("name"));
            }
        }
        JsonNode inbound = layer.get("inbound_nodes");
        if (inbound instanceof ArrayNode nodes && !nodes.isEmpty() && nodes.get(0).isObject()) {
            ArrayNode converted = JsonNodeFactory.instance.arrayNode();
            for (JsonNode node : nodes) {
                ArrayNode k2 = JsonNodeFactory.instance.arrayNode();
                List<JsonNode> history = new ArrayList<>();
                collectHistories(node.path("args"), history);
                if (history.isEmpty()) {
                    // Called with keywords only (mha(query=x, value=y)): the tensors are the inputs, in call order;
                    // their roles stay readable from the kwargs kept below.
                    collectHistories(node.path("kwargs"), history);
                }
                // Keras 2 keeps call keywords in the first entry's dict, tensors as [layer, node, tensor].
                JsonNode kwargs = kwargs(node.path("kwargs"));
                for (int i = 0; i < history.size(); i++) {
                    JsonNode h = history.get(i);
                    ArrayNode entry = JsonNodeFactory.instance.arrayNode();
                    entry.add(h.get(0)).add(h.get(1)).add(h.get(2)).add(i == 0 ? kwargs : JsonNodeFactory.instance.objectNode());
                    k2.add(entry);
                }
                if (meaningful(node.path("kwargs"))) {
                    warnings.add("layer " + layer.path("name").asText() + ": Keras 3 call arguments "
                            + shortText(node.path("kwargs")) + " kept in the Keras 2 layout (only Easel's attention layers read them)");
                }
                converted.add(k2);
            }
            layer.set("inbound_nodes", converted);
        }
    }

    /** Call keywords in the Keras 2 form: every Keras tensor becomes {@code [layer, node, tensor]}. */
    private static JsonNode kwargs(JsonNode n) {
        if (n.isObject()) {
            JsonNode h = n.path("config").path("keras_history");
            if ("__keras_tensor__".equals(n.path("class_name").asText()) && h.isArray() && h.size() >= 3) {
                ArrayNode ref = JsonNodeFactory.instance.arrayNode();
                ref.add(h.get(0)).add(h.get(1)).add(h.get(2));
                return ref;
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            n.fields().forEachRemaining(e -> out.set(e.getKey(), kwargs(e.getValue())));
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            n.forEach(c -> out.add(kwargs(c)));
            return out;
        }
        return n.isMissingNode() ? JsonNodeFactory.instance.objectNode() : n;
    }

    /** Keywords other than {@code training=False} (which inference ignores anyway). */
    private static boolean meaningful(JsonNode kwargs) {
        Iterator<Map.Entry<String, JsonNode>> it = kwargs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(e.getKey().equals("training") && !e.getValue().asBoolean(false)) && !e.getValue().isNull()) {
                return true;
            }
        }
        return false;
    }

    private static String shortText(JsonNode n) {
        String s = kwargs(n).toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static void collectHistories(JsonNode n, List<JsonNode> out) {
        if (n.isObject()) {
            JsonNode h = n.path("config").path("keras_history");
            if ("__keras_tensor__".equals(n.path("class_name").asText()) && h.isArray() && h.size() >= 3) {
                out.add(h);
                return;
            }
            n.elements().forEachRemaining(c -> collectHistories(c, out));
        } else if (n.isArray()) {
            n.forEach(c -> collectHistories(c, out));
        }
    }

    private static void wrapTriple(ObjectNode cfg, String key) {
        JsonNode v = cfg.get(key);
        if (v instanceof ArrayNode a && !a.isEmpty() && a.get(0).isTextual()) {
            ArrayNode wrapped = JsonNodeFactory.instance.arrayNode();
            wrapped.add(a);
            cfg.set(key, wrapped);
        }
    }

    /** Removes {@code module}/{@code registered_name} from every object that has a {@code class_name}. */
    private static void stripSerialisationKeys(JsonNode n) {
        if (n instanceof ObjectNode o) {
            if (o.has("class_name")) {
                o.remove("module");
                o.remove("registered_name");
            }
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            while (it.hasNext()) {
                stripSerialisationKeys(it.next().getValue());
            }
        } else if (n instanceof ArrayNode a) {
            a.forEach(Keras3Translator::stripSerialisationKeys);
        }
    }
}
