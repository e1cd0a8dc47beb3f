package org.easel.keras.layers;

import java.util.Arrays;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras {@code LayerNormalization} over the feature axis (Keras {@code axis=-1}), as a SameDiff layer:
 * {@code (x - mean) / sqrt(var + epsilon) * gamma + beta}, mean and (biased) variance over the features of
 * each position, exactly Keras' formula. DL4J 1.0.0-M2.1 has no LayerNormalization import.
 *
 * <p>Parameters keep Keras' shapes ({@code gamma}, {@code beta}: {@code [features]}); with {@code scale=False}
 * or {@code center=False} the parameter does not exist, as in Keras. The feature axis of DL4J's array is taken
 * from the input type: 1 for dense input, NCW sequences and NCHW images, 2 for NWC sequences, 3 for NHWC images.
 */
public class LayerNormalizationLayer extends SameDiffLayer {
    public static final String GAMMA = "gamma";
    public static final String BETA = "beta";

    private long size;
    private double epsilon = 1e-3;
    private boolean center = true;
    private boolean scale = true;
    private int featureAxis = -1;
    private int rank = -1;
    /** The Keras axis as written (-1, or a positive axis that must be the last one). */
    private int kerasAxis = -1;

    /** For DL4J's JSON deserialisation. */
    public LayerNormalizationLayer() {
    }

    public LayerNormalizationLayer(String name, long size, double epsilon, boolean center, boolean scale) {
        this.layerName = name;
        this.size = size;
        this.epsilon = epsilon;
        this.center = center;
        this.scale = scale;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        SDVariable mean = x.mean(true, featureAxis);
        SDVariable centred = x.sub(mean);
        SDVariable variance = sd.math().square(centred).mean(true, featureAxis);
        SDVariable out = centred.mul(sd.math().rsqrt(variance.add(epsilon)));
        long[] broadcast = new long[rank];
        Arrays.fill(broadcast, 1);
        broadcast[featureAxis] = size;
        if (scale) {
            out = out.mul(sd.reshape(params.get(GAMMA), broadcast));
        }
        if (center) {
            out = out.add(sd.reshape(params.get(BETA), broadcast));
        }
        return out;
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        if (scale) {
            params.addWeightParam(GAMMA, size);
        }
        if (center) {
            params.addBiasParam(BETA, size);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        if (params.containsKey(GAMMA)) {
            params.get(GAMMA).assign(1);
        }
        if (params.containsKey(BETA)) {
            params.get(BETA).assign(0);
        }
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        return inputType;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        long features;
        if (inputType instanceof InputType.InputTypeFeedForward f) {
            features = f.getSize();
            featureAxis = 1;
            rank = 2;
        } else if (inputType instanceof InputType.InputTypeRecurrent r) {
            features = r.getSize();
            featureAxis = r.getFormat() == RNNFormat.NWC ? 2 : 1;
            rank = 3;
        } else if (inputType instanceof InputType.InputTypeConvolutional c) {
            features = c.getChannels();
            featureAxis = c.getFormat() == CNN2DFormat.NHWC ? 3 : 1;
            rank = 4;
        } else {
            throw new IllegalArgumentException("LayerNormalization '" + layerName + "' cannot follow input of type " + inputType);
        }
        if (kerasAxis != -1 && kerasAxis != rank - 1) {
            throw new IllegalArgumentException("LayerNormalization '" + layerName + "' normalises axis " + kerasAxis + " of a rank-"
                    + rank + " input; Easel imports LayerNormalization over the last (feature) axis only");
        }
        if (size > 0 && features != size) {
            throw new IllegalArgumentException("LayerNormalization '" + layerName + "' has weights for " + size
                    + " features but its input has " + features + " (" + inputType + ")");
        }
        size = features;
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null; // works on the data as it comes, in every layout
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public void setEpsilon(double epsilon) {
        this.epsilon = epsilon;
    }

    public boolean isCenter() {
        return center;
    }

    public void setCenter(boolean center) {
        this.center = center;
    }

    public boolean isScale() {
        return scale;
    }

    public void setScale(boolean scale) {
        this.scale = scale;
    }

    public int getFeatureAxis() {
        return featureAxis;
    }

    public void setFeatureAxis(int featureAxis) {
        this.featureAxis = featureAxis;
    }

    public int getKerasAxis() {
        return kerasAxis;
    }

    public void setKerasAxis(int kerasAxis) {
        this.kerasAxis = kerasAxis;
    }

    public int getRank() {
        return rank;
    }

    public void setRank(int rank) {
        this.rank = rank;
    }
}
