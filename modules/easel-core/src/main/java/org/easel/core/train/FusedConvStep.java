package org.easel.core.train;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.MirroringPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step for classifiers with convolutions, computed with libnd4j's convolution and pooling ops
 * (oneDNN in the native build Easel ships) on the network's own parameter, gradient and updater-state arrays.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code ConvolutionLayer} never reaches oneDNN (its helper looks up a class that does not
 * exist) and runs at about 9 GFLOP/s on im2col + GEMM; the same {@code conv2d} op called directly runs 10× faster.
 * The maths is DL4J's {@code fit}: the same layers in the same order, DL4J's inverted-dropout masks from the same
 * seeded generator, the mean cross-entropy, and the network's updater applied to the whole flattened gradient
 * ({@code FusedConvStepTest} trains both ways and compares weights and updater state). The state lives in the
 * network, so models, checkpoints, {@code --resume}, evaluation, prediction and export are unchanged.
 * Layers it cannot compute exactly are named by {@link #forNetwork}; such networks train with DL4J's {@code fit}.
 */
public final class FusedConvStep implements BatchStep {
    private static final String WORKSPACE_ID = "EASEL_FUSED_CONV_STEP";
    /** Every intermediate array of a step comes from this arena, reused step after step (no malloc, no page faults). */
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2)
            .policyLearning(LearningPolicy.FIRST_LOOP).policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policySpill(SpillPolicy.REALLOCATE).policyMirroring(MirroringPolicy.FULL).build();

    /** The fused step, or why the network trains with DL4J's {@code fit} instead (layer and reason). */
    public record Choice(Optional<FusedConvStep> step, String whyNot) {
    }

    private final MultiLayerNetwork net;
    private final List<StepNode> nodes;
    private final StepNodes.SoftmaxOutput output;
    private final FlatUpdate update;
    private final boolean[] gradientBelow;   // does any node below node i have parameters?
    private final long[] forwardNanos;
    private final long[] backwardNanos;
    private long updateNanos;
    private long steps;

    private FusedConvStep(MultiLayerNetwork net, ConvNetTranslator.Translation t) {
        this.net = net;
        this.nodes = t.nodes();
        this.output = t.output();
        this.update = FlatUpdate.of(t.updater(), net.params(), net.getFlattenedGradients(), net.getUpdater().getStateViewArray());
        this.gradientBelow = new boolean[nodes.size()];
        boolean params = false;
        for (int i = 0; i < nodes.size(); i++) {
            gradientBelow[i] = params;
            params |= hasParams(nodes.get(i));
        }
        this.forwardNanos = new long[nodes.size() + 1];
        this.backwardNanos = new long[nodes.size() + 1];
    }

    private static boolean hasParams(StepNode node) {
        return node instanceof StepNodes.Conv || node instanceof StepNodes.Dense;
    }

    public static Choice forNetwork(MultiLayerNetwork net) {
        try {
            return new Choice(Optional.of(new FusedConvStep(net, ConvNetTranslator.translate(net))), null);
        } catch (ConvNetTranslator.Unsupported e) {
            return new Choice(Optional.empty(), e.getMessage());
        }
    }

    @Override
    public double fit(INDArray features, INDArray oneHotLabels) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            INDArray a = features;
            int n = nodes.size();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                a = nodes.get(i).forward(a, true);
                forwardNanos[i] += System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            output.forward(a, true);
            double loss = output.loss(oneHotLabels);
            forwardNanos[n] += System.nanoTime() - t0;
            t0 = System.nanoTime();
            INDArray g = output.backward(output.lossGradient(), true);
            backwardNanos[n] += System.nanoTime() - t0;
            for (int i = n - 1; i >= 0 && (gradientBelow[i] || hasParams(nodes.get(i))); i--) {
                t0 = System.nanoTime();
                g = nodes.get(i).backward(g, gradientBelow[i]);
                backwardNanos[i] += System.nanoTime() - t0;
            }
            t0 = System.nanoTime();
            int iteration = net.getIterationCount();
            update.apply(iteration, net.getEpochCount());
            net.setIterationCount(iteration + 1);
            updateNanos += System.nanoTime() - t0;
            steps++;
            return loss;
        }
    }

    @Override
    public float[] probabilities(INDArray features) {
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, WORKSPACE_ID)) {
            INDArray a = features;
            for (StepNode node : nodes) {
                a = node.forward(a, false);
            }
            INDArray p = output.forward(a, false);
            float[] out = new float[Math.toIntExact(p.length())];
            NativeFloats.of(p).get(out);
            return out;
        }
    }

    /** Milliseconds per training step spent in each node's forward and backward pass and in the update, so far. */
    public String timings() {
        StringBuilder sb = new StringBuilder(String.format("%-24s %9s %9s%n", "node (ms/step)", "forward", "backward"));
        double per = Math.max(1, steps) * 1e6;
        for (int i = 0; i <= nodes.size(); i++) {
            String name = i < nodes.size() ? nodes.get(i).name() : output.name();
            sb.append(String.format("%-24s %9.2f %9.2f%n", name, forwardNanos[i] / per, backwardNanos[i] / per));
        }
        return sb.append(String.format("%-24s %9.2f%n", "update", updateNanos / per)).toString();
    }

    @Override
    public String describe() {
        return "fused convolution step (" + nodes.size() + " nodes + output, libnd4j conv2d/maxpool2d ops, NHWC)";
    }
}
