package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.layers.samediff.SDVertexParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
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
public class DotAttentionVertex extends AttentionVertex {
    public static final String SCALE = "scale";
    public static final String CONCAT_WEIGHT = "concat_score_weight";

    /** "dot", "concat" (Attention) or "additive" (AdditiveAttention). */
    private String scoreMode = "dot";
    private boolean useScale;
    private boolean causal;
    private long dim;

    /** For DL4J's JSON deserialisation. */
    public DotAttentionVertex() {
    }

    public DotAttentionVertex(String scoreMode, boolean useScale, boolean causal, long dim, int[] roles) {
        super(roles);
        this.scoreMode = scoreMode;
        this.useScale = useScale;
        this.causal = causal;
        this.dim = dim;
    }

    @Override
    public void defineParametersAndInputs(SDVertexParams params) {
        defineInputs(params);
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
        SDVariable q = input(sd, in, 0);
        SDVariable v = input(sd, in, 1);
        SDVariable k = input(sd, in, 2);
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
        return inQueryLayout(sd, out);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        InputType.InputTypeRecurrent[] qvk = sequences("Attention", inputs);
        if (qvk[0].getSize() != qvk[2].getSize()) {
            throw new InvalidInputTypeException("Attention: query has " + qvk[0].getSize() + " features but key has " + qvk[2].getSize());
        }
        if (scoreMode.equals("additive") && useScale && dim != qvk[0].getSize()) {
            throw new InvalidInputTypeException("AdditiveAttention: scale has " + dim + " values but query has " + qvk[0].getSize()
                    + " features");
        }
        return InputType.recurrent(qvk[1].getSize(), qvk[0].getTimeSeriesLength(), qvk[0].getFormat());
    }

    @Override
    public GraphVertex clone() {
        return withLayoutOf(new DotAttentionVertex(scoreMode, useScale, causal, dim, getRoles()));
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
}
