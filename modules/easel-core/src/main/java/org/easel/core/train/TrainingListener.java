package org.easel.core.train;

/**
 * What training reports while it runs. Library code only calls this; the CLI draws a progress bar
 * from it and tests use it to interrupt a run. Every method has a no-op default.
 */
public interface TrainingListener {
    default void onEpochStart(int epoch, int totalEpochs, int batches) {
    }

    default void onBatch(int epoch, int batch, int batches, double loss) {
    }

    default void onEpochEnd(EpochMetrics metrics) {
    }

    /** A message for the user, e.g. early stopping. */
    default void onMessage(String message) {
    }

    TrainingListener NONE = new TrainingListener() {
    };
}
