package org.easel.transfer.model;

import java.util.List;

/**
 * What a saved transfer model needs besides the head's weights to label new images exactly as it
 * was trained: which backbone up to which layer, the input size, the weights' preprocessing, the
 * pooling, the feature scaling and the class names. Stored as JSON inside the model zip.
 *
 * @param channels    image channels (0 in older models = 3)
 * @param inputFormat model-file backbones only: NCHW or NHWC, the layout their graph takes; null for built-in backbones
 */
public record TransferInfo(String kind, String backbone, String freezeUpTo, int inputSize, String pooling, String preprocessing,
                           String weightsUsed, List<String> classes, float[] featureMean, float[] featureStd, String easelVersion,
                           int channels, String inputFormat) {
    public static final String KIND = "transfer-classifier";

    /** Image channels; models saved before model-file backbones existed store none and are RGB. */
    public int imageChannels() {
        return channels > 0 ? channels : 3;
    }
}
