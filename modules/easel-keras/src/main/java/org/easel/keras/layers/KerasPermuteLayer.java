package org.easel.keras.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;

/** DL4J import mapping for Keras {@code Permute}: a {@link PermuteLambda} (see there for why). */
public class KerasPermuteLayer extends KerasLayer {
    public KerasPermuteLayer(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        Map<String, Object> inner = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        Object d = inner.get("dims");
        if (!(d instanceof List<?> list) || list.isEmpty()) {
            throw new InvalidKerasConfigurationException("Permute layer " + layerName + " has no 'dims'");
        }
        int[] dims = new int[list.size()];
        boolean[] seen = new boolean[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = ((Number) list.get(i)).intValue();
            if (dims[i] < 1 || dims[i] > dims.length || seen[dims[i]]) {
                throw new InvalidKerasConfigurationException("Permute layer " + layerName + ": dims " + list
                        + " is not a permutation of 1.." + dims.length);
            }
            seen[dims[i]] = true;
        }
        this.layer = new PermuteLambda(layerName, dims);
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) {
            throw new InvalidKerasConfigurationException("Permute layer " + layerName + " takes one input, got " + inputType.length);
        }
        try {
            return layer.getOutputType(-1, inputType[0]);
        } catch (IllegalArgumentException e) {
            throw new InvalidKerasConfigurationException("Permute layer " + layerName + ": " + e.getMessage());
        }
    }
}
