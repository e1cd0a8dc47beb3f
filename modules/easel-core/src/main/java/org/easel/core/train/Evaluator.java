package org.easel.core.train;

import java.util.Arrays;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.easel.core.predict.ImageClassifier;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Runs a classifier over labelled data in inference mode and scores it. */
public final class Evaluator {
    private static final int BATCH = 512;
    /** Keras clips probabilities to [1e-7, 1 - 1e-7] before the log; so do we, so losses compare. */
    private static final double EPS = 1e-7;

    private Evaluator() {
    }

    /** Class probabilities, one row per example. */
    public static float[][] probabilities(MultiLayerNetwork net, LabeledData data) {
        return probabilities(BatchStep.dl4j(net), data);
    }

    /** Class probabilities from a training step's inference path (the fused one where it applies). */
    static float[][] probabilities(BatchStep step, LabeledData data) {
        int n = data.size();
        int k = data.classes().size();
        float[][] out = new float[n][];
        int[] order = Batches.identity(n);
        // One input array refilled per batch: a fresh one per batch costs more than the forward pass of an MLP.
        BatchBuffer buffer = new BatchBuffer(Math.min(BATCH, Math.max(1, n)), data.featureSize(), k);
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            float[] flat = step.probabilities(buffer.fill(data, order, from, to)[0]);
            for (int i = from; i < to; i++) {
                out[i] = Arrays.copyOfRange(flat, (i - from) * k, (i - from + 1) * k);
            }
        }
        return out;
    }

    public static Evaluation evaluate(MultiLayerNetwork net, LabeledData data) {
        return score(probabilities(net, data), data);
    }

    /**
     * As above, through the inference path of the training step {@code denseStep} selects (see
     * {@link BatchStep#choose}); its outputs equal DL4J's to 1e-6, and for convolutions it is several times faster.
     */
    public static Evaluation evaluate(MultiLayerNetwork net, LabeledData data, String denseStep) {
        return score(probabilities(BatchStep.choose(net, denseStep), data), data);
    }

    static Evaluation evaluate(BatchStep step, LabeledData data) {
        return score(probabilities(step, data), data);
    }

    /** Any image classifier (imported Keras model, transfer model) on labelled data. */
    public static Evaluation evaluate(ImageClassifier classifier, LabeledData data) {
        if (classifier.classes().size() != data.classes().size()) {
            throw new EaselException("The model has " + classifier.classes().size() + " classes but the data has "
                    + data.classes().size() + " (" + String.join(", ", data.classes()) + "); evaluate it on the data it was trained for.");
        }
        if (classifier.channels() * classifier.height() * classifier.width() != data.featureSize()) {
            throw new EaselException("The model expects " + classifier.channels() + "×" + classifier.height() + "×"
                    + classifier.width() + " inputs but the data has " + data.channels() + "×" + data.height() + "×" + data.width() + ".");
        }
        int n = data.size();
        float[][] probs = new float[n][];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            float[][] p = classifier.probabilities(Arrays.copyOfRange(data.pixels(), from * data.featureSize(), to * data.featureSize()), to - from);
            System.arraycopy(p, 0, probs, from, to - from);
        }
        return score(probs, data);
    }

    private static Evaluation score(float[][] probs, LabeledData data) {
        int[] predicted = new int[data.size()];
        double lossSum = 0;
        for (int i = 0; i < probs.length; i++) {
            predicted[i] = argmax(probs[i]);
            double p = probs[i][data.labels()[i]];
            lossSum += -Math.log(Math.min(1 - EPS, Math.max(EPS, p)));
        }
        return Evaluation.of(data.classes(), data.labels(), predicted, lossSum);
    }

    public static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
