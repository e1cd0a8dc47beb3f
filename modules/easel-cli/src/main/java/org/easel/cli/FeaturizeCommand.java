package org.easel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.easel.core.config.ConfigLoader;
import org.easel.core.progress.ConsoleProgress;
import org.easel.spark.SparkFeaturizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "featurize", mixinStandardHelpOptions = true, description = {
        "Run a transfer experiment's frozen backbone over its images on Apache Spark and fill its feature cache",
        "(transfer.cache_dir); a later 'easel run --config FILE' then loads the features instead of featurizing (docs/spark.md).",
        "Example: easel featurize --config configs/finetune-squeezenet.yaml --master 'local[*]'"})
final class FeaturizeCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "<file.yaml>", description = "A task: transfer experiment config; its spark: section gives the defaults")
    Path config;

    @Option(names = "--set", paramLabel = "<key.path=value>", description = "Override a config key (repeatable), as for easel run")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--master", paramLabel = "<url>", description = "Spark master (overrides spark.master; default local[*])")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the image list (overrides spark.partitions)")
    int partitions;

    @Option(names = "--force", description = "Featurize even when the cache already holds the features")
    boolean force;

    @Override
    public Integer call() {
        SparkFeaturizer.Summary s = SparkFeaturizer.run(ConfigLoader.load(config, overrides), master, partitions, force,
                ConsoleProgress.forStdout());
        System.out.printf("Featurized on Spark (%s) in %.1f s; 'easel run --config %s' will use the cached features.%n", s.master(),
                s.seconds(), config);
        return 0;
    }
}
