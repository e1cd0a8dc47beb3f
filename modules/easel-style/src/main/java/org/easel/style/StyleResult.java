package org.easel.style;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished style transfer hands back: the image, the loss from the first to the last
 * iteration, timing, and everything the report shows.
 */
public record StyleResult(Path image, Path outDir, String backbone, boolean pretrained, int width, int height,
                          int iterations, double initialLoss, double finalLoss, double seconds, double secondsPerIteration,
                          List<ScaleRun> scales, List<Step> history, List<Path> frames, List<String> notes) {

    /** One accepted optimisation step; {@code iteration} counts loss+gradient evaluations over all scales. */
    public record Step(int iteration, int scale, double total, double content, double style, double tv) {
    }

    /** One scale of a coarse-to-fine run. */
    public record ScaleRun(int width, int height, int iterations, double startLoss, double endLoss, double seconds,
                           String stopReason) {
    }

    /** Fraction by which the total loss fell, first iteration to last (0.95 = fell by 95%). */
    public double lossDrop() {
        return initialLoss > 0 ? 1 - finalLoss / initialLoss : 0;
    }
}
