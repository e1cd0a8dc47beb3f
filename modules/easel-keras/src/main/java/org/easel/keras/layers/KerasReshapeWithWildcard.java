package org.easel.keras.layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.layers.core.KerasReshape;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;

/**
 * Keras {@code Reshape} whose target shape has a {@code -1} ("whatever is left", e.g. {@code Reshape((-1, 128))}
 * between convolutions and an LSTM). DL4J M2.1 passes the -1 to its ReshapePreprocessor, which then refuses the
 * data ("Input shape [2, 16, 39, 128] and target shape [2, -1, 128] do not match"). Here the -1 is replaced by
 * the size it stands for, from the input type, and DL4J's own Reshape mapping does the rest.
 */
public class KerasReshapeWithWildcard extends KerasLayer {
    private final Map<String, Object> layerConfig;

    public KerasReshapeWithWildcard(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(KerasGlobalPooling1D.withKerasClass(layerConfig), false);
        this.layerConfig = KerasGlobalPooling1D.withKerasClass(layerConfig);
    }

    @Override
    public boolean isInputPreProcessor() {
        return true;
    }

    @Override
    public InputPreProcessor getInputPreprocessor(InputType... inputType) throws InvalidKerasConfigurationException {
        return resolved(inputType).getInputPreprocessor(inputType);
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        return resolved(inputType).getOutputType(inputType);
    }

    /** DL4J's Reshape mapping for a config whose -1 is replaced by the size it stands for. */
    private KerasReshape resolved(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) {
            throw new InvalidKerasConfigurationException("Reshape " + layerName + " takes one input, got " + inputType.length);
        }
        Map<String, Object> inner = new LinkedHashMap<>(KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf));
        List<Integer> target = new ArrayList<>(); // DL4J reads the target shape as a list of Integer
        long known = 1;
        int wildcard = -1;
        for (Object o : (List<?>) inner.get("target_shape")) {
            long d = ((Number) o).longValue();
            if (d < 0) {
                wildcard = target.size();
            } else {
                known *= d;
            }
            target.add((int) d);
        }
        long total = inputType[0].arrayElementsPerExample();
        if (wildcard >= 0) {
            if (known == 0 || total % known != 0) {
                throw new InvalidKerasConfigurationException("Reshape " + layerName + ": target shape " + target + " does not divide "
                        + total + " values");
            }
            target.set(wildcard, Math.toIntExact(total / known));
        }
        inner.put("target_shape", target);
        Map<String, Object> copy = new LinkedHashMap<>(layerConfig);
        copy.put("config", inner);
        try {
            return new KerasReshape(copy, false);
        } catch (UnsupportedKerasConfigurationException e) {
            throw new InvalidKerasConfigurationException("Reshape " + layerName + ": " + e.getMessage());
        }
    }
}
