package org.easel.keras.layers;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Keras {@code Permute(dims)} as a SameDiff layer: the data is permuted exactly as Keras permutes it
 * ({@code dims} 1-based over the non-batch axes), for every axis order. Used instead of DL4J M2.1's
 * PermutePreprocessor, which handles only some orders (measured: {@code Permute((3, 2, 1))} gave the
 * wrong axis order, a Permute right after the input was refused).
 *
 * <p>The imported network keeps Keras' layout (images NHWC, sequences [time, features]), so the axes
 * of the data are the axes Keras permutes.
 */
public class PermuteLambda extends SameDiffLambdaLayer {
    private int[] dims;

    /** For DL4J's JSON deserialisation. */
    public PermuteLambda() {
    }

    public PermuteLambda(String name, int[] dims) {
        this.layerName = name;
        this.dims = dims.clone();
    }

    public int[] getDims() {
        return dims;
    }

    public void setDims(int[] dims) {
        this.dims = dims;
    }

    @Override
    public SDVariable defineLayer(SameDiff sd, SDVariable x) {
        int[] order = new int[dims.length + 1];
        for (int i = 0; i < dims.length; i++) {
            order[i + 1] = dims[i];
        }
        return sd.permute(x, order);
    }

    /** Shape (without batch) of the data after the permutation. */
    long[] permuted(long[] in) {
        if (in.length != dims.length) {
            throw new IllegalArgumentException("Permute" + Arrays.toString(dims) + " needs rank " + dims.length
                    + " input (without batch), got shape " + Arrays.toString(in));
        }
        long[] out = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = in[dims[i] - 1];
        }
        return out;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType inputType) {
        if (inputType instanceof InputType.InputTypeConvolutional c) {
            if (c.getFormat() == CNN2DFormat.NHWC) {
                long[] s = permuted(new long[] {c.getHeight(), c.getWidth(), c.getChannels()});
                return InputType.convolutional(s[0], s[1], s[2], CNN2DFormat.NHWC);
            }
            long[] s = permuted(new long[] {c.getChannels(), c.getHeight(), c.getWidth()});
            return InputType.convolutional(s[1], s[2], s[0], CNN2DFormat.NCHW);
        }
        if (inputType instanceof InputType.InputTypeRecurrent r) {
            if (r.getFormat() == RNNFormat.NWC) {
                long[] s = permuted(new long[] {r.getTimeSeriesLength(), r.getSize()});
                return InputType.recurrent(s[1], s[0], RNNFormat.NWC);
            }
            long[] s = permuted(new long[] {r.getSize(), r.getTimeSeriesLength()});
            return InputType.recurrent(s[0], s[1], RNNFormat.NCW);
        }
        if (inputType instanceof InputType.InputTypeFeedForward f) {
            permuted(new long[] {f.getSize()});
            return inputType;
        }
        throw new IllegalArgumentException("Permute" + Arrays.toString(dims) + " after " + inputType + " is not supported");
    }
}
