package org.easel.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.easel.core.model.ModelStore;
import org.easel.core.predict.ImageClassifier;
import org.easel.core.predict.NetworkClassifier;
import org.easel.keras.ImportedModel;
import org.easel.keras.InputScaling;
import org.easel.keras.KerasClassifier;
import org.easel.keras.KerasImporter;

/**
 * Opens whatever model the user points at: a run folder, an Easel model.zip, a zip written by {@code easel import},
 * or a Keras file (.h5/.hdf5, .keras, or an architecture .json with {@code --weights}). A Keras file's input
 * scaling comes from its sidecar ({@code model.h5.scaling.json}) or is the default x / 255.
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

    /** Imports a Keras file (untrusted: read in a child JVM first), with its sidecar scaling if any. */
    static ImportedModel importKeras(Path arg, Path weights) {
        KerasImporter.Builder b = KerasImporter.builder().isolated(UNTRUSTED_H5_TIMEOUT);
        if (weights != null) {
            b.weights(weights);
        }
        ImportedModel m = b.build().importModel(arg);
        InputScaling sidecar = InputScaling.sidecar(arg);
        return sidecar == null ? m : m.withInputScaling(sidecar);
    }

    /** An imported model if {@code arg} is a Keras file or an 'easel import' zip, else null. */
    static ImportedModel imported(Path arg, Path weights) {
        if (isKeras(arg) || weights != null) {
            return importKeras(arg, weights);
        }
        Path file = ModelArgument.modelFile(arg);
        return ImportedModel.isImportedZip(file) ? ImportedModel.load(file) : null;
    }

    static ImageClassifier open(Path arg) {
        return open(arg, null);
    }

    static ImageClassifier open(Path arg, Path weights) {
        ImportedModel m = imported(arg, weights);
        if (m != null) {
            return new KerasClassifier(m);
        }
        return new NetworkClassifier(ModelStore.load(ModelArgument.modelFile(arg), false));
    }
}
