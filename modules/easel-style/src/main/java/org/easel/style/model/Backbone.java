package org.easel.style.model;

import java.util.List;
import java.util.Map;
import org.easel.core.weights.WeightsFile;

/**
 * A pretrained feature network usable for style transfer: its layers in forward order, its
 * weight file, and the content/style layers that were tuned for it (by looking at results on
 * /work/shared/images; see docs/style-transfer.md).
 */
public interface Backbone {
    String name();

    /** Layer names whose activations can be used, in forward order. */
    List<String> layers();

    String defaultContentLayer();

    List<String> defaultStyleLayers();

    List<Double> defaultStyleLayerWeights();

    WeightsFile weightsFile();

    /** Conv layers that have weights, with their Keras kernel shapes (HWIO). */
    Map<String, long[]> convShapes();

    /** Builds the graph up to and including {@code last}; returns every layer output built so far. */
    Map<String, org.nd4j.autodiff.samediff.SDVariable> build(GraphBuilder g, GraphBuilder.T input, String last);

    static Backbone named(String name) {
        return switch (name) {
            case "squeezenet" -> new SqueezeNet();
            case "vgg16" -> new Vgg16();
            default -> throw new IllegalArgumentException("unknown backbone " + name);
        };
    }
}
