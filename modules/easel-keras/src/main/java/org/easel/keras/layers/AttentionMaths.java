package org.easel.keras.layers;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Maths shared by the attention vertices. */
final class AttentionMaths {
    /** What Keras adds to masked scores before the softmax (float32 and float64 alike). */
    static final double MASKED = -1e9;

    private AttentionMaths() {
    }

    /**
     * Keras' causal mask: score [.., i, j] is kept where key position j <= query position i and replaced by
     * {@code scores + MASKED} elsewhere, so the softmax gives those positions exactly 0 (as Keras' masked softmax).
     */
    static SDVariable causalMask(SameDiff sd, SDVariable scores, boolean causal) {
        if (!causal) {
            return scores;
        }
        SDVariable lower = sd.linalg().matrixBandPart(sd.onesLike(scores), -1, 0)[0];
        return scores.add(lower.rsub(1.0).mul(MASKED));
    }
}
