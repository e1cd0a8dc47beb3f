package org.easel.keras.layers;

/**
 * Keys the importer adds to a layer's Keras config before DL4J reads it: what the Easel mappings need that
 * the config alone does not say (sizes read from the file's weights, which tensor plays which attention role).
 */
public final class EaselKeys {
    /** LayerNormalization: number of normalised features (length of gamma/beta). */
    public static final String FEATURES = "easel_features";
    /** Attention layers: vertex input index of query, value and key. */
    public static final String ROLES = "easel_roles";
    /** Attention layers: causal mask (Keras {@code use_causal_mask=True} or the old {@code causal=True}). */
    public static final String CAUSAL = "easel_causal";
    /** MultiHeadAttention: feature sizes of query, key and value inputs and of the output (from the kernels). */
    public static final String QUERY_FEATURES = "easel_query_features";
    public static final String KEY_FEATURES = "easel_key_features";
    public static final String VALUE_FEATURES = "easel_value_features";
    public static final String OUTPUT_FEATURES = "easel_output_features";
    /** MultiHeadAttention: per-head sizes (from the kernels). */
    public static final String KEY_DIM = "easel_key_dim";
    public static final String VALUE_DIM = "easel_value_dim";
    /** AdditiveAttention: length of the scale vector. */
    public static final String DIM = "easel_dim";

    private EaselKeys() {
    }
}
