package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras {@code GlobalAveragePooling1D} / {@code GlobalMaxPooling1D} with {@code data_format="channels_first"}
 * on a {@code [batch, time, features]} tensor: Keras then reads the tensor as {@code [batch, channels, steps]}
 * and pools the last axis, giving {@code [batch, time]} (a common trick in the Keras time-series transformer
 * example). DL4J M2.1 ignores the data format and pools over time. No parameters.
 */
public class FeatureAxisPooling extends SameDiffLayer {
    private boolean max;
    private long length;
    private boolean channelsFirstData;

    /** For DL4J's JSON deserialisation. */
    public FeatureAxisPooling() {
    }

    public FeatureAxisPooling(String name, boolean max) {
        this.layerName = name;
        this.max = max;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        int axis = channelsFirstData ? 1 : 2; // the features axis of DL4J's array
        return max ? sd.max(x, false, axis) : sd.mean(x, false, axis);
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // no parameters
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r)) {
            throw new IllegalArgumentException("Global pooling with data_format=channels_first '" + layerName
                    + "' needs a sequence input, got " + inputType);
        }
        return InputType.feedForward(r.getTimeSeriesLength());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            length = r.getTimeSeriesLength();
            channelsFirstData = r.getFormat() == RNNFormat.NCW;
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    public boolean isMax() {
        return max;
    }

    public void setMax(boolean max) {
        this.max = max;
    }

    public long getLength() {
        return length;
    }

    public void setLength(long length) {
        this.length = length;
    }

    public boolean isChannelsFirstData() {
        return channelsFirstData;
    }

    public void setChannelsFirstData(boolean channelsFirstData) {
        this.channelsFirstData = channelsFirstData;
    }
}
