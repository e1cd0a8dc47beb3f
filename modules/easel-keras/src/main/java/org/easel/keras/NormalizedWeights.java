package org.easel.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes the weights Easel has read (from any Keras layout: Keras 1/2 .h5, Keras 3 legacy .h5 with its
 * nested groups, a .keras archive) into one temporary file in the Keras 2 {@code save_weights} layout
 * DL4J reads: root attribute {@code layer_names}; per layer a group with {@code weight_names}
 * ({@code <layer>/<name>:0}) and datasets {@code <layer>/<layer>/<name>:0}. DL4J then never sees the
 * original layout, so every file variant Easel reads imports the same way.
 */
final class NormalizedWeights {
    private NormalizedWeights() {
    }

    /** Writes a temporary file (the caller deletes it). */
    static Path write(Map<String, Map<String, INDArray>> weights, String kerasVersion, String backend) {
        Path tmp;
        try {
            tmp = Files.createTempFile("easel-keras-normalised", ".h5");
        } catch (IOException e) {
            throw new EaselException("Cannot create a temporary file for the Keras weights: " + e.getMessage(), e);
        }
        try (H5Writer w = new H5Writer(tmp)) {
            KerasModelWriter.writeWeightsOnly(w, weights, kerasVersion, backend, true);
        } catch (RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw e;
        }
        return tmp;
    }
}
