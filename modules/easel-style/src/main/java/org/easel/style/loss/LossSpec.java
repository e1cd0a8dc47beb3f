package org.easel.style.loss;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the loss compares: the content layer, the style layers with their weights (normalised to
 * sum 1), and the weights of the three terms.
 */
public record LossSpec(String contentLayer, List<String> styleLayers, double[] styleLayerWeights,
                       double contentWeight, double styleWeight, double tvWeight) {

    public LossSpec {
        if (styleLayers.size() != styleLayerWeights.length) {
            throw new IllegalArgumentException("one weight per style layer needed");
        }
        double sum = 0;
        for (double w : styleLayerWeights) {
            sum += w;
        }
        double[] n = new double[styleLayerWeights.length];
        for (int i = 0; i < n.length; i++) {
            n[i] = sum > 0 ? styleLayerWeights[i] / sum : 0;
        }
        styleLayerWeights = n;
    }

    /** Every layer the graph needs, content first. */
    public List<String> allLayers() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        s.add(contentLayer);
        s.addAll(styleLayers);
        return List.copyOf(s);
    }
}
