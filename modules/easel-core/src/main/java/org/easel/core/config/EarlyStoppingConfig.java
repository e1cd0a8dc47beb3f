package org.easel.core.config;

@Doc("Early stopping on the validation loss")
public record EarlyStoppingConfig(
        @Doc("Turn early stopping on") boolean enabled,
        @Doc("Epochs without improvement before stopping") int patience,
        @Doc("Smallest decrease of the validation loss that counts as improvement") double minDelta,
        @Doc("Keep the weights of the best epoch, not the last") boolean restoreBest) implements Validated {

    public static final EarlyStoppingConfig DEFAULTS = new EarlyStoppingConfig(false, 5, 0.0, true);

    @Override
    public void validate(Checks checks) {
        checks.positive(patience, "patience");
        checks.require(minDelta >= 0, "min_delta", "must be >= 0, found " + minDelta);
    }
}
