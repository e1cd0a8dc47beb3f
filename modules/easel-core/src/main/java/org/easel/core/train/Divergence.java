package org.easel.core.train;

import org.easel.core.error.EaselException;

/**
 * The NaN policy of every trainer: a non-finite loss stops training at once with one message that says
 * where it happened, which setting to lower, and what was kept.
 */
public final class Divergence {
    private Divergence() {
    }

    /** True when {@code value} is NaN or infinite. */
    public static boolean diverged(double value) {
        return !Double.isFinite(value);
    }

    /**
     * @param what            the quantity ("training loss", "stage-2 validation loss", ...)
     * @param batch           the batch in the epoch, or 0 when it was an epoch's score
     * @param learningRateKey the config key to lower, e.g. training.learning_rate
     * @param otherRemedy     a further remedy ("raise vae.gaussian_sigma (now 0.1)"), or null
     * @param kept            what survives ("the checkpoint of epoch 3 is kept; --resume continues from it"), or null
     */
    public static EaselException error(String what, double value, int epoch, int batch, String learningRateKey, double learningRate,
                                       String otherRemedy, String kept) {
        return new EaselException("The " + what + " became " + value + " at epoch " + epoch + (batch > 0 ? ", batch " + batch : "")
                + ". Training stopped. Lower " + learningRateKey + " (now " + learningRate + ")"
                + (otherRemedy != null ? " or " + otherRemedy : "") + " and run again" + (kept != null ? "; " + kept : "") + ".");
    }

    /** What a checkpointed run keeps when epoch {@code epoch} diverged. */
    public static String checkpointKept(int epoch) {
        return epoch > 1 ? "the checkpoint of epoch " + (epoch - 1) + " is kept, and --resume continues from it" : null;
    }
}
