package org.easel.vae;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.easel.core.config.ConfigYaml;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.DataSplits;
import org.easel.core.data.Datasets;
import org.easel.core.data.LabeledData;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.run.Provenance;
import org.easel.core.run.RunFolder;
import org.easel.core.run.RunResult;
import org.easel.core.run.TaskRunner;
import org.easel.core.train.TrainingListener;
import org.easel.vae.config.VaeConfig;
import org.easel.vae.config.VaeSection;
import org.easel.vae.model.VaeFiles;
import org.easel.vae.model.VaeModel;
import org.easel.vae.model.VaeSpec;
import org.easel.vae.report.VaeCharts;
import org.easel.vae.report.VaeReport;
import org.easel.vae.train.VaeCheckpoints;
import org.easel.vae.train.VaeEpoch;
import org.easel.vae.train.VaeState;
import org.easel.vae.train.VaeTrainer;

/**
 * The {@code vae} task: train a VAE on {@code data:}, report the test negative ELBO per epoch, and
 * write the model (vae.zip) and the figures people look at into the run folder.
 */
public final class VaeExperiment implements TaskRunner {
    public static final String TASK = "vae";

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public RunResult run(ExperimentConfig config, RunFolder run, boolean resuming, TrainingListener listener) {
        long t0 = System.nanoTime();
        VaeConfig vae = config.section(VaeSection.KEY, VaeConfig.class);
        DataSplits data = Datasets.load(config.data(), config.seed());
        LabeledData train = data.train();
        LabeledData test = data.test();
        listener.onMessage(String.format("Data: %s, %d training and %d test images of %dx%dx%d (the VAE uses no validation split)",
                data.datasetName(), train.size(), test.size(), train.channels(), train.height(), train.width()));

        VaeModel model;
        VaeState state;
        if (resuming) {
            VaeCheckpoints.Restored restored = VaeCheckpoints.load(run);
            model = restored.model();
            state = restored.state();
            listener.onMessage("Resuming " + run.dir() + " after epoch " + state.epochsDone());
        } else {
            VaeSpec spec = VaeSpec.of(vae, train.channels(), train.height(), train.width(), data.datasetName(), train.classes(),
                    Provenance.easelVersion());
            model = VaeModel.build(spec, config.seed());
            state = VaeState.fresh();
        }
        long parameters = model.parameterCount();
        listener.onMessage(String.format("%s VAE, latent %d, %s likelihood, beta %.3g, %,d parameters",
                model.spec().architecture(), model.spec().latentDim(), model.spec().likelihood(), vae.beta(), parameters));

        VaeCheckpoints checkpoints = new VaeCheckpoints(run, config.output().checkpoint());
        VaeTrainer trainer = new VaeTrainer(config.training(), vae, config.seed(), listener);
        final VaeModel m = model;
        state = trainer.fit(model, train, test, state, s -> {
            writeMetrics(run, s.history());
            checkpoints.save(m, s);
        });

        Path modelFile = run.dir().resolve(VaeSampler.MODEL_FILE);
        VaeFiles.save(model, modelFile, false);
        writeMetrics(run, state.history());
        List<String> figures = writeFigures(VaeSampler.of(model), vae, test.size() > 0 ? test : train, config.seed(), run, state);
        AtomicFiles.writeString(run.report(), VaeReport.markdown(config.name(), ConfigYaml.toYaml(config), model.spec(), parameters,
                train.size(), test.size(), state.history(), figures,
                data.skipped().stream().map(s -> s.path() + ": " + s.reason()).toList()));

        double seconds = (System.nanoTime() - t0) / 1e9;
        VaeEpoch last = state.last();
        double[] trainSeconds = state.history().stream().mapToDouble(VaeEpoch::trainSeconds).sorted().toArray();
        double medianEpoch = trainSeconds.length == 0 ? Double.NaN : trainSeconds[trainSeconds.length / 2];
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_neg_elbo", last == null ? Double.NaN : last.testNegElbo());
        metrics.put("test_reconstruction", last == null ? Double.NaN : last.testReconstruction());
        metrics.put("test_kl", last == null ? Double.NaN : last.testKl());
        metrics.put("epochs", (double) state.epochsDone());
        metrics.put("parameters", (double) parameters);
        metrics.put("seconds_per_epoch", medianEpoch);
        metrics.put("seconds", seconds);
        Map<String, Object> result = new LinkedHashMap<>(metrics);
        result.put("model", modelFile.getFileName().toString());
        result.put("figures", figures);
        AtomicFiles.writeString(run.result(), Json.pretty(result));
        String headline = last == null ? String.format("No epochs trained (training.epochs already reached), %.0f s", seconds)
                : String.format("Test -ELBO %.2f nats/image (reconstruction %.2f + KL %.2f), %d epochs, %.1f s/epoch, model %s",
                last.testNegElbo(), last.testReconstruction(), last.testKl(), state.epochsDone(), medianEpoch, modelFile);
        return new RunResult(run.dir(), headline, metrics, null);
    }

    static List<String> writeFigures(VaeSampler sampler, VaeConfig vae, LabeledData test, long seed, RunFolder run, VaeState state) {
        List<String> figures = new ArrayList<>();
        sampler.sampleGrid(vae.samples(), seed, vae.temperature(), run.dir().resolve("samples.png"));
        figures.add("samples.png");
        sampler.reconstructions(test, 16, 8, run.dir().resolve("reconstructions.png"));
        figures.add("reconstructions.png");
        int[][] pairs = interpolationPairs(test, 4);
        if (pairs.length > 0) {
            sampler.interpolation(test, pairs, 10, run.dir().resolve("interpolation.png"));
            figures.add("interpolation.png");
        }
        if (sampler.spec().latentDim() == 2) {
            sampler.manifold(20, run.dir().resolve("latent-manifold.png"));
            figures.add("latent-manifold.png");
            int n = Math.min(5000, test.size());
            VaeCharts.latentScatter(sampler.encode(test, n), Arrays.copyOf(test.labels(), n), test.classes(),
                    run.dir().resolve("latent-scatter.png"));
            figures.add("latent-scatter.png");
        }
        if (!state.history().isEmpty()) {
            VaeCharts.trainingCurve(state.history(), run.history());
            figures.add(run.history().getFileName().toString());
        }
        return figures;
    }

    /** Pairs of test images of different classes (the first such pairs in order), for interpolation rows. */
    static int[][] interpolationPairs(LabeledData data, int count) {
        List<int[]> pairs = new ArrayList<>();
        int i = 0;
        while (pairs.size() < count && i + 1 < data.size()) {
            int j = i + 1;
            while (j < data.size() && data.labels()[j] == data.labels()[i] && data.classes().size() > 1) {
                j++;
            }
            if (j >= data.size()) {
                break;
            }
            pairs.add(new int[]{i, j});
            i = j + 1;
        }
        return pairs.toArray(new int[0][]);
    }

    private static void writeMetrics(RunFolder run, List<VaeEpoch> history) {
        AtomicFiles.writeString(run.metrics(), history.stream().map(Json::line).collect(Collectors.joining("\n", "", "\n")));
    }
}
