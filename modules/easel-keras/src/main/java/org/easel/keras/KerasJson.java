package org.easel.keras;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.easel.core.error.EaselException;

/**
 * Parses Keras JSON (model_config, training_config, architecture files) with hard limits, so a hostile
 * or corrupt file cannot exhaust the stack or the heap: nesting depth, string length, number length and
 * document size are capped far above anything Keras writes (the deepest real config seen is ~12 levels).
 */
public final class KerasJson {
    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING = 4 << 20;
    public static final long MAX_DOCUMENT = 32L << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_STRING)
                    .maxNumberLength(100)
                    .maxDocumentLength(MAX_DOCUMENT)
                    .build())
            .build());

    private KerasJson() {
    }

    /** Parses {@code json}; {@code what} names the source in errors ("model_config of x.h5"). */
    public static JsonNode parse(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new EaselException(what + " is empty.");
        }
        if (json.length() > MAX_DOCUMENT) {
            throw new EaselException(what + " is " + json.length() + " characters, more than the "
                    + (MAX_DOCUMENT >> 20) + " MiB limit for a Keras model config.");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new EaselException(what + " is not a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            if (msg != null && msg.contains("nesting depth")) {
                throw new EaselException(what + " is nested deeper than " + MAX_DEPTH
                        + " levels; no Keras config is that deep, the file is corrupt or hostile.", e);
            }
            throw new EaselException(what + " is not valid JSON (" + msg + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())
                    + "). The file is corrupt or not written by Keras.", e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
