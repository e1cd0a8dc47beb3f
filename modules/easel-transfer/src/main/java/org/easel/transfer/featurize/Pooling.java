package org.easel.transfer.featurize;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** How an NCHW feature map becomes one vector per example (transfer.pooling), for the frozen featurizer and stage 2 alike. */
public final class Pooling {
    /** Pooling value meaning "no pooling": the flattened feature map, the input of a stage-2 fine-tune. */
    public static final String MAP = "map";

    private Pooling() {
    }

    /** avg, max, avgmax (both, concatenated) or map (the whole map flattened; {@code mapSize} = channels x height x width). */
    public static SDVariable apply(SameDiff sd, SDVariable map, String pooling, long mapSize) {
        return switch (pooling) {
            case "max" -> map.max(2, 3);
            case "avgmax" -> sd.concat(1, map.mean(2, 3), map.max(2, 3)); // both summaries of each channel
            case MAP -> sd.reshape(map, -1, mapSize);
            default -> map.mean(2, 3);
        };
    }

    /** Length of the pooled vector of a [channels, height, width] map. */
    public static int size(String pooling, int[] mapShape) {
        return switch (pooling) {
            case "avgmax" -> 2 * mapShape[0];
            case MAP -> Math.toIntExact((long) mapShape[0] * mapShape[1] * mapShape[2]);
            default -> mapShape[0];
        };
    }
}
