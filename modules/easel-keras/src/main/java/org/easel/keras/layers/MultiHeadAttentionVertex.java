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
import org.nd4j.linalg.factory.Nd4j;

/**
 * Keras {@code MultiHeadAttention} over sequences ({@code [batch, time, features]}, attention over the time
 * axis, Keras' default for rank-3 inputs), as a SameDiff graph vertex with Keras' own weight shapes:
 * <pre>
 *   q = query · Wq + bq        Wq [query features, heads, key_dim]       (Keras EinsumDense "abc,cde->abde")
 *   k = key   · Wk + bk        Wk [key features, heads, key_dim]
 *   v = value · Wv + bv        Wv [value features, heads, value_dim]
 *   scores = (q / sqrt(key_dim)) · kᵀ per head      [batch, heads, T, S]
 *   (causal: scores where key position > query position get -1e9, as Keras' masked softmax)
 *   out = softmax(scores) · v, then · Wo + bo      Wo [heads, value_dim, output features]
 * </pre>
 * Dropout on the attention weights is a training-time operation and is not applied (inference).
 *
 * <p>The vertex has one input per distinct tensor among query, value and key (self-attention {@code mha(x, x)}
 * has one); {@link #getRoles()} says which input plays which role. Sequences may come in NWC or NCW layout
 * (read from the input types); the output has the query's layout.
 */
public class MultiHeadAttentionVertex extends SameDiffVertex {
    public static final String[] PARAMS = {"query_kernel", "query_bias", "key_kernel", "key_bias", "value_kernel", "value_bias",
        "output_kernel", "output_bias"};

    private int heads;
    private long keyDim;
    private long valueDim;
    private long queryFeatures;
    private long keyFeatures;
    private long valueFeatures;
    private long outputFeatures;
    private boolean useBias = true;
    private boolean causal;
    /** Vertex input index of query, value and key. */
    private int[] roles = {0, 0, 0};
    private int inputCount = 1;
    private boolean[] channelsFirst;

    /** For DL4J's JSON deserialisation. */
    public MultiHeadAttentionVertex() {
    }

    public MultiHeadAttentionVertex(int heads, long keyDim, long valueDim, long queryFeatures, long keyFeatures, long valueFeatures,
                                    long outputFeatures, boolean useBias, boolean causal, int[] roles) {
        this.heads = heads;
        this.keyDim = keyDim;
        this.valueDim = valueDim;
        this.queryFeatures = queryFeatures;
        this.keyFeatures = keyFeatures;
        this.valueFeatures = valueFeatures;
        this.outputFeatures = outputFeatures;
        this.useBias = useBias;
        this.causal = causal;
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
        params.addWeightParam("query_kernel", queryFeatures, heads, keyDim);
        params.addWeightParam("key_kernel", keyFeatures, heads, keyDim);
        params.addWeightParam("value_kernel", valueFeatures, heads, valueDim);
        params.addWeightParam("output_kernel", heads, valueDim, outputFeatures);
        if (useBias) {
            params.addBiasParam("query_bias", heads, keyDim);
            params.addBiasParam("key_bias", heads, keyDim);
            params.addBiasParam("value_bias", heads, valueDim);
            params.addBiasParam("output_bias", outputFeatures);
        }
    }

    @Override
    public void initializeParameters(Map<String, INDArray> params) {
        // Weights always come from the Keras file; zeros keep an uninitialised vertex deterministic.
        params.values().forEach(p -> p.assign(0));
    }

    @Override
    public SDVariable defineVertex(SameDiff sd, Map<String, SDVariable> in, Map<String, SDVariable> p, Map<String, SDVariable> masks) {
        SDVariable query = nwc(sd, in.get("in" + roles[0]), roles[0]);
        SDVariable value = nwc(sd, in.get("in" + roles[1]), roles[1]);
        SDVariable key = nwc(sd, in.get("in" + roles[2]), roles[2]);
        // [batch, time, features] x [features, heads, dim] -> [batch, time, heads, dim]
        SDVariable q = project(sd, query, p, "query");
        SDVariable k = project(sd, key, p, "key");
        SDVariable v = project(sd, value, p, "value");
        q = q.mul(1.0 / Math.sqrt(keyDim));
        SDVariable qh = sd.permute(q, 0, 2, 1, 3); // [b, heads, T, dk]
        SDVariable kh = sd.permute(k, 0, 2, 1, 3); // [b, heads, S, dk]
        SDVariable vh = sd.permute(v, 0, 2, 1, 3); // [b, heads, S, dv]
        SDVariable scores = sd.mmul(qh, kh, false, true, false); // [b, heads, T, S]
        scores = AttentionMaths.causalMask(sd, scores, causal);
        SDVariable weights = sd.nn().softmax(scores, 3);
        SDVariable o = sd.permute(sd.mmul(weights, vh), 0, 2, 1, 3); // [b, T, heads, dv]
        // Merge heads: [b, T, heads * dv] x [heads * dv, out]. (A two-axis tensorMmul is mis-built by ND4J M2.1.)
        SDVariable batchAndTime = sd.slice(sd.shape(o), new int[] {0}, new int[] {2});
        SDVariable merged = sd.reshape(o, sd.concat(0, batchAndTime, sd.constant(Nd4j.createFromArray(new long[] {heads * valueDim}))));
        SDVariable kernel = sd.reshape(p.get("output_kernel"), heads * valueDim, outputFeatures);
        SDVariable out = sd.tensorMmul(merged, kernel, new int[] {2}, new int[] {0}); // [b, T, out]
        if (useBias) {
            out = out.add(p.get("output_bias"));
        }
        return channelsFirst != null && channelsFirst[roles[0]] ? sd.permute(out, 0, 2, 1) : out;
    }

