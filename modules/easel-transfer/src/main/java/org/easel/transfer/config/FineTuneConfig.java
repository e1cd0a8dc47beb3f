package org.easel.transfer.config;

import java.util.List;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

@Doc("Optional stage 2: after the head has trained, unfreeze the top of the backbone and train it with the head at a lower learning rate")
public record FineTuneConfig(
        @Doc("First backbone layer to unfreeze (e.g. fire8, block5_conv1); it and every layer up to freeze_up_to train. null = no stage 2") String unfreezeFrom,
        @Doc("Stage-2 epochs (the best epoch by `monitor` is kept, or the stage-1 weights if none beats them)") int epochs,
        @Doc("Stage-2 learning rate (Adam); keep it well below the head's") double learningRate,
        @Doc("Stage-2 examples per step") int batchSize,
        @Doc("How the kept epoch is chosen on the validation split: val_accuracy (ties: lower loss) or val_loss") String monitor) implements Validated {

    public static final FineTuneConfig DEFAULTS = new FineTuneConfig(null, 5, 1e-4, 32, "val_accuracy");

    public static final List<String> MONITORS = List.of("val_accuracy", "val_loss");

    public boolean enabled() {
        return unfreezeFrom != null && !unfreezeFrom.isBlank();
    }

    @Override
    public void validate(Checks c) {
        c.positive(epochs, "epochs");
        c.positive(learningRate, "learning_rate");
        c.positive(batchSize, "batch_size");
        c.oneOf(monitor, "monitor", MONITORS);
    }
}
