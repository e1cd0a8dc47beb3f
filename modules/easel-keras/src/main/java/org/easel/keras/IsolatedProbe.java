package org.easel.keras;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;

/**
 * Reads an untrusted Keras file in a separate JVM first.
 *
 * <p>Why: the HDF5 C library is not hardened against corrupt files. Easel's Java-side checks
 * ({@link Hdf5Precheck}) catch truncation, wrong files and corrupt heap sizes, but a long mutation
 * search still found a one-byte change in an attribute header that makes {@code H5Aread} loop forever;
 * a thread stuck in native code cannot be interrupted and keeps the HDF5 lock. A child process can be
 * killed. The child performs exactly the native reads the import will do (attributes, every weight
 * dataset); if it succeeds, the in-process import reads the same bytes safely.
 */
public final class IsolatedProbe {
    static final int EXIT_EASEL = 3;
    static final int EXIT_BUG = 4;

    /** Content keys (SHA-256 of model and weights files) the probe has passed in this JVM. */
    private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();

    private IsolatedProbe() {
    }

    /** Runs the probe for {@code modelFile} (may be null when only an architecture JSON is used) and {@code weightsFile}. */
    static void run(Path modelFile, Path weightsFile, Duration timeout) {
        // Files already read safely by a child of this JVM (same bytes) need no second child: a long-running
        // program (or a test suite) that opens one model many times pays for one probe.
        String key = contentKey(modelFile, weightsFile);
        if (key != null && PASSED.contains(key)) {
            return;
        }
        probe(modelFile, weightsFile, timeout);
        if (key != null) {
            PASSED.add(key);
        }
    }

    /** SHA-256 of the files' bytes, or null when they cannot be read (the probe then reports it). */
    private static String contentKey(Path modelFile, Path weightsFile) {
        try {
            return (modelFile == null ? "-" : Hashing.sha256(modelFile)) + "+" + Hashing.sha256(weightsFile);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static void probe(Path modelFile, Path weightsFile, Duration timeout) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                IsolatedProbe.class.getName(), modelFile == null ? "-" : modelFile.toString(), weightsFile.toString()));
        Path err = null;
        Process p = null;
        try {
            err = Files.createTempFile("easel-keras-probe", ".txt");
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new EaselException("Reading " + files(modelFile, weightsFile) + " did not finish within " + timeout.toSeconds()
                        + " s in the isolated reader: the HDF5 library hangs on it, so the file is corrupt or hostile."
                        + " Nothing was imported; save or download the file again.");
            }
            int code = p.exitValue();
            String output = Files.readString(err, StandardCharsets.UTF_8).strip();
            if (code == 0) {
                return;
            }
            if (code == EXIT_EASEL) {
                throw new EaselException(lastLine(output));
            }
            throw new EaselException("Reading " + files(modelFile, weightsFile) + " " + (code > 128 ? "crashed the HDF5 library (signal "
                    + (code - 128) + ")" : "failed (exit code " + code + ")") + " in the isolated reader: the file is corrupt or hostile."
                    + " Nothing was imported; save or download the file again." + (output.isEmpty() ? "" : " Last output: " + lastLine(output)));
        } catch (IOException e) {
            throw new EaselException("Cannot start the isolated Keras file reader (" + e.getMessage() + "); import without isolation"
                    + " only for files you trust.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (p != null) {
                p.destroyForcibly();
            }
            throw new EaselException("Interrupted while checking " + files(modelFile, weightsFile) + ".");
        } finally {
            if (err != null) {
                try {
                    Files.deleteIfExists(err);
                } catch (IOException ignored) {
                    // a stray temp file is harmless
                }
            }
        }
    }

    private static String files(Path model, Path weights) {
        return model == null || model.equals(weights) ? weights.toString() : model + " and " + weights;
    }

    private static String lastLine(String s) {
        String[] lines = s.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("EASEL: ")) {
                return lines[i].substring(7);
            }
        }
        return lines.length == 0 ? "" : lines[lines.length - 1];
    }

    /** Child entry point: {@code IsolatedProbe MODEL|- WEIGHTS}. */
    public static void main(String[] args) {
        try {
            // Only HDF5 and JSON work here, no ND4J: its start-up would cost seconds in every child JVM.
            if (KerasArchive.isZip(Path.of(args[1]))) {
                KerasArchive.probe(Path.of(args[1]));
                System.exit(0);
            }
            if (!args[0].equals("-")) {
                try (H5Reader r = new H5Reader(Path.of(args[0]))) {
                    r.children("/");
                    for (String a : List.of("model_config", "training_config", "keras_version", "backend", "layer_names")) {
                        r.stringsAttribute("/", a);
                    }
                }
            }
            try (H5Reader r = new H5Reader(Path.of(args[1]))) {
                KerasWeights.probe(r);
            }
            System.exit(0);
        } catch (EaselException e) {
            System.out.println("EASEL: " + e.getMessage().replace('\n', ' '));
            System.exit(EXIT_EASEL);
        } catch (Throwable t) {
            System.out.println("EASEL: bug while reading: " + t);
            System.exit(EXIT_BUG);
        }
    }
}
