package org.easel.keras.layers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.layers.pooling.KerasGlobalPooling;

/**
 * Keras {@code GlobalAveragePooling1D} / {@code GlobalMaxPooling1D} (channels_last): DL4J's own mapping, with
 * the output type corrected. DL4J M2.1 reports the pooled result as still a sequence, so a Dense layer after it
 * is set up for sequences and flattens {@code [batch, features]} into one row; the pooled data is
 * {@code [batch, features]}, as in Keras.
 */
public class KerasGlobalPooling1D extends KerasGlobalPooling {
    /** Config key holding the Keras class name (the layer is registered under an Easel name). */
    public static final String KERAS_CLASS = "easel_keras_class";

    public KerasGlobalPooling1D(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(withKerasClass(layerConfig), false);
    }

    /** DL4J's mapping reads pooling type and axes from the class name: give it the Keras one back. */
    static Map<String, Object> withKerasClass(Map<String, Object> layerConfig) {
        Map<String, Object> copy = new LinkedHashMap<>(layerConfig);
        if (layerConfig.get("config") instanceof Map<?, ?> inner && inner.get(KERAS_CLASS) instanceof String cls) {
            copy.put("class_name", cls);
        }
        return copy;
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        InputType out = super.getOutputType(inputType);
        if (inputType.length == 1 && inputType[0] instanceof InputType.InputTypeRecurrent r && getGlobalPoolingLayer().isCollapseDimensions()
                && out instanceof InputType.InputTypeRecurrent) {
            return InputType.feedForward(r.getSize());
        }
        return out;
    }
}
