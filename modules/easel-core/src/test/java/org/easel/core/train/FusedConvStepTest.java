package org.easel.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.LayerConfig;
import org.easel.core.config.ModelConfig;
import org.easel.core.config.TrainingConfig;
import org.easel.core.model.ModelFactory;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class FusedConvStepTest {
    private static final int BATCH = 16;
    private static final int CLASSES = 3;

    private record Shape(int channels, int height, int width) {
        int size() {
            return channels * height * width;
        }
    }

    private static LayerConfig conv(int filters, List<Integer> kernel, List<Integer> stride, String padding, String activation) {
        return new LayerConfig("conv2d", 0, activation, 0, filters, kernel, stride, padding);
    }

    private static LayerConfig conv(int filters, String padding) {
        return conv(filters, List.of(3, 3), List.of(), padding, "relu");
    }

    private static LayerConfig pool(List<Integer> kernel, String padding) {
        return new LayerConfig("maxpool", 0, "relu", 0, 0, kernel, List.of(), padding);
    }

    private static LayerConfig dropout(double rate) {
        return new LayerConfig("dropout", 0, "relu", rate, 0, List.of(), List.of(), "valid");
    }

    private static LayerConfig dense(int units, String activation) {
        return new LayerConfig("dense", units, activation, 0, 0, List.of(), List.of(), "valid");
    }

    private static final LayerConfig FLATTEN = new LayerConfig("flatten", 0, "relu", 0, 0, List.of(), List.of(), "valid");

    /** configs/fashion-cnn.yaml, smaller. */
    private static final List<LayerConfig> FASHION_SHAPE = List.of(conv(4, "same"), pool(List.of(2, 2), "valid"), conv(6, "same"),
            pool(List.of(2, 2), "valid"), dropout(0.25), FLATTEN, dense(16, "relu"), dropout(0.3), dense(CLASSES, "softmax"));

    private static MultiLayerNetwork net(List<LayerConfig> layers, String optimizer, double l2, Shape in) {
        TrainingConfig t = new TrainingConfig(1, BATCH, optimizer, 0.01, 0, false, 0, TrainingConfig.DEFAULTS.earlyStopping(), 0, "fused");
        return ModelFactory.build(new ModelConfig(layers, "glorot_uniform", l2), t, 7, in.channels(), in.height(), in.width(), CLASSES);
    }

    private static INDArray[] batch(long seed, Shape in) {
        Nd4j.getRandom().setSeed(seed);
        INDArray x = Nd4j.rand(DataType.FLOAT, BATCH, in.size());
        INDArray y = Nd4j.zeros(DataType.FLOAT, BATCH, CLASSES);
        for (int i = 0; i < BATCH; i++) {
            y.putScalar(i, (i * 7 + seed) % CLASSES, 1f);
        }
        return new INDArray[]{x, y};
    }

    /** Trains the same network with DL4J's fit and with the fused step (same seeds, so same dropout masks) and compares. */
    private static void assertSameTrajectoryAsDl4j(String optimizer, List<LayerConfig> layers, Shape in) {
        MultiLayerNetwork a = net(layers, optimizer, 0, in);
        MultiLayerNetwork b = net(layers, optimizer, 0, in);
        assertEquals(a.params(), b.params());
        BatchStep dl4j = BatchStep.dl4j(a);
        FusedConvStep.Choice choice = FusedConvStep.forNetwork(b);
        assertTrue(choice.step().isPresent(), () -> "fused step refused: " + choice.whyNot());
        BatchStep fused = choice.step().get();
        for (int step = 0; step < 8; step++) {
            INDArray[] xy = batch(step, in);
            Nd4j.getRandom().setSeed(100 + step);
            double lossA = dl4j.fit(xy[0].dup(), xy[1].dup());
            Nd4j.getRandom().setSeed(100 + step);
            double lossB = fused.fit(xy[0].dup(), xy[1].dup());
            assertEquals(lossA, lossB, 1e-4, "loss at step " + step);
        }
        double maxAbs = a.params().sub(b.params()).amaxNumber().doubleValue();
        assertTrue(maxAbs < 1e-5, optimizer + ": fused and DL4J parameters differ by " + maxAbs);
        assertTrue(a.params().sub(net(layers, optimizer, 0, in).params()).amaxNumber().doubleValue() > 1e-3, "training moved the weights");
        INDArray stateA = a.getUpdater().getStateViewArray();
        if (stateA != null) {   // plain SGD keeps no state
            assertEquals(0, stateA.sub(b.getUpdater().getStateViewArray()).amaxNumber().doubleValue(), 1e-5,
                    "the updater state (saved in checkpoints) matches too");
        }
    }

    @Test
    void theFashionCnnShapeMatchesDl4jFitWithAdam() {
        assertSameTrajectoryAsDl4j("adam", FASHION_SHAPE, new Shape(1, 12, 12));
    }

    @Test
    void colourInputValidAndStridedConvolutionsTanhAndDropoutBetweenConvolutionsMatchDl4jFit() {
        List<LayerConfig> layers = List.of(conv(5, List.of(3, 3), List.of(), "valid", "tanh"), dropout(0.2),
                conv(4, List.of(2, 3), List.of(2, 1), "same", "relu"), pool(List.of(2, 2), "same"), FLATTEN, dense(CLASSES, "softmax"));
        assertSameTrajectoryAsDl4j("rmsprop", layers, new Shape(2, 11, 9));
    }

    @Test
    void pointwiseConvolutionsAndStatelessOrMomentumUpdatersMatchDl4jFit() {
        List<LayerConfig> layers = List.of(conv(4, List.of(1, 1), List.of(), "valid", "relu"), conv(3, "same"), pool(List.of(2, 2), "valid"),
                FLATTEN, dense(8, "sigmoid"), dense(CLASSES, "softmax"));
        assertSameTrajectoryAsDl4j("sgd", layers, new Shape(3, 8, 8));
        assertSameTrajectoryAsDl4j("nesterovs", layers, new Shape(3, 8, 8));
    }

    @Test
    void inferenceGivesDl4jOutputWithoutDropout() {
        Shape in = new Shape(1, 12, 12);
        MultiLayerNetwork net = net(FASHION_SHAPE, "adam", 0, in);
        BatchStep fused = FusedConvStep.forNetwork(net).step().orElseThrow();
        INDArray[] xy = batch(1, in);
        fused.fit(xy[0], xy[1]);   // trained weights, so biases are not all zero
        FusedDenseStepTest.assertInferenceMatchesDl4j(net, fused, batch(2, in)[0]);
    }

    @Test
    void aLayerOutsideTheStepIsNamedWithTheReasonAndTrainsWithDl4jFit() {
        Shape in = new Shape(1, 8, 8);
        List<LayerConfig> withBatchNorm = List.of(conv(4, "same"), new LayerConfig("batchnorm", 0, "relu", 0, 0, List.of(), List.of(), "valid"),
                FLATTEN, dense(CLASSES, "softmax"));
        BatchStep step = BatchStep.choose(net(withBatchNorm, "adam", 0, in), "fused");
        assertTrue(step.describe().startsWith("DL4J fit (not the fused convolution step: layer 1 (batchnorm_2): batch normalization"),
                step.describe());
        BatchStep l2 = BatchStep.choose(net(FASHION_SHAPE, "adam", 1e-4, in), "fused");
        assertTrue(l2.describe().contains("layer 0 (conv2d_1): L1/L2 regularisation"), l2.describe());
        assertEquals("DL4J fit", BatchStep.choose(net(FASHION_SHAPE, "adam", 0, in), "dl4j").describe(), "dense_step: dl4j forces DL4J's fit");
        assertTrue(BatchStep.choose(net(FASHION_SHAPE, "adam", 0, in), "fused") instanceof FusedConvStep);
    }
}
