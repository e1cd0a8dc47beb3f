package org.easel.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.easel.core.config.ConfigLoader;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Entry point of the shaded jar for {@code spark-submit}:
 * <pre>
 * spark-submit --class org.easel.spark.SparkMain easel-spark-0.1.0-SNAPSHOT-spark.jar predict MODEL DIR --out OUT
 * spark-submit --class org.easel.spark.SparkMain easel-spark-0.1.0-SNAPSHOT-spark.jar featurize --config FILE
 * </pre>
 * The master comes from spark-submit ({@code --master}); {@code --master} here overrides it.
 */
@Command(name = "easel-spark", mixinStandardHelpOptions = true, subcommands = {SparkMain.Predict.class, SparkMain.Featurize.class},
        description = "Easel on Spark (for spark-submit): label or featurize image collections across executors.")
public final class SparkMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "predict", mixinStandardHelpOptions = true, description = "Label images; writes predictions.parquet, predictions.csv, errors.csv")
    static final class Predict implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "MODEL", description = "A run folder, a model.zip (Easel or transfer), or a Keras .h5")
        Path model;

        @Parameters(index = "1", paramLabel = "IMAGE|DIR|LIST", description = "An image, a folder (recursive), or a text file with one image path per line")
        Path images;

        @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Output folder (local path, or hdfs://, s3a://...)")
        String out;

        @Option(names = "--master", paramLabel = "<url>", description = "Overrides spark-submit's master")
        String master;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions of the image list (default: 4 per core)")
        int partitions;

        @Option(names = "--overwrite", description = "Replace a non-empty output folder")
        boolean overwrite;

        @Override
        public Integer call() {
            SparkPredictor.Summary s = SparkPredictor.run(new SparkPredictor.Options(model, images, out, master, partitions, overwrite));
            System.out.println(s.describe());
            return 0;
        }
    }

    @Command(name = "featurize", mixinStandardHelpOptions = true,
            description = "Featurize a transfer experiment's images into its feature cache (easel run then reuses it)")
    static final class Featurize implements Callable<Integer> {
        @Option(names = "--config", required = true, paramLabel = "<file.yaml>", description = "A task: transfer experiment config")
        Path config;

        @Option(names = "--set", paramLabel = "<key.path=value>", description = "Override a config key (repeatable)")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--master", paramLabel = "<url>", description = "Overrides spark.master and spark-submit's master")
        String master;

        @Option(names = "--partitions", paramLabel = "N", description = "Overrides spark.partitions")
        int partitions;

        @Option(names = "--force", description = "Featurize even when the cache already has the features")
        boolean force;

        @Override
        public Integer call() {
            SparkFeaturizer.Summary s = SparkFeaturizer.run(ConfigLoader.load(config, overrides), master, partitions, force,
                    new TrainingListener() {
                        @Override
                        public void onMessage(String message) {
                            System.out.println(message);
                        }
                    });
            System.out.printf("Featurized on Spark (%s) in %.1f s%n", s.master(), s.seconds());
            return 0;
        }
    }

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setExecutionExceptionHandler((ex, cmd, parse) -> {
            if (ex instanceof EaselException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return 2;
            }
            ex.printStackTrace(cmd.getErr());
            return 1;
        });
        System.exit(cl.execute(args));
    }
}
