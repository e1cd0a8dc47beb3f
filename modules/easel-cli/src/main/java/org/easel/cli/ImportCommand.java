package org.easel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.easel.keras.ImportedModel;
import org.easel.keras.InputScaling;
import org.easel.keras.KerasImporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true, description = {
        "Import a Keras model (.h5 or .keras from R keras/keras3, Keras 1/2/3, tf.keras) into a DL4J model zip with a JSON import report.",
        "The zip works with easel evaluate, predict (also --spark), summary and as transfer.backbone.",
        "Example: easel import mnist_mlp.h5 --out mnist_mlp.zip --scale 255",
        "         easel import model.keras --scale 1 --mean 123.68,116.78,103.94",
        "         easel import weights.h5 --architecture model_config.json --reference inputs_and_outputs.h5",
        "         easel import model_config.json --weights weights.h5"})
final class ImportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "A whole-model .h5/.hdf5, a Keras 3 .keras file, a weights-only .h5 (then --architecture),"
            + " or an architecture .json (then --weights)")
    Path model;

    @Option(names = "--weights", paramLabel = "<weights.h5>", description = "Weights-only .h5 (model.save_weights) for an architecture file")
    Path weights;

    @Option(names = "--architecture", paramLabel = "<model.json>", description = "Architecture JSON (model.to_json()) for a weights-only MODEL .h5")
    Path architecture;

    @Mixin
    ScalingOptions scaling = new ScalingOptions();

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
        if (architecture != null) {
            builder.architecture(architecture);
        }
        if (reference != null) {
            builder.compareWith(reference);
        }
        InputScaling inputScaling = Classifiers.scaling(model, scaling.scaling());
        ImportedModel m = builder.build().importModel(model);
        if (inputScaling != null) {
            m = m.withInputScaling(inputScaling);
        }
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
