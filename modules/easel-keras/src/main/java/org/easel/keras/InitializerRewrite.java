package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Replaces orthogonal initialisers by Glorot-uniform before DL4J builds the network.
 *
 * <p>Why: DL4J 1.0.0-M2.1 initialises every layer before copying the Keras weights, and its orthogonal
 * initialiser (an SVD in libnd4j) never returns for the non-square recurrent matrices of an LSTM
 * (measured: the Keras 1 LSTM fixture spun a core for 10+ minutes). The initial values are overwritten
 * by the file's weights, so the imported outputs are unchanged.
 */
final class InitializerRewrite {
    private InitializerRewrite() {
    }

    static void apply(ObjectNode config, List<String> warnings) {
        List<String> where = new ArrayList<>();
        walk(config, null, where);
        if (!where.isEmpty()) {
            warnings.add("orthogonal initialiser replaced by glorot_uniform in " + where + " before import (DL4J M2.1's"
                    + " orthogonal init hangs on LSTM shapes; the weights come from the file, outputs are unaffected)");
        }
    }

    private static void walk(JsonNode node, String layer, List<String> where) {
        if (node instanceof ObjectNode o) {
            String name = o.has("name") && o.get("name").isTextual() && o.has("trainable") ? o.get("name").asText() : layer;
            Iterator<Map.Entry<String, JsonNode>> it = o.fields();
            List<String> replaceText = new ArrayList<>();
            List<String> replaceObject = new ArrayList<>();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isTextual() && v.asText().equalsIgnoreCase("orthogonal")) {
                    replaceText.add(e.getKey());
                } else if (v.isObject() && v.path("class_name").asText().equalsIgnoreCase("orthogonal")) {
                    replaceObject.add(e.getKey());
                } else {
                    walk(v, name, where);
                }
            }
            for (String k : replaceText) {
                o.put(k, "glorot_uniform");
                where.add(name + "." + k);
            }
            for (String k : replaceObject) {
                ObjectNode init = JsonNodeFactory.instance.objectNode();
                init.put("class_name", "VarianceScaling");
                ObjectNode cfg = init.putObject("config");
                cfg.put("scale", 1.0).put("mode", "fan_avg").put("distribution", "uniform").putNull("seed");
                o.set(k, init);
                where.add(name + "." + k);
            }
        } else if (node != null && node.isArray()) {
            node.forEach(c -> walk(c, layer, where));
        }
    }
}
