package org.easel.transfer.featurize;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The frozen part of a backbone as the featurizer, the saved model and Grad-CAM see it: preprocessed
 * NCHW images in, the feature map of the freeze layer (always NCHW) and its pooled vector out. Built-in
 * backbones run in SameDiff ({@link FrozenBackbone}); model-file backbones run their own DL4J graph
 * ({@link org.easel.transfer.modelfile.GraphBackbone}).
 */
public interface FeatureExtractor {
    /** Pooled features [n, featureSize] for a batch of preprocessed NCHW images. */
    INDArray features(INDArray images);

    /** Feature maps [n, channels, h, w] of the freeze layer, for Grad-CAM. */
    INDArray featureMaps(INDArray images);

    /** [channels, height, width] of the feature map. */
    int[] featureMapShape();

    /** Length of the pooled feature vector. */
    int featureSize();

    /** Name of the freeze layer. */
    String lastLayer();
}
