package org.easel.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.config.LayerConfig;
import org.easel.core.config.ModelConfig;
import org.easel.core.config.TrainingConfig;
import org.easel.core.model.ModelFactory;
import org.easel.core.model.Models;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class FusedDenseStepTest {

    private static LayerConfig dense(int units, String activation) {
        return new LayerConfig("dense", units, activation, 0, 0, List.of(), List.of(), "valid");
    }

    private static MultiLayerNetwork net(List<LayerConfig> layers, String optimizer, double l2) {
        TrainingConfig t = new TrainingConfig(1, 16, optimizer, 0.01, 0, false, 0, TrainingConfig.DEFAULTS.earlyStopping(), 0, "fused");
        return ModelFactory.build(new ModelConfig(layers, "glorot_uniform", l2), t, 7, 1, 1, 12, 3);
    }

    private static INDArray[] batch(long seed) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, 16, 12);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 16, 3);
        for (int i = 0; i < 16; i++) {
            y.putScalar(i, (i * 7 + seed) % 3, 1f);
        }
        return new INDArray[]{x, y};
    }

    /** Both paths must end at the same weights (dropout masks come from the same seeded generator). */
    private static void assertSameTrajectoryAsDl4j(String optimizer, List<LayerConfig> layers) {
        MultiLayerNetwork a = net(layers, optimizer, 0);
        MultiLayerNetwork b = net(layers, optimizer, 0);
        assertEquals(a.params(), b.params());
        BatchStep dl4j = BatchStep.dl4j(a);
        BatchStep fused = FusedDenseStep.forNetwork(b).orElseThrow();
        for (int step = 0; step < 8; step++) {
            INDArray[] xy = batch(step);
            Nd4j.getRandom().setSeed(100 + step);   // same dropout masks for both, when there is dropout
            double lossA = dl4j.fit(xy[0].dup(), xy[1].dup());
            Nd4j.getRandom().setSeed(100 + step);
            double lossB = fused.fit(xy[0].dup(), xy[1].dup());
            assertEquals(lossA, lossB, 1e-4, "loss at step " + step);
        }
        INDArray diff = a.params().sub(b.params());
        double maxAbs = diff.amaxNumber().doubleValue();
        assertTrue(maxAbs < 1e-5, optimizer + ": fused and DL4J parameters differ by " + maxAbs);
        assertTrue(a.params().sub(net(layers, optimizer, 0).params()).amaxNumber().doubleValue() > 1e-3, "training moved the weights");
        INDArray stateA = a.getUpdater().getStateViewArray();
        if (stateA != null) {   // plain SGD keeps no state
            assertEquals(0, stateA.sub(b.getUpdater().getStateViewArray()).amaxNumber().doubleValue(), 1e-5,
                    "the updater state (saved in checkpoints) matches too");
        }
    }

    @Test
    void rmspropStepsMatchDl4jFit() {
        assertSameTrajectoryAsDl4j("rmsprop", List.of(dense(20, "relu"), dense(10, "tanh"), dense(3, "softmax")));
    }

    @Test
    void adamStepsMatchDl4jFitIncludingBiasCorrection() {
        assertSameTrajectoryAsDl4j("adam", List.of(dense(20, "relu"), dense(3, "softmax")));
    }

    @Test
    void statelessAndMomentumUpdatersOnASoftmaxOnlyClassifierMatchToo() {
        assertSameTrajectoryAsDl4j("nesterovs", List.of(dense(3, "softmax")));
        assertSameTrajectoryAsDl4j("sgd", List.of(dense(3, "softmax")));
    }

    private static LayerConfig dropout(double rate) {
        return new LayerConfig("dropout", 0, "relu", rate, 0, List.of(), List.of(), "valid");
    }

    @Test
    void dropoutAfterReluMatchesDl4jFit() {
        assertSameTrajectoryAsDl4j("rmsprop", List.of(dense(20, "relu"), dropout(0.4), dense(3, "softmax")));
    }

    @Test
    void theMnistMlpShapeMatchesDl4jFit() {
        assertSameTrajectoryAsDl4j("rmsprop", List.of(dense(20, "relu"), dropout(0.4), dense(10, "relu"), dropout(0.3), dense(3, "softmax")));
    }

    @Test
    void dropoutAfterTanhMatchesDl4jFit() {
        assertSameTrajectoryAsDl4j("rmsprop", List.of(dense(10, "tanh"), dropout(0.3), dense(3, "softmax")));
    }

    @Test
    void dropoutOnTheInputMatchesDl4jFit() {
        assertSameTrajectoryAsDl4j("adam", List.of(dropout(0.2), dense(20, "relu"), dense(3, "softmax")));
    }

    @Test
    void inferenceGivesDl4jOutputWithoutDropout() {
        MultiLayerNetwork net = net(List.of(dense(20, "relu"), dropout(0.4), dense(10, "tanh"), dropout(0.3), dense(3, "softmax")),
                "rmsprop", 0);
        BatchStep fused = FusedDenseStep.forNetwork(net).orElseThrow();
        fused.fit(batch(1)[0], batch(1)[1]);   // trained weights, so biases are not all zero
        assertInferenceMatchesDl4j(net, fused, batch(2)[0]);
    }

    /** The step's probabilities equal DL4J's output (to 1e-6) on a full batch and on a short last batch (a row view). */
    static void assertInferenceMatchesDl4j(MultiLayerNetwork net, BatchStep step, INDArray x) {
        INDArray firstRows = x.get(NDArrayIndex.interval(0, 5), NDArrayIndex.all());
        for (INDArray input : new INDArray[]{x, firstRows}) {
            float[] expected = net.output(input, false).data().asFloat();
            float[] actual = step.probabilities(input);
            assertEquals(expected.length, actual.length);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], actual[i], 1e-6, "probability " + i);
            }
        }
    }

    @Test
    void dropoutIsInvertedAndSeeded() {
        List<LayerConfig> layers = List.of(dense(20, "relu"), new LayerConfig("dropout", 0, "relu", 0.5, 0, List.of(), List.of(), "valid"),
                dense(3, "softmax"));
        MultiLayerNetwork a = net(layers, "rmsprop", 0);
        MultiLayerNetwork b = net(layers, "rmsprop", 0);
        BatchStep sa = FusedDenseStep.forNetwork(a).orElseThrow();
        BatchStep sb = FusedDenseStep.forNetwork(b).orElseThrow();
        INDArray[] xy = batch(1);
        Nd4j.getRandom().setSeed(5);
        sa.fit(xy[0].dup(), xy[1].dup());
        Nd4j.getRandom().setSeed(5);
        sb.fit(xy[0].dup(), xy[1].dup());
        assertEquals(a.params(), b.params(), "same seed, same masks, same step");
        Nd4j.getRandom().setSeed(6);
        sb.fit(xy[0].dup(), xy[1].dup());
        Nd4j.getRandom().setSeed(7);
        sa.fit(xy[0].dup(), xy[1].dup());
        assertFalse(a.params().equalsWithEps(b.params(), 1e-7), "different masks, different step");
    }

    @Test
    void networksItCannotComputeExactlyFallBackToDl4j() {
        assertTrue(FusedDenseStep.forNetwork(net(List.of(dense(8, "relu"), dense(3, "softmax")), "adam", 1e-4)).isEmpty(), "L2");
        ExperimentConfig cnn = ConfigLoader.load(Path.of(System.getProperty("user.dir")).resolve("../../configs/fashion-cnn.yaml").normalize(),
                List.of());
        int[] in = Models.inputShape(cnn.data());
        MultiLayerNetwork conv = ModelFactory.build(cnn.model(), cnn.training(), 1, in[0], in[1], in[2], 10);
        assertTrue(FusedDenseStep.forNetwork(conv).isEmpty(), "convolutions");
        assertTrue(BatchStep.choose(conv, "fused") instanceof FusedConvStep, "convolutions have their own fused step");
        MultiLayerNetwork mlp = net(List.of(dense(8, "relu"), dense(3, "softmax")), "adam", 0);
        assertEquals("DL4J fit", BatchStep.choose(mlp, "dl4j").describe(), "dense_step: dl4j forces DL4J's fit");
    }
}
