package org.easel.keras.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;

/**
 * DL4J import mapping for Keras {@code MultiHeadAttention} (a {@link MultiHeadAttentionVertex}). Sizes come from
 * the file's kernels and the query/value/key roles from the call, both added to the config by the importer,
 * which also copies the weights itself after the build (so no parameters are reported to DL4J's copy).
 */
public class KerasMultiHeadAttention extends KerasLayer {
    public KerasMultiHeadAttention(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        Map<String, Object> c = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        int heads = number(c, "num_heads").intValue();
        this.vertex = new MultiHeadAttentionVertex(heads, number(c, EaselKeys.KEY_DIM).longValue(),
                number(c, EaselKeys.VALUE_DIM).longValue(), number(c, EaselKeys.QUERY_FEATURES).longValue(),
                number(c, EaselKeys.KEY_FEATURES).longValue(), number(c, EaselKeys.VALUE_FEATURES).longValue(),
                number(c, EaselKeys.OUTPUT_FEATURES).longValue(), !(c.get("use_bias") instanceof Boolean b) || b,
                Boolean.TRUE.equals(c.get(EaselKeys.CAUSAL)), roles(c, layerName));
    }

    static Number number(Map<String, Object> c, String key) throws InvalidKerasConfigurationException {
        if (c.get(key) instanceof Number n) {
            return n;
        }
        throw new InvalidKerasConfigurationException("layer config has no number '" + key + "'");
    }

    static int[] roles(Map<String, Object> c, String layerName) throws InvalidKerasConfigurationException {
        if (!(c.get(EaselKeys.ROLES) instanceof List<?> l) || l.size() != 3) {
            throw new InvalidKerasConfigurationException("attention layer " + layerName + ": no query/value/key roles");
        }
        int[] r = new int[3];
        for (int i = 0; i < 3; i++) {
            r[i] = ((Number) l.get(i)).intValue();
        }
        return r;
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        try {
            return vertex.getOutputType(-1, inputType);
        } catch (InvalidInputTypeException e) {
            throw new InvalidKerasConfigurationException("MultiHeadAttention " + layerName + ": " + e.getMessage());
        }
    }

    @Override
    public int getNumParams() {
        return 0;
    }
}
