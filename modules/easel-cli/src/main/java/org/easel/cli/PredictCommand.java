package org.easel.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.predict.Predictor;
import org.easel.keras.ImportedModel;
import org.easel.spark.SparkPredictor;
import org.easel.transfer.model.TransferModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true, description = {
        "Label images with a trained model; prints CSV: file,class,probability.",
        "With --spark, runs on Apache Spark and writes a folder: predictions.parquet/, predictions.csv/ (file,class,probability,model_id),",
        "errors.csv/ (unreadable images) and summary.json (docs/spark.md).",
        "Example: easel predict outputs/mnist-mlp-20260101-120000 my-digits/ --out predictions.csv",
        "Example: easel predict outputs/finetune-squeezenet-20260101-120000 photos/ --spark --master 'local[*]' --out labels/",
        "Example: easel predict model.keras photos/ --scale 1 --out labels.csv   (a Keras model fed raw 0..255 pixels)"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A run folder, a model.zip, an 'easel import' zip, a Keras .h5/.keras"
            + " (input scaling from its sidecar, default pixel / 255), or an architecture .json with --weights")
    Path model;

    @Option(names = "--weights", paramLabel = "<weights.h5>", description = "Weights-only .h5 for an architecture .json MODEL")
    Path weights;

    @Parameters(index = "1", paramLabel = "IMAGE|DIR", description = "An image, or a folder searched recursively; with --spark also a text file listing one image path per line")
    Path images;

    @Option(names = "--out", paramLabel = "<file.csv|dir>", description = "Write the CSV here instead of printing it; with --spark the output folder (required)")
    String out;

    @Option(names = "--spark", description = "Run on Apache Spark (local or cluster); see --master, --partitions")
    boolean spark;

    @Option(names = "--master", paramLabel = "<url>", description = "Spark master: local[*] (default), local[N], local[N,maxFailures], spark://host:port, yarn, k8s://...")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "Spark partitions of the image list (default: 4 per core)")
    int partitions;

    @Option(names = "--overwrite", description = "With --spark: replace a non-empty output folder")
    boolean overwrite;

    @Mixin
    ScalingOptions scaling = new ScalingOptions();

    @Override
    public Integer call() {
        if (spark) {
            return onSpark();
        }
        if (master != null || partitions != 0 || overwrite) {
            throw new EaselException("--master, --partitions and --overwrite apply only with --spark.");
        }
        Path file = ModelArgument.modelFile(model);
        Predictor.Results r = weights == null && scaling.scaling() == null && TransferModel.isTransferModel(file)
                ? TransferModel.load(file).predict(images)
                : new Predictor(Classifiers.open(model, weights, scaling.scaling())).predict(images);
        String csv = Predictor.csv(r.predictions());
        if (out != null) {
            AtomicFiles.writeString(Path.of(out), csv);
            System.err.println("Wrote " + r.predictions().size() + " predictions to " + out);
        } else {
            System.out.print(csv);
        }
        if (!r.skipped().isEmpty()) {
            System.err.println("Skipped " + r.skipped().size() + " unreadable file(s):");
            r.skipped().forEach(s -> System.err.println("  " + s.path() + ": " + s.reason()));
        }
        return 0;
    }

    /**
     * A model file goes to Spark as it is (a Keras file's sidecar scaling travels with it). A model that needs the
     * command line to be complete (--weights, --scale/--mean/--std) is imported here first, once, into an
     * 'easel import' zip in a temporary folder, which is what the executors load; the folder is removed afterwards.
     */
    private int onSpark() {
        Path tmp = null;
        Path sparkModel = model;
        try {
            if (weights != null || scaling.scaling() != null) {
                ImportedModel m = Classifiers.imported(model, weights, scaling.scaling());
                if (m == null) {
                    throw new EaselException("--weights applies to Keras architecture files; " + model + " is not one.");
                }
                tmp = Files.createTempDirectory("easel-spark-model");
                sparkModel = tmp.resolve(model.getFileName() + ".zip");
                m.save(sparkModel);
            }
            SparkPredictor.Summary s = SparkPredictor.run(new SparkPredictor.Options(sparkModel, images, out, master, partitions, overwrite));
            System.err.println(s.describe());
            return 0;
        } catch (IOException e) {
            throw new EaselException("Cannot create a temporary folder for the imported model: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
