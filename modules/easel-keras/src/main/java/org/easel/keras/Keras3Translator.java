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
                for (JsonNode h : history) {
                    ArrayNode entry = JsonNodeFactory.instance.arrayNode();
                    entry.add(h.get(0)).add(h.get(1)).add(h.get(2)).add(JsonNodeFactory.instance.objectNode());
                    k2.add(entry);
                }
                if (node.path("kwargs").size() > 0) {
                    warnings.add("layer " + layer.path("name").asText() + ": Keras 3 call arguments "
                            + node.path("kwargs") + " were dropped (Keras 2 layout has no place for them)");
                }
                converted.add(k2);
            }
            layer.set("inbound_nodes", converted);
        }
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
