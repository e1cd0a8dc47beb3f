package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.layers.samediff.SDVertexParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What Easel's attention vertices share: one vertex input per distinct tensor among query, value and key
 * ({@link #getRoles()}: the input index of each), sequences in NWC or NCW layout (read from the input types; the
 * maths works on NWC), and the query's mask passed on.
 */
public abstract class AttentionVertex extends SameDiffVertex {
    /** Vertex input index of query, value and key. */
    private int[] roles = {0, 0, 0};
    private int inputCount = 1;
    private boolean[] channelsFirst;

    /** For DL4J's JSON deserialisation. */
    protected AttentionVertex() {
    }

    protected AttentionVertex(int[] roles) {
        this.roles = roles.clone();
        int max = 0;
        for (int r : roles) {
            max = Math.max(max, r);
        }
        this.inputCount = max + 1;
    }

    /** Declares the inputs {@code in0..in<n-1>}. */
    protected void defineInputs(SDVertexParams params) {
        String[] names = new String[inputCount];
        for (int i = 0; i < inputCount; i++) {
            names[i] = "in" + i;
        }
        params.defineInputs(names);
    }

    /** The input playing {@code role} (0 query, 1 value, 2 key) as {@code [batch, time, features]}. */
    protected SDVariable input(SameDiff sd, Map<String, SDVariable> in, int role) {
        SDVariable x = in.get("in" + roles[role]);
        return channelsFirst != null && channelsFirst[roles[role]] ? sd.permute(x, 0, 2, 1) : x;
    }

    /** The result back in the query's layout. */
    protected SDVariable inQueryLayout(SameDiff sd, SDVariable nwc) {
        return channelsFirst != null && channelsFirst[roles[0]] ? sd.permute(nwc, 0, 2, 1) : nwc;
    }

    /** Checks the inputs are sequences, records their layouts; returns them as (query, value, key). */
    protected InputType.InputTypeRecurrent[] sequences(String layer, InputType... inputs) {
        if (inputs.length != inputCount) {
            throw new InvalidInputTypeException(layer + " expects " + inputCount + " distinct input(s), got " + inputs.length);
        }
        channelsFirst = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!(inputs[i] instanceof InputType.InputTypeRecurrent r)) {
                throw new InvalidInputTypeException(layer + " is imported for sequences [batch, time, features] (attention over time);"
                        + " input " + i + " is " + inputs[i]);
            }
            channelsFirst[i] = r.getFormat() == RNNFormat.NCW;
        }
        return new InputType.InputTypeRecurrent[] {(InputType.InputTypeRecurrent) inputs[roles[0]],
            (InputType.InputTypeRecurrent) inputs[roles[1]], (InputType.InputTypeRecurrent) inputs[roles[2]]};
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState, int minibatchSize) {
        // Keras would mask keys with the value's mask; the importer refuses models with masks feeding attention,
        // so only the query's mask (sequence positions) passes on.
        INDArray m = maskArrays == null ? null : maskArrays[roles[0]];
        return new Pair<>(m, m == null ? null : currentMaskState);
    }

    /** Copies the layout recorded from the input types into a clone. */
    protected <T extends AttentionVertex> T withLayoutOf(T clone) {
        ((AttentionVertex) clone).channelsFirst = channelsFirst == null ? null : channelsFirst.clone();
        return clone;
    }

    public int[] getRoles() {
        return roles;
    }

    public void setRoles(int[] roles) {
        this.roles = roles;
    }

    public int getInputCount() {
        return inputCount;
    }

    public void setInputCount(int inputCount) {
        this.inputCount = inputCount;
    }

    public boolean[] getChannelsFirst() {
        return channelsFirst;
    }

    public void setChannelsFirst(boolean[] channelsFirst) {
        this.channelsFirst = channelsFirst;
    }
}
