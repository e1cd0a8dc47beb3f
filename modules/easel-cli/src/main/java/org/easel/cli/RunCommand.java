package org.easel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.EaselException;
import org.easel.core.progress.ConsoleProgress;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = {
        "Run an experiment from a YAML config; writes outputs/<name>-<timestamp>/.",
        "Example: easel run --config configs/mnist-mlp.yaml --set training.epochs=5"})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "<file.yaml>", description = "Experiment config (see configs/README.md)")
    Path config;

    @Option(names = "--set", paramLabel = "<key.path=value>", description = "Override a config key, e.g. training.epochs=5 (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--output", paramLabel = "<dir>", description = "Parent folder for the run folder (default: output.dir)")
    Path output;

    @Option(names = "--resume", paramLabel = "<run-dir>", description = "Continue an interrupted run from its last checkpoint; with --set training.epochs=N, train a run for more epochs")
    Path resume;

    @Override
    public Integer call() {
        ExperimentConfig cfg = null;
        if (resume == null) {
            if (config == null) {
                throw new EaselException("Missing --config <file.yaml> (or --resume <run-dir>). Ready configs are in configs/.");
            }
            cfg = ConfigLoader.load(config, overrides);
        } else if (config != null) {
            throw new EaselException("--resume continues a run with the config saved in its folder; drop --config"
                    + " (only --set training.epochs=N is accepted, to train it for more epochs).");
        }
        RunResult r = Experiments.run(cfg, new RunOptions(output, resume, ConsoleProgress.forStdout(), resume == null ? List.of() : overrides));
        System.out.printf("%n%s%nRun folder: %s%n", r.headline(), r.runDir());
        return 0;
    }
}
