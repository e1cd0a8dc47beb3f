package org.easel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelInfo;
import org.easel.core.model.ModelStore;
import org.easel.keras.KerasExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true, description = {
        "Export an Easel model as a Keras 2 .h5 that R's load_model_hdf5() and Python Keras can read.",
        "Example: easel export outputs/mnist-mlp-20260101-120000 --format keras-h5 --out mnist_mlp.h5"})
final class ExportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "MODEL", description = "A run folder or a model.zip")
    Path model;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "keras-h5", description = "Only keras-h5 for now")
    String format;

    @Option(names = "--out", paramLabel = "<file.h5>", required = true, description = "Where to write the .h5")
    Path out;

    @Override
    public Integer call() {
        if (!"keras-h5".equals(format)) {
            throw new EaselException("Unknown export format '" + format + "'; supported: keras-h5");
        }
        ModelStore.Loaded m = ModelStore.load(ModelArgument.modelFile(model), false);
        ModelInfo info = m.info();
        if (info == null) {
            KerasExporter.export(m.network(), out);
        } else {
            boolean flat = m.network().getLayerWiseConfigurations().getConf(0).getLayer()
                    instanceof FeedForwardLayer ff && ff.getNIn() == (long) info.channels() * info.height() * info.width();
            long[] shape = flat ? new long[]{(long) info.channels() * info.height() * info.width()}
                    : new long[]{info.channels(), info.height(), info.width()};
            KerasExporter.export(m.network(), shape, out);
        }
        System.out.println("Wrote " + out);
        return 0;
    }
}
