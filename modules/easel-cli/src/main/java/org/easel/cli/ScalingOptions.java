package org.easel.cli;

import org.easel.keras.InputScaling;
import picocli.CommandLine.Option;

/** --scale/--mean/--std: how raw pixels become a Keras model's inputs (see {@link InputScaling}). */
final class ScalingOptions {
    @Option(names = "--scale", paramLabel = "S", description = "Keras models: the model takes pixel / S (default 255: inputs in [0, 1]; 1: raw 0..255)")
    Double scale;

    @Option(names = "--mean", paramLabel = "M[,M,M]", description = "Keras models: subtracted after --scale, one value or one per channel")
    String mean;

    @Option(names = "--std", paramLabel = "S[,S,S]", description = "Keras models: divides after --mean, one value or one per channel")
    String std;

    /** The scaling given on the command line, or null when none of the options is. */
    InputScaling scaling() {
        return scale == null && mean == null && std == null ? null : InputScaling.of(scale, mean, std);
    }
}
