package org.easel.core.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ConfigYaml;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.train.TrainingListener;

/** The Java entry point for running an experiment: {@code Experiments.run(config, options)}. */
public final class Experiments {
    private Experiments() {
    }

    public static Map<String, TaskRunner> tasks() {
        Map<String, TaskRunner> tasks = new LinkedHashMap<>();
        ClassifierExperiment classify = new ClassifierExperiment();
        tasks.put(classify.task(), classify);
        for (TaskRunner t : ServiceLoader.load(TaskRunner.class)) {
            if (tasks.putIfAbsent(t.task(), t) != null) {
                throw new IllegalStateException("Two task runners claim task '" + t.task() + "'");
            }
        }
        return tasks;
    }

    public static RunResult run(ExperimentConfig config, RunOptions options) {
        boolean resuming = options.resumeDir() != null;
        RunFolder run;
        if (resuming) {
            run = RunFolder.existing(options.resumeDir());
            config = ConfigLoader.load(run.config(), List.of());
            if (!options.resumeOverrides().isEmpty()) {
                config = extendEpochs(run, config, options.resumeOverrides(), options.listener());
            }
        } else {
            Path parent = options.outputOverride() != null ? options.outputOverride() : Path.of(config.output().dir());
            run = RunFolder.create(parent, config.name());
            AtomicFiles.writeString(run.config(), ConfigYaml.toYaml(config));
            AtomicFiles.writeString(run.provenance(), Json.pretty(Provenance.capture(config.seed(), config.data().dataset())));
        }
        TaskRunner runner = tasks().get(config.task());
        if (runner == null) {
            throw new EaselException("No module provides task '" + config.task() + "'; available: " + String.join(", ", tasks().keySet()));
        }
        options.listener().onMessage("Run folder: " + run.dir());
        try {
            RunResult result = runner.run(config, run, resuming, options.listener());
            if (!Files.exists(run.result())) {
                // Every run folder gets its numbers as JSON, whichever task produced them.
                AtomicFiles.writeString(run.result(), Json.pretty(result.metrics()));
            }
            return result;
        } catch (RuntimeException e) {
            options.listener().onMessage("Run failed; its folder is " + run.dir()
                    + (Files.exists(run.checkpointState()) ? " (resume with --resume " + run.dir() + ")" : ""));
            throw e;
        }
    }

    /** The one change a resumed run accepts: more epochs (Keras' initial_epoch); saved into the run's config. */
    private static ExperimentConfig extendEpochs(RunFolder run, ExperimentConfig saved, List<String> overrides,
                                                 TrainingListener listener) {
        for (String o : overrides) {
            String key = ConfigLoader.overrideKey(o);
            if (!EXTENDABLE.equals(key)) {
                throw new EaselException("--resume accepts only --set " + EXTENDABLE + "=N (train the run for more epochs); '" + key
                        + "' would change what the run's earlier epochs meant. Start a new run with --config and --set instead.");
            }
        }
        ExperimentConfig extended = ConfigLoader.load(run.config(), overrides);
        int before = saved.training().epochs();
        int after = extended.training().epochs();
        if (after < before) {
            throw new EaselException("--set " + EXTENDABLE + "=" + after + " would shorten the run (it is configured for " + before
                    + " epochs); --resume can only raise it.");
        }
        AtomicFiles.writeString(run.config(), ConfigYaml.toYaml(extended));
        listener.onMessage("Extending the run from " + before + " to " + after + " epochs (saved in " + run.config().getFileName() + ")");
        return extended;
    }

    private static final String EXTENDABLE = "training.epochs";
}
