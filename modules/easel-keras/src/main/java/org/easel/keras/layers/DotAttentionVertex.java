package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.layers.samediff.SDVertexParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras {@code Attention} (Luong-style) and {@code AdditiveAttention} (Bahdanau-style) on sequences
 * {@code query [batch, T, dim]}, {@code value [batch, S, dim]}, {@code key [batch, S, dim]} (key defaults to value),
 * as a SameDiff graph vertex, with Keras' formulas:
 * <pre>
 *   Attention, score_mode "dot":      scores = q · kᵀ            (× scale when use_scale)
 *   Attention, score_mode "concat":   scores = w · Σ_d tanh(q_d + k_d)   (tanh(scale × (q + k)) when use_scale)
 *   AdditiveAttention:                scores = Σ_d scale_d · tanh(q_d + k_d)   (scale_d = 1 without use_scale)
 *   causal: scores where key position > query position get -1e9
 *   out = softmax(scores over S) · v
 * </pre>
 * Dropout on the attention weights applies only in training and is left out. Parameters keep Keras' names and
 * shapes: {@code scale} (a scalar for Attention, {@code [dim]} for AdditiveAttention) and {@code concat_score_weight}.
 */
public class DotAttentionVertex extends SameDiffVertex {
    public static final String SCALE = "scale";
    public static final String CONCAT_WEIGHT = "concat_score_weight";

    /** "dot", "concat" (Attention) or "additive" (AdditiveAttention). */
    private String scoreMode = "dot";
    private boolean useScale;
    private boolean causal;
    private long dim;
    private int[] roles = {0, 0, 0};
    private int inputCount = 1;
    private boolean[] channelsFirst;

    /** For DL4J's JSON deserialisation. */
    public DotAttentionVertex() {
    }

    public DotAttentionVertex(String scoreMode, boolean useScale, boolean causal, long dim, int[] roles) {
        this.scoreMode = scoreMode;
        this.useScale = useScale;
        this.causal = causal;
        this.dim = dim;
        this.roles = roles.clone();
        int max = 0;
        for (int r : roles) {
            max = Math.max(max, r);
        }
        this.inputCount = max + 1;
    }

    @Override
    public void defineParametersAndInputs(SDVertexParams params) {
        String[] names = new String[inputCount];
        for (int i = 0; i < inputCount; i++) {
            names[i] = "in" + i;
        }
        params.defineInputs(names);
        if (useScale) {
            params.addWeightParam(SCALE, scoreMode.equals("additive") ? new long[] {dim} : new long[] {1});
        }
        if (scoreMode.equals("concat")) {
            params.addWeightParam(CONCAT_WEIGHT, 1);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        params.values().forEach(p -> p.assign(1));
    }

    @Override
    public SDVariable defineVertex(SameDiff sd, Map<String, SDVariable> in, Map<String, SDVariable> p, Map<String, SDVariable> masks) {
        SDVariable q = nwc(sd, in.get("in" + roles[0]), roles[0]);
        SDVariable v = nwc(sd, in.get("in" + roles[1]), roles[1]);
        SDVariable k = nwc(sd, in.get("in" + roles[2]), roles[2]);
        SDVariable scores;
        if (scoreMode.equals("dot")) {
            scores = sd.mmul(q, k, false, true, false); // [b, T, S]
            if (useScale) {
                scores = scores.mul(p.get(SCALE));
            }
        } else {
            // [b, T, 1, d] + [b, 1, S, d] -> [b, T, S, d]
            SDVariable sum = sd.expandDims(q, 2).add(sd.expandDims(k, 1));
            if (scoreMode.equals("concat")) {
                if (useScale) {
                    sum = sum.mul(p.get(SCALE));
                }
                scores = sd.math().tanh(sum).sum(false, 3).mul(p.get(CONCAT_WEIGHT));
            } else {
                SDVariable t = sd.math().tanh(sum);
                scores = (useScale ? t.mul(p.get(SCALE)) : t).sum(false, 3);
            }
        }
        scores = AttentionMaths.causalMask(sd, scores, causal);
        SDVariable out = sd.mmul(sd.nn().softmax(scores, 2), v); // [b, T, dim of value]
        return channelsFirst != null && channelsFirst[roles[0]] ? sd.permute(out, 0, 2, 1) : out;
    }

    private SDVariable nwc(SameDiff sd, SDVariable x, int input) {
        return channelsFirst != null && channelsFirst[input] ? sd.permute(x, 0, 2, 1) : x;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        if (inputs.length != inputCount) {
            throw new InvalidInputTypeException("Attention expects " + inputCount + " distinct input(s), got " + inputs.length);
        }
        channelsFirst = new boolean[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!(inputs[i] instanceof InputType.InputTypeRecurrent r)) {
                throw new InvalidInputTypeException("Attention is imported for sequences [batch, time, features]; input " + i
                        + " is " + inputs[i]);
            }
            channelsFirst[i] = r.getFormat() == RNNFormat.NCW;
        }
        InputType.InputTypeRecurrent q = (InputType.InputTypeRecurrent) inputs[roles[0]];
        InputType.InputTypeRecurrent v = (InputType.InputTypeRecurrent) inputs[roles[1]];
        InputType.InputTypeRecurrent k = (InputType.InputTypeRecurrent) inputs[roles[2]];
        if (q.getSize() != k.getSize()) {
            throw new InvalidInputTypeException("Attention: query has " + q.getSize() + " features but key has " + k.getSize());
        }
        if (scoreMode.equals("additive") && useScale && dim != q.getSize()) {
            throw new InvalidInputTypeException("AdditiveAttention: scale has " + dim + " values but query has " + q.getSize() + " features");
        }
        return InputType.recurrent(v.getSize(), q.getTimeSeriesLength(), q.getFormat());
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState, int minibatchSize) {
        INDArray m = maskArrays == null ? null : maskArrays[roles[0]];
        return new Pair<>(m, m == null ? null : currentMaskState);
    }

    @Override
    public GraphVertex clone() {
        DotAttentionVertex c = new DotAttentionVertex(scoreMode, useScale, causal, dim, roles);
        c.channelsFirst = channelsFirst == null ? null : channelsFirst.clone();
        return c;
    }

    public String getScoreMode() {
        return scoreMode;
    }

    public void setScoreMode(String scoreMode) {
        this.scoreMode = scoreMode;
    }

    public boolean isUseScale() {
        return useScale;
    }

    public void setUseScale(boolean useScale) {
        this.useScale = useScale;
    }

    public boolean isCausal() {
        return causal;
    }

    public void setCausal(boolean causal) {
        this.causal = causal;
    }

    public long getDim() {
        return dim;
    }

    public void setDim(long dim) {
        this.dim = dim;
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
