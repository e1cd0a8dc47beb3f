package org.easel.core.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/** One gradient step on one batch (returning the batch's training loss), and inference with the same network. */
public interface BatchStep {
    double fit(INDArray features, INDArray oneHotLabels);

    /** Class probabilities in inference mode (no dropout), row-major: {@code rows × classes}. */
    float[] probabilities(INDArray features);

    /** Shown in the run log so a user can tell which path trained the model. */
    String describe();

    /** The fused dense step where it applies and {@code denseStep} asks for it, else DL4J's own {@code fit}. */
    static BatchStep choose(MultiLayerNetwork net, String denseStep) {
        if ("fused".equals(denseStep)) {
            var fused = FusedDenseStep.forNetwork(net);
            if (fused.isPresent()) {
                return fused.get();
            }
        }
        return dl4j(net);
    }

    static BatchStep dl4j(MultiLayerNetwork net) {
        return new BatchStep() {
            @Override
            public double fit(INDArray features, INDArray oneHotLabels) {
                net.fit(new DataSet(features, oneHotLabels));
                return net.score();
            }

            @Override
            public float[] probabilities(INDArray features) {
                return Batches.castFloat(net.output(features, false)).data().asFloat();
            }

            @Override
            public String describe() {
                return "DL4J fit";
            }
        };
    }
}
