package org.easel.transfer.weights;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Resolved backbone weights: kernel (OIHW) and bias per Keras layer name, how inputs must be
 * prepared for them, and what they really are (for the report: a run that fell back to random
 * weights says so).
 *
 * @param used     human-readable: "imagenet (file, sha256 ...)", "random (fallback: ...)"
 * @param identity a stable id for the feature cache key (file hash, or random + seed)
 */
public record BackboneWeights(Map<String, INDArray[]> params, Preprocessing preprocessing, String used, String identity,
                              boolean fellBack) {
    public INDArray kernel(String layer) {
        return params.get(layer)[0];
    }

    public INDArray bias(String layer) {
        return params.get(layer)[1];
    }
}
