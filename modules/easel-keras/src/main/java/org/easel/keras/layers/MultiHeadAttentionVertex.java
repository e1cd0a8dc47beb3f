package org.easel.keras.layers;

import java.util.Map;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.layers.samediff.SDVertexParams;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
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
public class MultiHeadAttentionVertex extends AttentionVertex {
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

    /** For DL4J's JSON deserialisation. */
    public MultiHeadAttentionVertex() {
    }

    public MultiHeadAttentionVertex(int heads, long keyDim, long valueDim, long queryFeatures, long keyFeatures, long valueFeatures,
                                    long outputFeatures, boolean useBias, boolean causal, int[] roles) {
        super(roles);
        this.heads = heads;
        this.keyDim = keyDim;
        this.valueDim = valueDim;
        this.queryFeatures = queryFeatures;
        this.keyFeatures = keyFeatures;
        this.valueFeatures = valueFeatures;
        this.outputFeatures = outputFeatures;
        this.useBias = useBias;
        this.causal = causal;
    }

    @Override
    public void defineParametersAndInputs(SDVertexParams params) {
        defineInputs(params);
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
        SDVariable query = input(sd, in, 0);
        SDVariable value = input(sd, in, 1);
        SDVariable key = input(sd, in, 2);
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
        return inQueryLayout(sd, out);
    }

    private SDVariable project(SameDiff sd, SDVariable x, Map<String, SDVariable> p, String role) {
        SDVariable y = sd.tensorMmul(x, p.get(role + "_kernel"), new int[] {2}, new int[] {0});
        return useBias ? y.add(p.get(role + "_bias")) : y;
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) throws InvalidInputTypeException {
        InputType.InputTypeRecurrent[] qvk = sequences("MultiHeadAttention", inputs);
        check("query", qvk[0].getSize(), queryFeatures);
        check("value", qvk[1].getSize(), valueFeatures);
        check("key", qvk[2].getSize(), keyFeatures);
        return InputType.recurrent(outputFeatures, qvk[0].getTimeSeriesLength(), qvk[0].getFormat());
    }

    private static void check(String role, long actual, long weights) {
        if (actual != weights) {
            throw new InvalidInputTypeException("MultiHeadAttention " + role + " input has " + actual
                    + " features but the " + role + " kernel expects " + weights);
        }
    }

    @Override
    public GraphVertex clone() {
        return withLayoutOf(new MultiHeadAttentionVertex(heads, keyDim, valueDim, queryFeatures, keyFeatures, valueFeatures,
                outputFeatures, useBias, causal, getRoles()));
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
}
