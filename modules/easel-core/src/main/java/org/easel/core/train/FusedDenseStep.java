package org.easel.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.updater.MultiLayerUpdater;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * One training step for plain dense classifiers (dense and dropout layers, softmax + cross-entropy output),
 * computed with a handful of native calls straight on the network's own parameter, gradient and updater-state
 * arrays.
 *
 * <p>Why: DL4J's {@code fit} spends most of an MLP step in per-op bookkeeping (workspaces, listeners, layer
 * dispatch), not in arithmetic; the MNIST MLP epoch took 2.6–3.3 s against PyTorch's 1.7 s. The maths is the
 * same as DL4J's (inverted dropout on layer inputs, the layer's own activation functions, gradients averaged
 * over the batch, the network's updater applied to the whole flattened gradient), and the state lives in the
 * network, so models, checkpoints and {@code --resume} are unchanged. Networks outside this shape (convolutions,
 * regularisation, weighted losses, constraints, ...) use DL4J's {@code fit}.
 */
public final class FusedDenseStep implements BatchStep {
    private static final String WORKSPACE_ID = "EASEL_FUSED_DENSE_STEP";
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policySpill(SpillPolicy.REALLOCATE).policyMirroring(MirroringPolicy.FULL).build();

    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

    private final MultiLayerNetwork net;
    private final List<Stage> stages;
    private final FlatUpdate update;
    private INDArray onesRow;

    /** A dense layer with the dropout applied to its input (keep probability, 1 = none). */
    private record Stage(INDArray weights, INDArray bias, INDArray weightGrad, INDArray biasGrad, IActivation activation,
                         double keep) {
    }

    private FusedDenseStep(MultiLayerNetwork net, List<Stage> stages, IUpdater updaterConfig) {
        this.net = net;
        this.stages = stages;
        this.update = FlatUpdate.of(updaterConfig, net.params(), net.getFlattenedGradients(),
                net.getUpdater().getStateViewArray());
    }

    /** The fused step for {@code net}, or empty when the network has anything this step does not compute exactly. */
    public static Optional<FusedDenseStep> forNetwork(MultiLayerNetwork net) {
        if (net.getLayerWiseConfigurations().getInputPreProcessors() != null
                && !net.getLayerWiseConfigurations().getInputPreProcessors().isEmpty()) {
            return Optional.empty();
        }
        if (net.params().dataType() != DataType.FLOAT || !(net.getUpdater() instanceof MultiLayerUpdater mlu)
                || mlu.getUpdaterBlocks().size() != 1) {
            return Optional.empty();
        }
        List<Stage> stages = new ArrayList<>();
        IUpdater updaterConfig = null;
        double pendingKeep = 1.0;
        Layer[] layers = net.getLayers();
        for (int i = 0; i < layers.length; i++) {
            var conf = layers[i].conf().getLayer();
            boolean last = i == layers.length - 1;
            if (conf instanceof DropoutLayer d) {
                Double keep = plainKeepProbability(d.getIDropout());
                if (keep == null || last || pendingKeep < 1.0) {
                    return Optional.empty();   // two dropouts in a row: DL4J would draw two masks
                }
                pendingKeep = keep;
                continue;
            }
            boolean dense = conf instanceof DenseLayer && !last;
            boolean output = conf instanceof OutputLayer o && last && o.getLossFn() instanceof LossMCXENT loss
                    && loss.getWeights() == null && o.getActivationFn() instanceof ActivationSoftmax;
            if (!(dense || output)) {
                return Optional.empty();
            }
            BaseLayer base = (BaseLayer) conf;
            if (!plain(base) || layers[i].getParam("b") == null) {
                return Optional.empty();
            }
            Double ownKeep = plainKeepProbability(base.getIDropout());
            if (ownKeep == null || pendingKeep < 1.0 && ownKeep < 1.0) {
                return Optional.empty();   // two dropouts in a row: DL4J would draw two masks
            }
            if (updaterConfig != null && !updaterConfig.equals(base.getIUpdater())) {
                return Optional.empty();
            }
            updaterConfig = base.getIUpdater();
            Map<String, INDArray> grads = layers[i].conf().getLayer().initializer()
                    .getGradientsFromFlattened(layers[i].conf(), layers[i].getGradientsViewArray());
            INDArray biasGrad = grads.get("b");
            INDArray biasGradRow = biasGrad.reshape(1, biasGrad.length());   // a view: the GEMM writes into the network's gradient
            if (biasGradRow.data().address() + biasGradRow.offset() * 4 != biasGrad.data().address() + biasGrad.offset() * 4) {
                return Optional.empty();
            }
            stages.add(new Stage(layers[i].getParam("W"), layers[i].getParam("b"), grads.get("W"), biasGradRow,
                    base.getActivationFn(), Math.min(pendingKeep, ownKeep)));
            pendingKeep = 1.0;
        }
        if (stages.isEmpty() || updaterConfig == null) {
            return Optional.empty();
        }
        return Optional.of(new FusedDenseStep(net, List.copyOf(stages), updaterConfig));
    }

    private static boolean plain(BaseLayer l) {
        return isEmpty(l.getRegularization()) && isEmpty(l.getRegularizationBias()) && l.getWeightNoise() == null
                && isEmpty(l.getConstraints()) && (l.getGradientNormalization() == null
                || l.getGradientNormalization() == GradientNormalization.None)
                && (!(l instanceof DenseLayer d) || !d.hasLayerNorm());
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    /** Keep probability of a fixed-rate {@link Dropout}; null for other dropout kinds or schedules. */
    private static Double plainKeepProbability(IDropout d) {
        if (d == null) {
            return 1.0;
        }
        if (d.getClass() != Dropout.class || ((Dropout) d).getPSchedule() != null) {
            return null;
        }
        return ((Dropout) d).getP();
    }

    @Override
    public double fit(INDArray features, INDArray labels) {
        // Every intermediate array of the step comes from a workspace: a bump-pointer arena reused each step.
        // Why: a fresh 128×256 float array costs ~1 ms of malloc and page faults here, more than its GEMM.
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            return step(features, labels);
        }
    }

