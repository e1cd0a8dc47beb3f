package org.easel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.easel.core.io.AtomicFiles;
import org.easel.core.predict.Predictor;
import org.easel.transfer.model.TransferModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "predict", mixinStandardHelpOptions = true, description = {
        "Label images with a trained model; prints CSV: file,class,probability.",
        "Example: easel predict outputs/mnist-mlp-20260101-120000 my-digits/ --out predictions.csv"})
final class PredictCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL", description = "A run folder, a model.zip, or a Keras .h5 (pixels scaled to [0, 1])")
    Path model;

    @Parameters(index = "1", paramLabel = "IMAGE|DIR", description = "An image, or a folder searched recursively")
    Path images;

    @Option(names = "--out", paramLabel = "<file.csv>", description = "Write the CSV here instead of printing it")
    Path out;

    @Override
    public Integer call() {
        Path file = ModelArgument.modelFile(model);
        Predictor.Results r = TransferModel.isTransferModel(file) ? TransferModel.load(file).predict(images)
                : new Predictor(Classifiers.open(model)).predict(images);
        String csv = Predictor.csv(r.predictions());
        if (out != null) {
            AtomicFiles.writeString(out, csv);
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
}
