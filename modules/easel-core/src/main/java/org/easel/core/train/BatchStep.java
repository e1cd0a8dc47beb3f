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

    /**
     * Where {@code denseStep} is "fused": the fused dense step for dense-only networks, the fused convolution step for
     * networks with convolutions; else, or where a layer is outside them, DL4J's own {@code fit} (its description
     * then says which layer and why).
     */
    static BatchStep choose(MultiLayerNetwork net, String denseStep) {
        if ("fused".equals(denseStep)) {
            var fused = FusedDenseStep.forNetwork(net);
            if (fused.isPresent()) {
                return fused.get();
            }
            if (ComputeThreads.hasSpatialLayers(net)) {
                FusedConvStep.Choice conv = FusedConvStep.forNetwork(net);
                return conv.step().isPresent() ? conv.step().get()
                        : dl4j(net, "not the fused convolution step: " + conv.whyNot());
            }
        }
        return dl4j(net);
    }

    static BatchStep dl4j(MultiLayerNetwork net) {
        return dl4j(net, null);
    }

    /** DL4J's {@code fit}; {@code whyNotFused}, when given, is shown with the description. */
    static BatchStep dl4j(MultiLayerNetwork net, String whyNotFused) {
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
                return whyNotFused == null ? "DL4J fit" : "DL4J fit (" + whyNotFused + ")";
            }
        };
    }
}
