package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;

/** DL4J import mapping for a channels_first GlobalAverage/MaxPooling1D (a {@link FeatureAxisPooling}). */
public class KerasFeatureAxisPooling extends KerasLayer {
    public KerasFeatureAxisPooling(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        this.layer = new FeatureAxisPooling(layerName, className.contains("Max"));
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) {
            throw new InvalidKerasConfigurationException(className + " " + layerName + " takes one input, got " + inputType.length);
        }
        try {
            return layer.getOutputType(-1, inputType[0]);
        } catch (IllegalArgumentException e) {
            throw new InvalidKerasConfigurationException(e.getMessage());
        }
    }
}