    private SDVariable project(SameDiff sd, SDVariable x, Map<String, SDVariable> p, String role) {
        SDVariable y = sd.tensorMmul(x, p.get(role + "_kernel"), new int[] {2}, new int[] {0});
        return useBias ? y.add(p.get(role + "_bias")) : y;
    }

    private SDVariable nwc(SameDiff sd, SDVariable x, int input) {
        return channelsFirst != null && channelsFirst[input] ? sd.permute(x, 0, 2, 1) : x;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        if (inputs.length != inputCount) {
            throw new InvalidInputTypeException("MultiHeadAttention expects " + inputCount + " distinct input(s), got " + inputs.length);
        }
        channelsFirst = new boolean[inputs.length];
        long[] features = new long[inputs.length];
        long[] lengths = new long[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            if (!(inputs[i] instanceof InputType.InputTypeRecurrent r)) {
                throw new InvalidInputTypeException("MultiHeadAttention is imported for sequences [batch, time, features]"
                        + " (attention over time); input " + i + " is " + inputs[i]);
            }
            channelsFirst[i] = r.getFormat() == RNNFormat.NCW;
            features[i] = r.getSize();
            lengths[i] = r.getTimeSeriesLength();
        }
        check("query", features[roles[0]], queryFeatures);
        check("value", features[roles[1]], valueFeatures);
        check("key", features[roles[2]], keyFeatures);
        InputType.InputTypeRecurrent q = (InputType.InputTypeRecurrent) inputs[roles[0]];
        return InputType.recurrent(outputFeatures, q.getTimeSeriesLength(), q.getFormat());
    }

    private static void check(String role, long actual, long weights) {
        if (actual != weights) {
            throw new InvalidInputTypeException("MultiHeadAttention " + role + " input has " + actual
                    + " features but the " + role + " kernel expects " + weights);
        }
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] maskArrays, MaskState currentMaskState, int minibatchSize) {
        // Keras would mask keys with the value's mask; the importer refuses models with masks feeding attention,
        // so only the query's mask (sequence positions) passes on.
        INDArray m = maskArrays == null ? null : maskArrays[roles[0]];
        return new Pair<>(m, m == null ? null : currentMaskState);
    }

    @Override
    public GraphVertex clone() {
        MultiHeadAttentionVertex c = new MultiHeadAttentionVertex(heads, keyDim, valueDim, queryFeatures, keyFeatures, valueFeatures,
                outputFeatures, useBias, causal, roles);
        c.channelsFirst = channelsFirst == null ? null : channelsFirst.clone();
        return c;
    }

    public int getHeads() {
        return heads;
    }

    public void setHeads(int heads) {
        this.heads = heads;
    }

    public long getKeyDim() {
        return keyDim;
    }

    public void setKeyDim(long keyDim) {
        this.keyDim = keyDim;
    }

    public long getValueDim() {
        return valueDim;
    }

    public void setValueDim(long valueDim) {
        this.valueDim = valueDim;
    }

    public long getQueryFeatures() {
        return queryFeatures;
    }

    public void setQueryFeatures(long queryFeatures) {
        this.queryFeatures = queryFeatures;
    }

    public long getKeyFeatures() {
        return keyFeatures;
    }

    public void setKeyFeatures(long keyFeatures) {
        this.keyFeatures = keyFeatures;
    }

    public long getValueFeatures() {
        return valueFeatures;
    }

    public void setValueFeatures(long valueFeatures) {
        this.valueFeatures = valueFeatures;
    }

    public long getOutputFeatures() {
        return outputFeatures;
    }

    public void setOutputFeatures(long outputFeatures) {
        this.outputFeatures = outputFeatures;
    }

    public boolean isUseBias() {
        return useBias;
    }

    public void setUseBias(boolean useBias) {
        this.useBias = useBias;
    }

    public boolean isCausal() {
        return causal;
    }

    public void setCausal(boolean causal) {
        this.causal = causal;
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
