package org.easel.core.model;

import java.util.List;

/**
 * What a saved model needs besides its weights so that predict/evaluate preprocess exactly as
 * training did: class names and the input image shape. Stored inside the model zip.
 */
public record ModelInfo(String kind, List<String> classes, int channels, int height, int width, String dataset, String easelVersion) {
    public static final String CLASSIFIER = "classifier";
}
