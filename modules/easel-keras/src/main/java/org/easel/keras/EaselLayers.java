package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.easel.keras.layers.KerasPermuteLayer;

/**
 * Keras layers Easel maps itself instead of (or in addition to) DL4J 1.0.0-M2.1, and the config rewrites
 * that route them there. DL4J looks up built-in class names before custom ones, so a replaced layer's
 * {@code class_name} is renamed ({@code Permute} → {@code EaselPermute}) and the mapping registered under
 * the new name for the duration of one import.
 */
final class EaselLayers {
    /** Keras class names Easel imports that DL4J alone cannot. */
    static final Set<String> CLASS_NAMES = Set.of();

    private static final String PERMUTE = "EaselPermute";

    private EaselLayers() {
    }

    static void register() {
        KerasLayer.registerCustomLayer(PERMUTE, KerasPermuteLayer.class);
    }

    /** Rewrites the (Keras 2 layout) config in place. */
    static void rewrite(ObjectNode config, int kerasMajor, List<String> warnings) {
        JsonNode c = config.get("config");
        JsonNode layers = c != null && c.isArray() ? c : c == null ? null : c.get("layers");
        if (!(layers instanceof ArrayNode list)) {
            return;
        }
        String dimOrdering = null;
        List<String> flattens = new ArrayList<>();
        for (JsonNode n : list) {
            if (!(n instanceof ObjectNode layer)) {
                continue;
            }
            String cls = layer.path("class_name").asText();
            if (cls.equals("Permute")) {
                layer.put("class_name", PERMUTE);
            }
            JsonNode inner = layer.get("config");
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
}
