package org.easel.core.train;

import java.util.List;

/**
 * Where training stands after an epoch; saved with each checkpoint so {@code --resume} continues
 * exactly where an interrupted run stopped.
 */
public record TrainingState(int epochsDone, List<EpochMetrics> history, double bestValLoss, int bestEpoch,
                            int epochsWithoutImprovement, boolean stoppedEarly) {
    public static TrainingState fresh() {
        return new TrainingState(0, List.of(), Double.POSITIVE_INFINITY, 0, 0, false);
    }
}