    @Override
    public float[] probabilities(INDArray features) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            INDArray a = features;
            for (int i = 0; i < stages.size(); i++) {   // inverted dropout is the identity at inference
                Stage s = stages.get(i);
                INDArray z = product(a, s.weights(), false);
                if (i == stages.size() - 1) {
                    DenseKernels.biasSoftmax(z, s.bias());
                    a = z;
                } else if (isRelu(s)) {
                    DenseKernels.biasRelu(z, s.bias());
                    a = z;
                } else {
                    a = s.activation().getActivation(z.addiRowVector(s.bias()), false);
                }
            }
            float[] out = new float[Math.toIntExact(a.length())];
            NativeFloats.of(a).get(out);
            return out;
        }
    }

    private double step(INDArray features, INDArray labels) {
        int n = stages.size();
        long batch = features.size(0);
        INDArray[] inputs = new INDArray[n];
        INDArray[] outputs = new INDArray[n];   // what the backward pass needs to differentiate the activation
        INDArray[] masks = new INDArray[n];
        INDArray a = features;
        double loss = Double.NaN;
        for (int i = 0; i < n; i++) {
            Stage s = stages.get(i);
            if (s.keep() < 1.0) {
                if (i == 0) {
                    // Dropout on the network input: no gradient flows back through it, so no mask is kept.
                    INDArray dropped = Nd4j.createUninitialized(a.dataType(), a.shape());
                    Nd4j.getExecutioner().exec(new DropOutInverted(a, dropped, s.keep()));
                    a = dropped;
                } else if (isRelu(stages.get(i - 1))) {
                    // After a ReLU no mask is needed either: a unit passes gradient iff its dropped-out output is > 0,
                    // which the ReLU backward reads off that output; only the 1/keep scale remains (see backward).
                    Nd4j.getExecutioner().exec(new DropOutInverted(a, a, s.keep()));
                } else {
                    masks[i] = Nd4j.createUninitialized(a.dataType(), a.shape()).assign(1.0);
                    Nd4j.getExecutioner().exec(new DropOutInverted(masks[i], masks[i], s.keep()));
                    a = a.mul(masks[i]);
                }
            }
            inputs[i] = a;
            INDArray z = product(a, s.weights(), false);
            if (i == n - 1) {
                // Softmax + cross-entropy: z becomes dL/dz = (p - y) / batch, as DL4J's minibatch averaging gives.
                loss = DenseKernels.softmaxCrossEntropy(z, s.bias(), labels, s.biasGrad());
                a = z;
            } else if (isRelu(s)) {
                DenseKernels.biasRelu(z, s.bias());   // ReLU's derivative can be read off its output
                outputs[i] = z;
                a = z;
            } else {
                z.addiRowVector(s.bias());
                outputs[i] = z.dup();   // other activations differentiate their input
                a = s.activation().getActivation(z, true);
            }
        }

        INDArray delta = a;
        for (int i = n - 1; i >= 0; i--) {
            Stage s = stages.get(i);
            Nd4j.gemm(inputs[i], delta, s.weightGrad(), true, false, 1.0, 0.0);
            if (i == 0) {
                break;
            }
            INDArray upstream = product(delta, s.weights(), true);
            Stage below = stages.get(i - 1);
            if (isRelu(below) && masks[i] == null) {
                // The dropout (if any) zeroed units in the ReLU output itself; the kernel also sums the bias gradient.
                DenseKernels.reluBackward(upstream, outputs[i - 1], (float) s.keep(), below.biasGrad());
                delta = upstream;
            } else {
                if (masks[i] != null) {
                    upstream.muli(masks[i]);
                }
                delta = below.activation().backprop(outputs[i - 1], upstream).getFirst();
                // Column sums as a GEMM with a ones row: a dim-0 reduction is 20x slower in ND4J.
                Nd4j.gemm(ones(batch), delta, below.biasGrad(), false, false, 1.0, 0.0);
            }
        }

        int iteration = net.getIterationCount();
        update.apply(iteration, net.getEpochCount());
        net.setIterationCount(iteration + 1);
        return loss;
    }

    /**
     * {@code a · b} (or {@code a · bᵀ}) into a new array from the active workspace, in C order on purpose: dropout
     * draws its random numbers in buffer order (DL4J's masks are C order), and the Java kernels read rows.
     * ND4J's gemm without an output array would return F order.
     */
    private static INDArray product(INDArray a, INDArray b, boolean transposeB) {
        INDArray out = Nd4j.createUninitialized(a.dataType(), a.size(0), transposeB ? b.size(0) : b.size(1));
        Nd4j.gemm(a, b, out, false, transposeB, 1.0, 0.0);
        return out;
    }

    private static boolean isRelu(Stage s) {
        return PLAIN_RELU.equals(s.activation());
    }

    private INDArray ones(long batch) {
        if (onesRow == null || onesRow.size(1) != batch) {
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                onesRow = Nd4j.ones(DataType.FLOAT, 1, batch);   // kept across steps, so not in the step's workspace
            }
        }
        return onesRow;
    }

    @Override
    public String describe() {
        return "fused dense step (" + stages.size() + " layers, " + FloatLoops.BEST.describe() + ")";
    }
}
