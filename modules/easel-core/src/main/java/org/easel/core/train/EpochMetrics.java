package org.easel.core.train;

/** One line of metrics.jsonl: what Keras' history holds for an epoch, plus its duration. */
public record EpochMetrics(int epoch, double loss, double accuracy, double valLoss, double valAccuracy, double seconds) {
}
