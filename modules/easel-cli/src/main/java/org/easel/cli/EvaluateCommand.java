package org.easel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.DataSplits;
import org.easel.core.data.Datasets;
import org.easel.core.error.EaselException;
import org.easel.core.report.ConfusionMatrixPlot;
import org.easel.core.train.Evaluation;
import org.easel.core.train.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "evaluate", mixinStandardHelpOptions = true, description = {
        "Score a trained model on the test split of its experiment's data.",
        "Example: easel evaluate outputs/mnist-mlp-20260101-120000",
        "         easel evaluate mnist_cnn.h5 --config configs/mnist-mlp.yaml",
        "         easel evaluate model.keras --config configs/mnist-mlp.yaml --scale 1   (a Keras model fed raw 0..255 pixels)"})
final class EvaluateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "A run folder, or a model.zip, an 'easel import' zip, a Keras .h5/.keras, or an"
            + " architecture .json with --weights (then --config says which data)")
    Path model;

    @Option(names = "--weights", paramLabel = "<weights.h5>", description = "Weights-only .h5 for an architecture .json MODEL")
    Path weights;

    @Option(names = "--config", paramLabel = "<file.yaml>", description = "Config whose data section to use (default: the run folder's)")
    Path config;

    @Option(names = "--set", paramLabel = "<key.path=value>", description = "Override a config key (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--confusion", paramLabel = "<file.png>", description = "Also write the confusion matrix as PNG")
    Path confusion;

    @Mixin
    ScalingOptions scaling = new ScalingOptions();

    @Override
    public Integer call() {
        Path configFile = config != null ? config
                : Files.isDirectory(model) ? model.resolve("config.resolved.yaml") : null;
        if (configFile == null) {
            throw new EaselException("Which data? Pass --config <file.yaml> with a model file, or pass a run folder.");
        }
        ExperimentConfig cfg = ConfigLoader.load(configFile, overrides);
        DataSplits data = Datasets.load(cfg.data(), cfg.seed());
        Evaluation e = Evaluator.evaluate(Classifiers.open(model, weights, scaling.scaling()), data.test());
        System.out.printf("Test accuracy %.4f, loss %.4f on %d examples of %s%n", e.accuracy(), e.loss(), e.examples(), data.datasetName());
        System.out.println("class,precision,recall,f1");
        for (int c = 0; c < e.classes().size(); c++) {
            System.out.printf("%s,%.4f,%.4f,%.4f%n", e.classes().get(c), e.precision()[c], e.recall()[c], e.f1()[c]);
        }
        if (confusion != null) {
            ConfusionMatrixPlot.write(e.confusion(), e.classes(), confusion);
            System.out.println("Confusion matrix: " + confusion);
        }
        return 0;
    }
}
