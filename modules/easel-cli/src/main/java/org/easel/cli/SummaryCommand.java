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
import org.easel.keras.ImportedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "summary", mixinStandardHelpOptions = true, description = {
        "Print a Keras-style summary (layers, output shapes, parameters) of a model or of a config's model.",
        "Example: easel summary configs/mnist-mlp.yaml",
        "         easel summary model.keras"})
final class SummaryCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL|CONFIG", description = "A run folder, a model.zip, an 'easel import' zip, a Keras .h5/.keras or"
            + " architecture .json (with --weights), or an experiment .yaml")
    Path target;

    @Option(names = "--weights", paramLabel = "<weights.h5>", description = "Weights-only .h5 for an architecture .json")
    Path weights;

    @Option(names = "--set", paramLabel = "<key.path=value>", description = "Override a config key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        String name = target.getFileName().toString();
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            ExperimentConfig cfg = ConfigLoader.load(target, overrides);
            System.out.print(Models.summaryOfConfig(cfg).format());
        } else if (Classifiers.isKeras(target) || weights != null || ImportedModel.isImportedZip(ModelArgument.modelFile(target))) {
            System.out.print(Classifiers.imported(target, weights, null).summary());
        } else {
            ModelStore.Loaded m = ModelStore.load(ModelArgument.modelFile(target), false);
            long[] shape = m.info() == null ? null : new long[]{(long) m.info().channels() * m.info().height() * m.info().width()};
            System.out.print(ModelSummary.of(m.network(), shape).format());
        }
        return 0;
    }
}
