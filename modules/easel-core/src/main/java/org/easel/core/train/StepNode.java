package org.easel.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One layer (or layout change) of {@link FusedConvStep}: a forward pass that keeps what its backward pass needs,
 * and a backward pass that writes the layer's parameter gradients into the network's own gradient views.
 *
 * <p>Arrays flow between nodes within one step; the step allocates them all from one workspace, so a node must
 * not hold on to an array after the step that created it.
 */
interface StepNode {
    /** Shown in the per-node timing table. */
    String name();

    /** The layer's output; in training mode dropout masks are drawn and the arrays for {@link #backward} kept. */
    INDArray forward(INDArray input, boolean training);

    /**
     * The gradient with respect to this node's input, given the one with respect to its output (which the node
     * may overwrite). {@code inputGradient} is false for the first node: nothing below needs it.
     */
    INDArray backward(INDArray outputGradient, boolean inputGradient);
}
