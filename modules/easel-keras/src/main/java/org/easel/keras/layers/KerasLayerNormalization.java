package org.easel.keras.layers;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasLayerUtils;

/**
 * DL4J import mapping for Keras {@code LayerNormalization} (a {@link LayerNormalizationLayer}). The importer
 * has already refused options it cannot reproduce (an axis other than the last, {@code rms_scaling}) and copies
 * gamma and beta itself after the build, so this mapping reports no parameters to DL4J's weight copy.
 */
public class KerasLayerNormalization extends KerasLayer {
    public KerasLayerNormalization(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        Map<String, Object> c = KerasLayerUtils.getInnerLayerConfigFromConfig(layerConfig, conf);
        double epsilon = c.get("epsilon") instanceof Number n ? n.doubleValue() : 1e-3;
        boolean center = !(c.get("center") instanceof Boolean b) || b;
        boolean scale = !(c.get("scale") instanceof Boolean b2) || b2;
        long size = c.get(EaselKeys.FEATURES) instanceof Number n2 ? n2.longValue() : 0;
        LayerNormalizationLayer ln = new LayerNormalizationLayer(layerName, size, epsilon, center, scale);
        Object axis = c.get("axis");
        if (axis instanceof List<?> l && l.size() == 1) {
            axis = l.get(0);
        }
        if (axis instanceof Number a) {
            ln.setKerasAxis(a.intValue());
        }
        this.layer = ln;
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length != 1) {
            throw new InvalidKerasConfigurationException("LayerNormalization " + layerName + " takes one input, got " + inputType.length);
        }
        return layer.getOutputType(-1, inputType[0]);
    }

    @Override
    public int getNumParams() {
        return 0;
    }
}
