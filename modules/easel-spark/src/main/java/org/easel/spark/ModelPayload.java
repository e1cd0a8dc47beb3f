package org.easel.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipFile;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;
import org.easel.core.model.ModelStore;
import org.easel.core.predict.ImageClassifier;
import org.easel.core.predict.NetworkClassifier;
import org.easel.core.predict.Predictor;
import org.easel.keras.ImportedModel;
import org.easel.keras.InputScaling;
import org.easel.keras.KerasClassifier;
import org.easel.keras.KerasImporter;
import org.easel.transfer.model.TransferModel;

/**
 * A model as bytes, broadcast once to every executor (so executors need no shared model path), with
 * what kind it is and a stable id ({@code <file name>@<first 12 hex of its SHA-256>}) that every output row carries.
 * A Keras file's scaling sidecar ({@code model.h5.scaling.json}) travels in {@code scaling} and counts in the id.
 */
public record ModelPayload(String fileName, byte[] bytes, String modelId, Kind kind, String scaling) implements Serializable {
    /** The model formats single-machine {@code easel predict} accepts; KERAS covers Keras files and 'easel import' zips. */
    public enum Kind { TRANSFER, EASEL, KERAS }

    static final Duration UNTRUSTED_H5_TIMEOUT = Duration.ofSeconds(120);

    /** A run folder (its model.zip), an Easel or transfer model.zip, or a Keras .h5; clear errors otherwise. */
    public static ModelPayload read(Path arg) {
        Path file = Files.isDirectory(arg) ? arg.resolve("model.zip") : arg;
        if (!Files.isRegularFile(file)) {
            throw new EaselException("Model not found: " + file.toAbsolutePath()
                    + ". Pass a run folder, a model.zip or a Keras .h5 file.");
        }
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        Kind kind;
        if (lower.endsWith(".h5") || lower.endsWith(".hdf5") || lower.endsWith(".keras") || ImportedModel.isImportedZip(file)) {
            kind = Kind.KERAS;
        } else if (TransferModel.isTransferModel(file)) {
            kind = Kind.TRANSFER;
        } else {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                kind = Kind.EASEL;
            } catch (IOException e) {
                throw new EaselException(file + " is not a model: neither a zip (Easel model.zip, transfer model) nor a Keras .h5 file ("
                        + e.getMessage() + ").");
            }
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            // A Keras file's input scaling lives in its sidecar (model.h5.scaling.json), which travels with it; the id
            // covers both, since the scaling changes the predictions.
            Path sidecar = InputScaling.sidecarFile(file);
            String scaling = kind == Kind.KERAS && !ImportedModel.isImportedZip(file) && Files.isRegularFile(sidecar)
                    ? Files.readString(sidecar) : null;
            InputScaling checked = scaling == null ? null : InputScaling.parse(scaling, sidecar.toString());
            String hash = Hashing.sha256(scaling == null ? bytes : concat(bytes, scaling.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
            return new ModelPayload(name, bytes, name + "@" + hash, kind, checked == null ? null : scaling);
        } catch (IOException e) {
            throw new EaselException("Cannot read model " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads the model from the bytes (through a temporary file, which is deleted again). On the driver,
     * {@code untrusted} reads a Keras file in a child JVM first, as the CLI does.
     */
    Labeler open(boolean untrusted) {
        Path tmp = null;
        try {
            String suffix = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.')) : ".zip";
            tmp = Files.createTempFile("easel-model-", suffix);
            Files.write(tmp, bytes);
            return switch (kind) {
                case TRANSFER -> {
                    TransferModel m = TransferModel.load(tmp);
                    yield new Labeler() {
                        public Predictor.Results predict(List<Path> files) {
                            return m.predict(files);
                        }

                        public List<String> classes() {
                            return m.info().classes();
                        }
                    };
                }
                case EASEL -> classifier(new NetworkClassifier(ModelStore.load(tmp, false)));
                case KERAS -> classifier(new KerasClassifier(keras(tmp, untrusted)));
            };
        } catch (EaselException e) {
            throw new EaselException(e.getMessage().replace(String.valueOf(tmp), fileName), e);
        } catch (IOException | RuntimeException e) {
            throw new EaselException(fileName + " is not a model Easel can load: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private ImportedModel keras(Path tmp, boolean untrusted) {
        if (ImportedModel.isImportedZip(tmp)) {
            return ImportedModel.load(tmp);
        }
        ImportedModel m = (untrusted ? KerasImporter.builder().isolated(UNTRUSTED_H5_TIMEOUT) : KerasImporter.builder()).build().importModel(tmp);
        return scaling == null ? m : m.withInputScaling(InputScaling.parse(scaling, fileName + InputScaling.SIDECAR_SUFFIX));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Labeler classifier(ImageClassifier c) {
        Predictor p = new Predictor(c);
        return new Labeler() {
            public Predictor.Results predict(List<Path> files) {
                return p.predict(files);
            }

            public List<String> classes() {
                return c.classes();
            }
        };
    }
}
