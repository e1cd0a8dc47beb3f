package org.easel.transfer.config;

import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

@Doc("Optional stage 2: after the head has trained, unfreeze the top of the backbone and train it with the head at a lower learning rate")
public record FineTuneConfig(
        @Doc("First backbone layer to unfreeze (e.g. fire8, block5_conv1); it and every layer up to freeze_up_to train. null = no stage 2") String unfreezeFrom,
        @Doc("Stage-2 epochs (the epoch with the lowest validation loss is kept)") int epochs,
        @Doc("Stage-2 learning rate (Adam); keep it well below the head's") double learningRate,
        @Doc("Stage-2 examples per step") int batchSize) implements Validated {

    public static final FineTuneConfig DEFAULTS = new FineTuneConfig(null, 5, 1e-4, 32);

    public boolean enabled() {
        return unfreezeFrom != null && !unfreezeFrom.isBlank();
    }

    @Override
    public void validate(Checks c) {
        c.positive(epochs, "epochs");
        c.positive(learningRate, "learning_rate");
        c.positive(batchSize, "batch_size");
    }
}
