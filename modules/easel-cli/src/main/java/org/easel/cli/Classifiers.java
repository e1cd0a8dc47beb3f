package org.easel.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelStore;
import org.easel.core.predict.ImageClassifier;
import org.easel.core.predict.NetworkClassifier;
import org.easel.keras.ImportedModel;
import org.easel.keras.InputScaling;
import org.easel.keras.KerasClassifier;
import org.easel.keras.KerasImporter;

/**
 * Opens whatever model the user points at: a run folder, an Easel model.zip, a zip written by {@code easel import},
 * or a Keras file (.h5/.hdf5, .keras, or an architecture .json with {@code --weights}). A Keras model's input
 * scaling comes from one place: --scale/--mean/--std, its sidecar ({@code model.h5.scaling.json}) or, for an
 * 'easel import' zip, what the zip records; else x / 255.
 */
final class Classifiers {
    /** Keras files may come from anywhere: read them first in a child JVM that is killed if the HDF5 library hangs. */
    static final Duration UNTRUSTED_H5_TIMEOUT = Duration.ofSeconds(120);

    private Classifiers() {
    }

    static boolean isKeras(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras") || n.endsWith(".json");
    }

    /** Imports a Keras file (untrusted: read in a child JVM first), with its input scaling (flags or sidecar). */
    static ImportedModel importKeras(Path arg, Path weights, InputScaling flags) {
        InputScaling scaling = scaling(arg, flags);
        KerasImporter.Builder b = KerasImporter.builder().isolated(UNTRUSTED_H5_TIMEOUT);
        if (weights != null) {
            b.weights(weights);
        }
        ImportedModel m = b.build().importModel(arg);
        return scaling == null ? m : m.withInputScaling(scaling);
    }

    /**
     * A Keras file's input scaling, stated in one place: the command line or its sidecar ({@code MODEL.scaling.json});
     * both is an error (checked before anything is imported); neither gives null (pixel / 255).
     */
    static InputScaling scaling(Path modelFile, InputScaling flags) {
        InputScaling sidecar = InputScaling.sidecar(modelFile);
        if (flags != null && sidecar != null) {
            throw new EaselException("Input scaling is given twice: on the command line and in " + InputScaling.sidecarFile(modelFile)
                    + "; state it in one place.");
        }
        return flags != null ? flags : sidecar;
    }

    /** An imported model if {@code arg} is a Keras file or an 'easel import' zip, else null. */
    static ImportedModel imported(Path arg, Path weights, InputScaling flags) {
        if (isKeras(arg) || weights != null) {
            return importKeras(arg, weights, flags);
        }
        Path file = ModelArgument.modelFile(arg);
        if (!ImportedModel.isImportedZip(file)) {
            if (flags != null) {
                throw new EaselException("--scale/--mean/--std apply to Keras models (a .h5/.keras file or an 'easel import' zip); "
                        + file + " is an Easel model, which feeds images as it was trained.");
            }
            return null;
        }
        ImportedModel m = ImportedModel.load(file);
        if (flags != null && m.report().inputScaling() != null) {
            throw new EaselException("Input scaling is given twice: on the command line and in " + file + " (recorded by 'easel import': "
                    + m.report().inputScaling() + "); state it in one place.");
        }
        return flags == null ? m : m.withInputScaling(flags);
    }

    static ImageClassifier open(Path arg) {
        return open(arg, null, null);
    }

    static ImageClassifier open(Path arg, Path weights, InputScaling flags) {
        ImportedModel m = imported(arg, weights, flags);
        if (m != null) {
            return new KerasClassifier(m);
        }
        return new NetworkClassifier(ModelStore.load(ModelArgument.modelFile(arg), false));
    }
}
