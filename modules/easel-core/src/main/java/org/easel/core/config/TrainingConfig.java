package org.easel.core.config;

import java.util.List;

@Doc("Optimisation")
public record TrainingConfig(
        @Doc("Passes over the training data") int epochs,
        @Doc("Examples per gradient step") int batchSize,
        @Doc("rmsprop, adam, sgd or nesterovs") String optimizer,
        @Doc("Step size") double learningRate,
        @Doc("Fraction of the training data held out for validation (the last part, as in Keras validation_split)") double validationSplit,
        @Doc("Shuffle the training examples every epoch") boolean shuffle,
        @Doc("Stop after this many batches per epoch (0 = all); for smoke tests") int maxBatches,
        @Doc("Stop when the validation loss stops improving") EarlyStoppingConfig earlyStopping,
        @Doc("Native compute threads (0 = auto: 1 for dense-only networks, where a second thread costs more than it saves; all cores otherwise)") int threads,
        @Doc("How classifiers take a gradient step: fused (Easel's own step on the network's arrays, same maths as DL4J's fit: "
                + "dense-only networks with far fewer native calls, convolutional ones through oneDNN; a layer it cannot compute is "
                + "named in the log and the network uses DL4J's fit) or dl4j (DL4J's fit)") String denseStep) implements Validated {

    public static final List<String> OPTIMIZERS = List.of("rmsprop", "adam", "sgd", "nesterovs");
    public static final List<String> DENSE_STEPS = List.of("fused", "dl4j");

    public static final TrainingConfig DEFAULTS = new TrainingConfig(10, 128, "adam", 0.001, 0.2, true, 0, EarlyStoppingConfig.DEFAULTS, 0, "fused");

    @Override
    public void validate(Checks checks) {
        checks.positive(epochs, "epochs");
        checks.positive(batchSize, "batch_size");
        checks.oneOf(optimizer, "optimizer", OPTIMIZERS);
        checks.positive(learningRate, "learning_rate");
        checks.fraction(validationSplit, "validation_split");
        checks.require(threads >= 0, "threads", "must be >= 0 (0 = auto), found " + threads);
        checks.oneOf(denseStep, "dense_step", DENSE_STEPS);
        checks.require(maxBatches >= 0, "max_batches", "must be >= 0 (0 = all), found " + maxBatches);
    }
}
