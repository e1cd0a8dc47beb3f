package org.easel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.easel.core.model.ModelStore;
import org.easel.core.predict.ImageClassifier;
import org.easel.core.predict.NetworkClassifier;
import org.easel.keras.KerasClassifier;
import org.easel.keras.KerasImporter;

/** Opens whatever model the user points at: a run folder, an Easel model.zip, or a Keras .h5. */
final class Classifiers {
    /** Keras files may come from anywhere: read them first in a child JVM that is killed if the HDF5 library hangs. */
    static final Duration UNTRUSTED_H5_TIMEOUT = Duration.ofSeconds(120);

    private Classifiers() {
    }

    static boolean isKeras(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras");
    }

    static ImageClassifier open(Path arg) {
        if (isKeras(arg)) {
            return new KerasClassifier(KerasImporter.builder().isolated(UNTRUSTED_H5_TIMEOUT).build().importModel(arg));
        }
        Path file = Files.isDirectory(arg) ? arg.resolve("model.zip") : arg;
        return new NetworkClassifier(ModelStore.load(file, false));
    }
}
