package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras {@code Conv1D} with a dilation above 1 (WaveNet/TCN-style models), as a SameDiff layer written as strided
 * slices and matrix products. DL4J M2.1's Convolution1DLayer cannot run these (with padding "same" the oneDNN
 * convolution refuses its descriptor, with "valid" DL4J sizes the output as if undilated), and ND4J's own conv1d op
 * refuses dilated kernels on its oneDNN path too.
 * The kernel keeps Keras' shape {@code [kernel, in, filters]}; padding valid, same or causal as in Keras (explicit
 * zeros, then a valid convolution).
 */
public class DilatedConv1DLayer extends SameDiffLayer {
    public static final String KERNEL = "W";
    public static final String BIAS = "b";

    private long kernel;
    private long stride = 1;
    private long dilation = 1;
    private String padding = "valid";
    private long inChannels;
    private long filters;
    private boolean useBias = true;
    private Activation activation = Activation.IDENTITY;
    private boolean channelsFirstData;
    private long length = -1;

    /** For DL4J's JSON deserialisation. */
    public DilatedConv1DLayer() {
    }

    public DilatedConv1DLayer(String name, long kernel, long stride, long dilation, String padding, long filters, boolean useBias,
                              Activation activation) {
        this.layerName = name;
        this.kernel = kernel;
        this.stride = stride;
        this.dilation = dilation;
        this.padding = padding;
        this.filters = filters;
        this.useBias = useBias;
        this.activation = activation;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x, Map<String, SDVariable> params, SDVariable mask) {
        if (channelsFirstData) {
            x = sd.permute(x, 0, 2, 1); // [batch, time, channels]
        }
        long[] pad = timePadding();
        if (pad[0] > 0 || pad[1] > 0) {
            x = sd.nn().pad(x, sd.constant(Nd4j.createFromArray(new int[][] {{0, 0}, {(int) pad[0], (int) pad[1]}, {0, 0}})), 0.0);
        }
        // y[t] = sum_j x[t * stride + j * dilation] . W[j]: one strided time slice per kernel tap and a matrix product.
        // (ND4J's conv1d op, on its oneDNN path, refuses dilated kernels: "could not create a descriptor for a dilated
        // convolution".)
        SDVariable w = params.get(KERNEL);
        SDVariable y = null;
        for (long j = 0; j < kernel; j++) {
            long fromEnd = (kernel - 1 - j) * dilation;
            int endMask = 0b101 | (fromEnd == 0 ? 0b010 : 0);
            SDVariable taps = sd.stridedSlice(x, new long[] {0, j * dilation, 0}, new long[] {0, -fromEnd, 0}, new long[] {1, stride, 1},
                    0b101, endMask, 0, 0, 0);
            SDVariable term = sd.tensorMmul(taps, w.get(SDIndex.point(j)), new int[] {2}, new int[] {0});
            y = y == null ? term : y.add(term);
        }
        if (useBias) {
            y = y.add(params.get(BIAS));
        }
        y = activation.asSameDiff(sd, y);
        return channelsFirstData ? sd.permute(y, 0, 2, 1) : y;
    }

    /**
     * Zeros before and after the sequence, as Keras pads: "causal" puts (k - 1) x dilation in front; "same" pads to
     * ceil(length / stride) outputs, the smaller half in front (TensorFlow's rule; with stride 1 it does not depend on
     * the length).
     */
    long[] timePadding() {
        long span = (kernel - 1) * dilation + 1;
        return switch (padding) {
            case "causal" -> new long[] {span - 1, 0};
            case "same" -> {
                if (stride != 1 && length <= 0) {
                    throw new IllegalArgumentException("Conv1D '" + layerName + "': padding 'same' with stride " + stride
                            + " needs a fixed sequence length");
                }
                long total = stride == 1 ? span - 1 : Math.max(((length + stride - 1) / stride - 1) * stride + span - length, 0);
                yield new long[] {total / 2, total - total / 2};
            }
            default -> new long[] {0, 0};
        };
    }

    @Override
    public void defineParameters(SDLayerParams params) {
        params.clear();
        params.addWeightParam(KERNEL, kernel, inChannels, filters);
        if (useBias) {
            params.addBiasParam(BIAS, filters);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.values().forEach(p -> p.assign(0)); // the weights come from the Keras file
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r)) {
            throw new IllegalArgumentException("Conv1D '" + layerName + "' needs a sequence [batch, time, channels], got " + inputType);
        }
        long length = r.getTimeSeriesLength();
        if (length > 0) {
            long span = (kernel - 1) * dilation + 1;
            length = padding.equals("valid") ? (length - span) / stride + 1 : (length + stride - 1) / stride;
        }
        return InputType.recurrent(filters, length, r.getFormat());
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            inChannels = r.getSize();
            channelsFirstData = r.getFormat() == RNNFormat.NCW;
            length = r.getTimeSeriesLength();
        }
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        return null;
    }

    public long getKernel() {
        return kernel;
    }

    public void setKernel(long kernel) {
        this.kernel = kernel;
    }

    public long getStride() {
        return stride;
    }

    public void setStride(long stride) {
        this.stride = stride;
    }

    public long getDilation() {
        return dilation;
    }

    public void setDilation(long dilation) {
        this.dilation = dilation;
    }

    public String getPadding() {
        return padding;
    }

    public void setPadding(String padding) {
        this.padding = padding;
    }

    public long getInChannels() {
        return inChannels;
    }

    public void setInChannels(long inChannels) {
        this.inChannels = inChannels;
    }

    public long getFilters() {
        return filters;
    }

    public void setFilters(long filters) {
        this.filters = filters;
    }

    public boolean isUseBias() {
        return useBias;
    }

    public void setUseBias(boolean useBias) {
        this.useBias = useBias;
    }

    public Activation getActivation() {
        return activation;
    }

    public void setActivation(Activation activation) {
        this.activation = activation;
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
