package org.easel.vae;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.Datasets;
import org.easel.core.io.Json;
import org.easel.core.run.RunFolder;
import org.easel.vae.config.VaeConfig;
import org.easel.vae.model.VaeFiles;
import org.easel.vae.report.VaeCharts;
import org.easel.vae.train.VaeState;

/**
 * Developer helper (not a test): draws the run figures from the newest checkpoint of a run that is
 * still training. Args: runDir outDir.
 */
public final class FiguresMain {
    public static void main(String[] args) throws Exception {
        RunFolder run = new RunFolder(Path.of(args[0]));
        ExperimentConfig config = ConfigLoader.load(run.config(), List.of());
        JsonNode json = Json.MAPPER.readTree(run.checkpointState().toFile());
        VaeState state = Json.MAPPER.treeToValue(json.get("state"), VaeState.class);
        VaeSampler sampler = VaeSampler.of(VaeFiles.load(run.checkpointState().getParent().resolve(json.get("model").asText()), false));
        var data = Datasets.load(config.data(), config.seed());
        RunFolder out = new RunFolder(Path.of(args[1]));
        System.out.println(VaeExperiment.writeFigures(sampler, config.section("vae", VaeConfig.class), data.test(), config.seed(), out, state));
        VaeCharts.trainingCurve(state.history(), out.history());
        System.out.println("epochs " + state.epochsDone() + ": " + state.last());
    }
}
