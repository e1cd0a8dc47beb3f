package org.easel.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Keras reference files ({@code *_inputs_and_outputs.h5}, as written by DL4J's test-resource generator):
 * groups {@code inputs/<input>} and {@code predictions/<output>} (Keras {@code model.predict}). Note that
 * {@code outputs/} holds training targets, not predictions, and is not used.
 */
public record ReferenceData(List<String> inputNames, List<INDArray> inputs, List<String> outputNames, List<INDArray> predictions) {

    public static ReferenceData read(Path h5) {
        return read(h5, false);
    }

    /**
     * With {@code float64}: inputs and predictions as float64, predictions from {@code predictions64/} when the file
     * has that group (a float64 reference pass, as bench/keras-parity/reference.py writes), else {@code predictions/}.
     */
    public static ReferenceData read(Path h5, boolean float64) {
        return read(h5, float64, float64 ? "predictions64" : "predictions");
    }

    /**
     * Largest |DL4J logits - reference logits| (group {@code logits64/}: the reference pass without the output
     * layers' softmax/sigmoid), in float32 or float64; NaN when the file has no logits.
     */
    public static double maxAbsDiffLogits(ImportedModel model, Path referenceH5, boolean float64) {
        try (H5Reader r = new H5Reader(referenceH5)) {
            if (!r.exists("/logits64")) {
                return Double.NaN;
            }
        }
        ImportedModel linear = model.withoutOutputActivation();
        return read(referenceH5, float64, "logits64").maxAbsDiff(float64 ? linear.converted(DataType.DOUBLE) : linear);
    }

    private static ReferenceData read(Path h5, boolean float64, String group) {
        try (H5Reader r = new H5Reader(h5)) {
            if (!r.exists("/inputs") || !r.exists("/predictions")) {
                throw new EaselException(h5 + " is not a Keras reference file: it needs 'inputs' and 'predictions' groups"
                        + " (found " + r.children("/") + ").");
            }
            String predictions = r.exists("/" + group) ? "/" + group : "/predictions";
            List<String> in = r.children("/inputs");
            List<String> out = r.children(predictions);
            List<INDArray> ins = new ArrayList<>();
            for (String n : in) {
                ins.add(float64 ? r.readDoubles("/inputs/" + n) : r.readFloats("/inputs/" + n));
            }
            List<INDArray> outs = new ArrayList<>();
            for (String n : out) {
                outs.add(float64 ? r.readDoubles(predictions + "/" + n) : r.readFloats(predictions + "/" + n));
            }
            return new ReferenceData(in, ins, out, outs);
        }
    }

    /**
     * Largest |DL4J - reference| with both sides in float64: the network converted to DOUBLE, the reference's float64
     * predictions. Separates float32 rounding (large outputs, long sums) from mapping errors, which stay large here.
     */
    public static double maxAbsDiffFloat64(ImportedModel model, Path referenceH5) {
        return read(referenceH5, true).maxAbsDiff(model.converted(DataType.DOUBLE));
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
        INDArray[] got = model.output(feed);  // inputs are cast to the network's data type
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
