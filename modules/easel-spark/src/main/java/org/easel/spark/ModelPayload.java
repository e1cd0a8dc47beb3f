package org.easel.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.easel.keras.KerasClassifier;
import org.easel.keras.KerasImporter;
import org.easel.transfer.model.TransferModel;

/**
 * A model as bytes, broadcast once to every executor (so executors need no shared model path), with
 * what kind it is and a stable id ({@code <file name>@<first 12 hex of its SHA-256>}) that every output row carries.
 */
public record ModelPayload(String fileName, byte[] bytes, String modelId, Kind kind) implements Serializable {
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
            return new ModelPayload(name, bytes, name + "@" + Hashing.sha256(bytes).substring(0, 12), kind);
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
                case KERAS -> classifier(new KerasClassifier(ImportedModel.isImportedZip(tmp) ? ImportedModel.load(tmp)
                        : (untrusted ? KerasImporter.builder().isolated(UNTRUSTED_H5_TIMEOUT) : KerasImporter.builder()).build().importModel(tmp)));
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
