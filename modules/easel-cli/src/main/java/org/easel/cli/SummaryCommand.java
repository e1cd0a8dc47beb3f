package org.easel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.model.ModelStore;
import org.easel.core.model.ModelSummary;
import org.easel.core.model.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "summary", mixinStandardHelpOptions = true, description = {
        "Print a Keras-style summary (layers, output shapes, parameters) of a model or of a config's model.",
        "Example: easel summary configs/mnist-mlp.yaml"})
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL|CONFIG", description = "A run folder, a model.zip, or an experiment .yaml")
    Path target;

    @Option(names = "--set", paramLabel = "<key.path=value>", description = "Override a config key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        String name = target.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            ExperimentConfig cfg = ConfigLoader.load(target, overrides);
            System.out.print(Models.summaryOfConfig(cfg).format());
        } else {
            ModelStore.Loaded m = ModelStore.load(ModelArgument.modelFile(target), false);
            long[] shape = m.info() == null ? null : new long[]{(long) m.info().channels() * m.info().height() * m.info().width()};
            System.out.print(ModelSummary.of(m.network(), shape).format());
        }
        return 0;
    }
}
