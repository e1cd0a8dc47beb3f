package org.easel.core.predict;

import java.util.List;

/**
 * Anything that classifies images given as channel-height-width floats in [0, 1]: Easel's own
 * models, imported Keras models, transfer-learning models. Each implementation applies its own
 * preprocessing (layout, mean subtraction) inside {@link #probabilities}.
 */
public interface ImageClassifier {
    int channels();

    int height();

    int width();

    List<String> classes();

    /** Class probabilities for {@code n} examples stored one after another in {@code chwPixels}. */
    float[][] probabilities(float[] chwPixels, int n);
}
