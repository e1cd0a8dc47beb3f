package org.easel.core.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.model.ModelInfo;
import org.easel.core.model.ModelStore;
import org.easel.core.train.Trainer;
import org.easel.core.train.TrainingState;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-epoch checkpoints in {@code <run>/checkpoints/}: {@code epoch-N.zip} (weights and updater
 * state), {@code best-params.bin}, and {@code state.json}, which is written last and names the
 * zip it belongs to. A crash at any moment leaves a consistent (older) checkpoint behind.
 */
public final class Checkpoints implements Trainer.CheckpointSink {
    private final RunFolder run;
    private final ModelInfo info;
    private final boolean enabled;

    public Checkpoints(RunFolder run, ModelInfo info, boolean enabled) {
        this.run = run;
        this.info = info;
        this.enabled = enabled;
    }

    /** What {@link #load} restores. */
    public record Restored(MultiLayerNetwork network, INDArray bestParams, TrainingState state) {
    }

    @Override
    public void save(MultiLayerNetwork net, INDArray bestParams, TrainingState state) {
        if (!enabled) {
            return;
        }
        Path dir = run.checkpointState().getParent();
        String modelName = "epoch-" + state.epochsDone() + ".zip";
        ModelStore.save(net, info, dir.resolve(modelName), true);
        String bestName = null;
        if (bestParams != null) {
            bestName = "best-params-" + state.bestEpoch() + ".bin";
            Path best = dir.resolve(bestName);
            if (!Files.exists(best)) {
                AtomicFiles.writeStream(best, out -> writeArray(bestParams, out));
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelName);
        json.put("best_params", bestName);
        json.put("state", state);
        AtomicFiles.writeString(run.checkpointState(), Json.pretty(json));
        deleteOthers(dir, modelName, bestName);
    }

    public static Restored load(RunFolder run) {
        Path statePath = run.checkpointState();
        if (!Files.isRegularFile(statePath)) {
            throw new EaselException("Run folder " + run.dir() + " has no checkpoint to resume from (checkpoints/state.json is missing;"
                    + " the run stopped before its first epoch ended, or output.checkpoint was false). Start it again with 'easel run'.");
        }
        try {
            JsonNode json = Json.MAPPER.readTree(statePath.toFile());
            TrainingState state = Json.MAPPER.treeToValue(json.get("state"), TrainingState.class);
            Path dir = statePath.getParent();
            MultiLayerNetwork net = ModelStore.load(dir.resolve(json.get("model").asText()), true).network();
            INDArray best = null;
            if (json.hasNonNull("best_params")) {
                try (InputStream in = Files.newInputStream(dir.resolve(json.get("best_params").asText()))) {
                    best = Nd4j.read(in);
                }
            }
            return new Restored(net, best, state);
        } catch (IOException e) {
            throw new EaselException("Cannot read the checkpoint in " + statePath.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static void writeArray(INDArray array, OutputStream out) throws IOException {
        Nd4j.write(out, array);
    }

    private static void deleteOthers(Path dir, String keepModel, String keepBest) {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                boolean stale = (n.startsWith("epoch-") && n.endsWith(".zip") && !n.equals(keepModel))
                        || (n.startsWith("best-params-") && !n.equals(keepBest));
                if (stale) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // stale checkpoints only cost disk space
        }
    }
}
