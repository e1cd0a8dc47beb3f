package org.easel.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras reference files ({@code *_inputs_and_outputs.h5}, as written by DL4J's test-resource generator):
 * groups {@code inputs/<input>} and {@code predictions/<output>} (Keras {@code model.predict}). Note that
 * {@code outputs/} holds training targets, not predictions, and is not used.
 */
public record ReferenceData(List<String> inputNames, List<INDArray> inputs, List<String> outputNames, List<INDArray> predictions) {

    public static ReferenceData read(Path h5) {
        try (H5Reader r = new H5Reader(h5)) {
            if (!r.exists("/inputs") || !r.exists("/predictions")) {
                throw new EaselException(h5 + " is not a Keras reference file: it needs 'inputs' and 'predictions' groups"
                        + " (found " + r.children("/") + ").");
            }
            List<String> in = r.children("/inputs");
            List<String> out = r.children("/predictions");
            List<INDArray> ins = new ArrayList<>();
            for (String n : in) {
                ins.add(r.readFloats("/inputs/" + n));
            }
            List<INDArray> outs = new ArrayList<>();
            for (String n : out) {
                outs.add(r.readFloats("/predictions/" + n));
            }
            return new ReferenceData(in, ins, out, outs);
        }
    }

    /** Runs the model on the reference inputs and records the largest absolute difference in its report. */
    public static ImportedModel compare(ImportedModel model, Path referenceH5) {
        ReferenceData ref = read(referenceH5);
        double diff = ref.maxAbsDiff(model);
        String warning = diff > 1e-4 ? String.format("predictions differ from Keras by up to %.3g (more than 1e-4)", diff) : null;
        return model.withReport(model.report().withComparison(referenceH5.toString(), diff, warning));
    }

    /** Largest |DL4J - Keras| over all outputs. */
    public double maxAbsDiff(ImportedModel model) {
        INDArray[] feed = orderedInputs(model);
        INDArray[] got = model.output(feed);
        if (got.length != predictions.size()) {
            throw new EaselException("The model has " + got.length + " outputs but the reference file has " + predictions.size()
                    + " predictions " + outputNames + ".");
        }
        double max = 0;
        for (int i = 0; i < got.length; i++) {
            INDArray expected = predictions.get(i);
            INDArray actual = got[i].castTo(expected.dataType());
            if (!Arrays.equals(actual.shape(), expected.shape())) {
                if (actual.length() != expected.length()) {
                    throw new EaselException("Output " + outputNames.get(i) + " has shape " + Arrays.toString(actual.shape())
                            + " but Keras predicted shape " + Arrays.toString(expected.shape()) + ".");
                }
                actual = actual.reshape(expected.shape());
            }
            max = Math.max(max, Transforms.abs(actual.sub(expected), false).maxNumber().doubleValue());
        }
        return max;
    }

    private INDArray[] orderedInputs(ImportedModel model) {
        if (model.isSequential() || inputs.size() == 1) {
            if (inputs.size() != 1) {
                throw new EaselException("A Sequential model takes one input; the reference file has " + inputNames + ".");
            }
            return new INDArray[] {inputs.get(0)};
        }
        List<String> graphInputs = model.computationGraph().getConfiguration().getNetworkInputs();
        INDArray[] out = new INDArray[graphInputs.size()];
        for (int i = 0; i < out.length; i++) {
            int at = inputNames.indexOf(graphInputs.get(i));
            if (at < 0) {
                throw new EaselException("The reference file has no input named '" + graphInputs.get(i) + "' (it has " + inputNames + ").");
            }
            out[i] = inputs.get(at);
        }
        return out;
    }
}
