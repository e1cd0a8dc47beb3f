package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;

/**
 * DL4J import mapping for Keras {@code Attention} and {@code AdditiveAttention} (a {@link DotAttentionVertex}).
 * The importer adds the query/value/key roles and the causal flag to the config and copies the scale weights
 * itself after the build.
 */
public class KerasDotAttention extends KerasLayer {
    public KerasDotAttention(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        Map<String, Object> c = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        boolean additive = className.endsWith("AdditiveAttention");
        String mode = additive ? "additive" : c.get("score_mode") instanceof String s ? s : "dot";
        boolean useScale = c.get("use_scale") instanceof Boolean b ? b : additive;
        long dim = c.get(EaselKeys.DIM) instanceof Number n ? n.longValue() : 1;
        this.vertex = new DotAttentionVertex(mode, useScale, Boolean.TRUE.equals(c.get(EaselKeys.CAUSAL)), dim,
                KerasMultiHeadAttention.roles(c, layerName));
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        try {
            return vertex.getOutputType(-1, inputType);
        } catch (InvalidInputTypeException e) {
            throw new InvalidKerasConfigurationException(className + " " + layerName + ": " + e.getMessage());
        }
    }

    @Override
    public int getNumParams() {
        return 0;
    }
}
