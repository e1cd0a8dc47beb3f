package org.easel.core.train;

import java.util.Locale;

/**
 * Which epoch is best: the one policy behind early stopping and "keep the best epoch" for every trainer
 * (core's {@link Trainer}, stage-2 fine-tuning, ...). By validation loss (lower by more than {@code minDelta}
 * is better), or by validation accuracy (higher is better; equal accuracy with a lower loss is better too).
 */
public record Monitor(String name, double minDelta) {
    public static final String VAL_LOSS = "val_loss";
    public static final String VAL_ACCURACY = "val_accuracy";

    public static Monitor valLoss(double minDelta) {
        return new Monitor(VAL_LOSS, minDelta);
    }

    public static Monitor of(String name) {
        return new Monitor(name.toLowerCase(Locale.ROOT), 0);
    }

    public boolean byAccuracy() {
        return VAL_ACCURACY.equals(name);
    }

    /** True if an epoch with {@code loss} and {@code accuracy} beats the best so far. */
    public boolean better(double loss, double accuracy, double bestLoss, double bestAccuracy) {
        return byAccuracy() ? accuracy > bestAccuracy || (accuracy == bestAccuracy && loss < bestLoss) : loss < bestLoss - minDelta;
    }

    /** "validation loss" or "validation accuracy", for messages. */
    public String describe() {
        return byAccuracy() ? "validation accuracy" : "validation loss";
    }
}
