package org.easel.keras.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasActivationUtils;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;
import org.nd4j.linalg.activations.Activation;

/**
 * DL4J import mapping for a Keras {@code Conv1D} with dilation above 1 (a {@link DilatedConv1DLayer}); the importer
 * copies and checks its kernel and bias itself after the build.
 */
public class KerasDilatedConv1D extends KerasLayer {
    public KerasDilatedConv1D(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        Map<String, Object> c = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        Activation activation = c.get("activation") instanceof String a
                ? KerasActivationUtils.mapToActivation(a, conf) : Activation.IDENTITY;
        this.layer = new DilatedConv1DLayer(layerName, first(c.get("kernel_size")), first(c.get("strides")), first(c.get("dilation_rate")),
                String.valueOf(c.getOrDefault("padding", "valid")), ((Number) c.get("filters")).longValue(),
                !(c.get("use_bias") instanceof Boolean b) || b, activation);
    }

    private static long first(Object o) {
        Object v = o instanceof List<?> l && !l.isEmpty() ? l.get(0) : o;
        return v instanceof Number n ? n.longValue() : 1;
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) {
            throw new InvalidKerasConfigurationException("Conv1D " + layerName + " takes one input, got " + inputType.length);
        }
        try {
            return layer.getOutputType(-1, inputType[0]);
        } catch (IllegalArgumentException e) {
            throw new InvalidKerasConfigurationException(e.getMessage());
        }
    }

    @Override
    public int getNumParams() {
        return 0;
    }
}
