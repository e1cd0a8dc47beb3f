package org.easel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.easel.keras.ImportedModel;
import org.easel.keras.KerasImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Import a Keras model (.h5 from R keras, Keras 1/2/3, tf.keras) into a DL4J model zip with a JSON import report.",
        "Example: easel import mnist_mlp.h5 --out mnist_mlp.zip",
        "         easel import model_config.json --weights weights.h5 --reference inputs_and_outputs.h5"})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "A whole-model .h5, or an architecture .json (then --weights)")
    Path model;

    @Option(names = "--weights", paramLabel = "<weights.h5>", description = "Weights-only .h5 (model.save_weights) for an architecture file")
    Path weights;

    @Option(names = "--out", paramLabel = "<model.zip>", description = "DL4J model zip to write (default: MODEL with .zip)")
    Path out;

    @Option(names = "--reference", paramLabel = "<io.h5>", description = "Reference inputs/predictions (.h5 with inputs/ and predictions/): report the largest absolute difference")
    Path reference;

    @Override
    public Integer call() {
        KerasImporter.Builder builder = KerasImporter.builder().isolated(Classifiers.UNTRUSTED_H5_TIMEOUT);
        if (weights != null) {
            builder.weights(weights);
        }
        if (reference != null) {
            builder.compareWith(reference);
        }
        ImportedModel m = builder.build().importModel(model);
        System.out.print(m.summary());
        Path zip = out != null ? out : model.resolveSibling(stripExtension(model.getFileName().toString()) + ".zip");
        Path report = zip.resolveSibling(stripExtension(zip.getFileName().toString()) + "-import-report.json");
        m.save(zip);
        m.saveReport(report);
        m.report().warnings().forEach(w -> System.out.println("warning: " + w));
        if (m.report().maxAbsDiff() != null) {
            System.out.printf("Largest absolute difference from the reference predictions: %.3g%n", m.report().maxAbsDiff());
        }
        System.out.println("Wrote " + zip + " and " + report);
        return 0;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
