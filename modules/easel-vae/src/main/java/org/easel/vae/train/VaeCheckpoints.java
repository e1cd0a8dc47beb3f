package org.easel.vae.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.run.RunFolder;
import org.easel.vae.model.VaeFiles;
import org.easel.vae.model.VaeModel;

/**
 * Per-epoch checkpoints in {@code <run>/checkpoints/}: {@code vae-epoch-N.zip} (graph, weights and
 * Adam state) and {@code state.json}, written last and naming that zip. Older zips are deleted only
 * after the new state is in place, so a crash (or a NaN loss) at any moment leaves the last good
 * epoch to resume from.
 */
public final class VaeCheckpoints {
    private final RunFolder run;
    private final boolean enabled;

    public VaeCheckpoints(RunFolder run, boolean enabled) {
        this.run = run;
        this.enabled = enabled;
    }

    public record Restored(VaeModel model, VaeState state) {
    }

    public void save(VaeModel model, VaeState state) {
        if (!enabled) {
            return;
        }
        Path dir = run.checkpointState().getParent();
        String name = "vae-epoch-" + state.epochsDone() + ".zip";
        VaeFiles.save(model, dir.resolve(name), true);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", name);
        json.put("state", state);
        AtomicFiles.writeString(run.checkpointState(), Json.pretty(json));
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("vae-epoch-") && n.endsWith(".zip") && !n.equals(name)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException ignored) {
            // stale checkpoints only cost disk space
        }
    }

    public static Restored load(RunFolder run) {
        Path statePath = run.checkpointState();
        if (!Files.isRegularFile(statePath)) {
            throw new EaselException("Run folder " + run.dir() + " has no checkpoint to resume from (checkpoints/state.json is missing;"
                    + " the run stopped before its first epoch ended, or output.checkpoint was false). Start it again with 'easel run'.");
        }
        try {
            JsonNode json = Json.MAPPER.readTree(statePath.toFile());
            if (json.get("model") == null || !json.get("model").asText().startsWith("vae-epoch-")) {
                throw new EaselException(statePath + " is not a VAE checkpoint (model entry " + json.get("model")
                        + "); resume it with the task that wrote it.");
            }
            VaeState state = Json.MAPPER.treeToValue(json.get("state"), VaeState.class);
            VaeModel model = VaeFiles.load(statePath.getParent().resolve(json.get("model").asText()), true);
            return new Restored(model, state);
        } catch (IOException e) {
            throw new EaselException("Cannot read the checkpoint in " + statePath.getParent() + ": " + e.getMessage(), e);
        }
    }
}
