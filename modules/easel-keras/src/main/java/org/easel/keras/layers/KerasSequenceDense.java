package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.TimeDistributed;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.layers.core.KerasDense;

/**
 * Keras {@code Dense}, also on sequences. Keras applies a Dense layer to the last axis of any input, so on
 * {@code [batch, time, features]} it gives {@code [batch, time, units]}; DL4J M2.1 flattens time into the batch
 * and continues as if the data were no longer a sequence (an Add with the sequence it came from then fails,
 * and a later pooling or Flatten sees the wrong shape). On sequence input this mapping wraps the same
 * DenseLayer in DL4J's TimeDistributed, in the sequence's own layout; otherwise it is DL4J's KerasDense.
 * Parameter names and values are unchanged (W, b), so DL4J's weight copy and Easel's checks apply as for Dense.
 */
public class KerasSequenceDense extends KerasDense {
    private final DenseLayer dense;

    public KerasSequenceDense(Map<String, Object> layerConfig)
            throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
        super(layerConfig, false);
        this.dense = (DenseLayer) this.layer;
    }

    @Override
    public DenseLayer getDenseLayer() {
        return dense;
    }

    @Override
    public InputType getOutputType(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length == 1 && inputType[0] instanceof InputType.InputTypeRecurrent r) {
            this.layer = new TimeDistributed(dense, r.getFormat());
            return InputType.recurrent(dense.getNOut(), r.getTimeSeriesLength(), r.getFormat());
        }
        this.layer = dense;
        return super.getOutputType(inputType);
    }

    @Override
    public InputPreProcessor getInputPreprocessor(InputType... inputType) throws InvalidKerasConfigurationException {
        if (inputType.length == 1 && inputType[0] instanceof InputType.InputTypeRecurrent) {
            return null; // TimeDistributed takes the sequence as it is
        }
        return super.getInputPreprocessor(inputType);
    }
}
