package org.easel.core.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;

/**
 * Saves and loads Easel models: a DL4J model zip (weights, and updater state for resuming) with a
 * {@link ModelInfo} entry inside, written atomically.
 */
public final class ModelStore {
    static final String INFO_ENTRY = "easel-model-info.json";

    private ModelStore() {
    }

    /** A loaded model and what it expects as input. */
    public record Loaded(MultiLayerNetwork network, ModelInfo info) {
    }

    public static void save(MultiLayerNetwork net, ModelInfo info, Path file, boolean withUpdater) {
        AtomicFiles.write(file, tmp -> {
            ModelSerializer.writeModel(net, tmp.toFile(), withUpdater);
            ModelSerializer.addObjectToFile(tmp.toFile(), INFO_ENTRY, Json.line(info));
        });
    }

    public static Loaded load(Path file, boolean withUpdater) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("Model file not found: " + file.toAbsolutePath()
                    + ". Pass the model.zip of a run folder (outputs/<run>/model.zip).");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.getEntry("configuration.json") == null) {
                throw new EaselException(file + " is a zip file but not a DL4J model (no configuration.json inside).");
            }
        } catch (IOException e) {
            throw new EaselException(file + " is not a model zip (" + e.getMessage() + "). Easel models are the model.zip files in run folders;"
                    + " Keras .h5 files go through 'easel import'.");
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), withUpdater);
        } catch (IOException | RuntimeException e) {
            throw new EaselException("Cannot load model " + file + ": " + e.getMessage()
                    + ". The file may be truncated or from another kind of DL4J model.", e);
        }
        ModelInfo info = null;
        try {
            String json = ModelSerializer.getObjectFromFile(file.toFile(), INFO_ENTRY);
            info = Json.MAPPER.readValue(json, ModelInfo.class);
        } catch (Exception e) {
            // A plain DL4J model without Easel's metadata: usable, but predict cannot know class names or image size.
        }
        return new Loaded(net, info);
    }
}
