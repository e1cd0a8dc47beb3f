package org.easel.core.train;

import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The nodes {@link FusedConvStep} is built from. Images between convolutions are NHWC ({@code [batch, height,
 * width, channels]}, C order): oneDNN's convolution and pooling primitives run 1.2–5× faster on it here than on
 * NCHW. Everything DL4J's layers see in NCHW order keeps that order: the flattened maps fed to dense layers and
 * the order in which dropout draws its random numbers, so the masks are DL4J's.
 */
final class StepNodes {
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();
    /** The first convolution's patch matrix is used up to this size (64 MB); beyond it, conv2d_bp. */
    private static final long MAX_PATCH_FLOATS = 1L << 24;

    private StepNodes() {
    }

    static boolean isRelu(IActivation activation) {
        return PLAIN_RELU.equals(activation);
    }

    /** The network input, flat rows of NCHW pixels (DL4J's convolutionalFlat), as NHWC images. */
    static final class InputImages implements StepNode {
        private final int channels;
        private final int height;
        private final int width;

        InputImages(int channels, int height, int width) {
            this.channels = channels;
            this.height = height;
            this.width = width;
        }

        @Override
        public String name() {
            return "input to NHWC";
        }

        @Override
        public INDArray forward(INDArray input, boolean training) {
            long batch = input.size(0);
            if (channels == 1) {
                return input.reshape('c', batch, height, width, 1);   // the same memory in either layout
            }
            INDArray nhwc = Nd4j.createUninitialized(DataType.FLOAT, batch, height, width, channels);
            return nhwc.assign(input.reshape('c', batch, channels, height, width).permute(0, 2, 3, 1));
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            return null;   // nothing below the input
        }
    }

    /**
     * A 2-D convolution through libnd4j's {@code conv2d}/{@code conv2d_bp} ops (oneDNN in the native build Easel
     * ships), reading DL4J's OIHW kernel and bias in place and writing their gradients into the network's views.
     */
    static final class Conv implements StepNode {
        private final String name;
        private final INDArray weights;
        private final INDArray bias;
        private final INDArray weightGrad;
        private final INDArray weightGrad2d;
        private final INDArray biasGradRow;
        private final INDArray biasGrad;
        private final IActivation activation;
        private final int[] args;
        private final int[] topLeftPad;
        private final long[] outHwc;
        private final OnesRow ones;
        private final ImagePatches patchMaker = new ImagePatches();
        private INDArray input;
        private INDArray output;
        private INDArray preActivation;

        /**
         * @param padding      DL4J's configured padding (used in truncate mode)
         * @param sameMode     DL4J's {@code ConvolutionMode.Same}: libnd4j computes the same top-left padding as DL4J
         * @param topLeftPad   the padding DL4J computes for this layer (same mode) or its configured padding
         * @param outHwc       output height, width, channels
         * @param biasGradRow  a {@code [1, filters]} view of the network's gradient
         */
        Conv(String name, INDArray weights, INDArray bias, INDArray weightGrad, INDArray biasGradRow, IActivation activation,
             int[] kernel, int[] stride, int[] padding, int[] dilation, boolean sameMode, int[] topLeftPad, long[] outHwc,
             OnesRow ones) {
            this.name = name;
            this.weights = weights;
            this.bias = bias.reshape(bias.length());
            this.weightGrad = weightGrad;
            this.weightGrad2d = weightGrad.reshape('c', weightGrad.size(0), weightGrad.length() / weightGrad.size(0));
            this.biasGradRow = biasGradRow;
            this.biasGrad = biasGradRow.reshape(biasGradRow.length());
            this.activation = activation;
            // conv2d's integer arguments: kernel, stride, padding, dilation, same mode, 1 = NHWC data, 1 = OIHW weights
            this.args = new int[]{kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1],
                    sameMode ? 1 : 0, 1, 1};
            this.topLeftPad = topLeftPad;
            this.outHwc = outHwc;
            this.ones = ones;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            INDArray z = Nd4j.createUninitialized(DataType.FLOAT, in.size(0), outHwc[0], outHwc[1], outHwc[2]);
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(in, weights, bias).addOutputs(z).addIntegerArguments(args).build());
            INDArray a;
            if (isRelu(activation)) {
                Nd4j.getExecutioner().exec(new RectifiedLinear(z, z));   // ReLU's derivative can be read off its output
                a = z;
            } else {
                preActivation = training ? z.dup() : null;
                a = activation.getActivation(z, training);
            }
            if (training) {
                input = in;
                output = a;
            }
            return a;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            long positions = input.size(0) * outHwc[0] * outHwc[1];
            INDArray delta;
            boolean biasDone = false;
            if (isRelu(activation)) {
                // NHWC is a [positions, channels] matrix: the dense layers' ReLU-backward loop applies as is, and its
                // column sums are the bias gradient. (libnd4j's relu_bp took 20-100 ms on the first layer's map.)
                delta = cOrder(outputGradient);
                DenseKernels.reluBackward(delta.reshape('c', positions, outHwc[2]), output.reshape('c', positions, outHwc[2]), 1f,
                        biasGradRow);
                biasDone = true;
            } else {
                delta = cOrder(activation.backprop(preActivation, outputGradient).getFirst());
            }
            if (!inputGradient && patchesFit()) {
                kernelGradient(delta.reshape('c', positions, outHwc[2]), positions);
                if (!biasDone) {
                    Nd4j.gemm(ones.of(positions), delta.reshape('c', positions, outHwc[2]), biasGradRow, false, false, 1.0, 0.0);
                }
                return null;
            }
            INDArray inGrad = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
            if (biasDone) {
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weights, delta)
                        .addOutputs(inGrad, weightGrad).addIntegerArguments(args).build());
            } else {
                Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(input, weights, bias, delta)
                        .addOutputs(inGrad, weightGrad, biasGrad).addIntegerArguments(args).build());
            }
            return inputGradient ? inGrad : null;
        }

        private boolean patchesFit() {
            return input.size(0) * outHwc[0] * outHwc[1] * weightGrad2d.size(1) <= MAX_PATCH_FLOATS;
        }

        /**
         * The first layer's kernel gradient without the input gradient that {@code conv2d_bp} would also compute:
         * image patches as rows times the output gradient, one GEMM. Why: on a one-channel input oneDNN's backward
         * pass took longer than that of the 32-channel layer above it.
         */
        private void kernelGradient(INDArray delta2d, long positions) {
            INDArray patches = Nd4j.createUninitialized(DataType.FLOAT, positions, weightGrad2d.size(1));
            patchMaker.im2row(input, patches, (int) outHwc[0], (int) outHwc[1], new int[]{args[0], args[1]},
                    new int[]{args[2], args[3]}, topLeftPad, new int[]{args[6], args[7]});
            Nd4j.gemm(delta2d, patches, weightGrad2d, true, false, 1.0, 0.0);
        }
    }

    /** Max pooling through libnd4j's {@code maxpool2d}/{@code maxpool2d_bp} ops, with DL4J's arguments but NHWC data. */
    static final class MaxPool implements StepNode {
        private final String name;
        private final int[] args;
        private final long[] outHwc;
        private INDArray input;

        MaxPool(String name, int[] kernel, int[] stride, int[] padding, int[] dilation, boolean sameMode, long[] outHwc) {
            this.name = name;
            // maxpool2d's integer arguments as DL4J's SubsamplingLayer passes them, except the last: 1 = NHWC
            this.args = new int[]{kernel[0], kernel[1], stride[0], stride[1], padding[0], padding[1], dilation[0], dilation[1],
                    sameMode ? 1 : 0, 0, 1};
            this.outHwc = outHwc;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, in.size(0), outHwc[0], outHwc[1], outHwc[2]);
            Nd4j.exec(DynamicCustomOp.builder("maxpool2d").addInputs(in).addOutputs(out).addIntegerArguments(args).build());
            input = training ? in : null;
            return out;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            INDArray inGrad = Nd4j.createUninitialized(DataType.FLOAT, input.shape());
            Nd4j.exec(DynamicCustomOp.builder("maxpool2d_bp").addInputs(input, outputGradient).addOutputs(inGrad)
                    .addIntegerArguments(args).build());
            return inGrad;
        }
    }

    /**
     * DL4J's inverted dropout: a mask of 0 and 1/keep drawn by ND4J's seeded {@code DropOutInverted} op over an
     * array of the layer input's DL4J shape and C order, so that the same seed gives DL4J's mask. On NHWC images the
     * mask is drawn in NCHW order and applied through a permuted view.
     */
    static final class Dropout implements StepNode {
        private final String name;
        private final double keep;
        private final boolean channelsLast;
        private INDArray mask;

        Dropout(String name, double keep, boolean channelsLast) {
            this.name = name;
            this.keep = keep;
            this.channelsLast = channelsLast;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            if (!training) {
                return in;   // inverted dropout is the identity at inference
            }
            long[] s = in.shape();
            INDArray drawn = channelsLast ? Nd4j.createUninitialized(DataType.FLOAT, s[0], s[3], s[1], s[2])
                    : Nd4j.createUninitialized(DataType.FLOAT, s);
            drawn.assign(1.0);
            Nd4j.getExecutioner().exec(new DropOutInverted(drawn, drawn, keep));
            mask = channelsLast ? drawn.permute(0, 2, 3, 1) : drawn;
            return in.mul(mask);
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            return outputGradient.muli(mask);
        }
    }

    /** NHWC images to the NCHW order (C order) that DL4J's layers after the last convolution see. */
    static final class ToChannelsFirst implements StepNode {
        @Override
        public String name() {
            return "NHWC to NCHW";
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, in.size(0), in.size(3), in.size(1), in.size(2));
            return out.assign(in.permute(0, 3, 1, 2));
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            long[] s = outputGradient.shape();
            INDArray nhwc = Nd4j.createUninitialized(DataType.FLOAT, s[0], s[2], s[3], s[1]);
            return nhwc.assign(outputGradient.permute(0, 2, 3, 1));
        }
    }

    /** DL4J's CnnToFeedForwardPreProcessor on C-order NCHW maps: a reshape, no copy. */
    static final class Flatten implements StepNode {
        private long[] shape;

        @Override
        public String name() {
            return "flatten";
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            shape = in.shape();
            return in.reshape('c', shape[0], in.length() / shape[0]);
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            return outputGradient.reshape('c', shape);
        }
    }

    /** An element-wise activation layer (not softmax): DL4J's {@code ActivationLayer}. */
    static final class Activation implements StepNode {
        private final String name;
        private final IActivation activation;
        private INDArray preActivation;

        Activation(String name, IActivation activation) {
            this.name = name;
            this.activation = activation;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            preActivation = training ? in.dup() : null;
            return activation.getActivation(in.dup(), training);
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            return activation.backprop(preActivation, outputGradient).getFirst();
        }
    }

    /** A dense layer on C-order rows: one GEMM forward, two backward, and the element-wise work in Java loops. */
    static final class Dense implements StepNode {
        private final String name;
        private final INDArray weights;
        private final INDArray bias;
        private final INDArray weightGrad;
        private final INDArray biasGrad;
        private final IActivation activation;
        private final OnesRow ones;
        private INDArray input;
        private INDArray output;
        private INDArray preActivation;

        /** {@code biasGrad} must be a {@code [1, units]} view of the network's gradient. */
        Dense(String name, INDArray weights, INDArray bias, INDArray weightGrad, INDArray biasGrad, IActivation activation,
              OnesRow ones) {
            this.name = name;
            this.weights = weights;
            this.bias = bias;
            this.weightGrad = weightGrad;
            this.biasGrad = biasGrad;
            this.activation = activation;
            this.ones = ones;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public INDArray forward(INDArray in, boolean training) {
            INDArray z = product(in, weights, false);
            INDArray a;
            if (isRelu(activation)) {
                DenseKernels.biasRelu(z, bias);
                a = z;
            } else {
                z.addiRowVector(bias);
                preActivation = training ? z.dup() : null;
                a = activation.getActivation(z, training);
            }
            if (training) {
                input = in;
                output = a;
            }
            return a;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            INDArray delta;
            if (isRelu(activation)) {
                DenseKernels.reluBackward(outputGradient, output, 1f, biasGrad);   // also sums the bias gradient
                delta = outputGradient;
            } else {
                delta = activation.backprop(preActivation, outputGradient).getFirst();
                // Column sums as a GEMM with a ones row: a dim-0 reduction is 20x slower in ND4J.
                Nd4j.gemm(ones.of(delta.size(0)), delta, biasGrad, false, false, 1.0, 0.0);
            }
            Nd4j.gemm(input, delta, weightGrad, true, false, 1.0, 0.0);
            return inputGradient ? product(delta, weights, true) : null;
        }
    }

    /** The softmax output layer with DL4J's mean cross-entropy (MCXENT), forward and backward in one pass. */
    static final class SoftmaxOutput implements StepNode {
        private final INDArray weights;
        private final INDArray bias;
        private final INDArray weightGrad;
        private final INDArray biasGrad;
        private INDArray input;
        private INDArray logits;

        SoftmaxOutput(INDArray weights, INDArray bias, INDArray weightGrad, INDArray biasGrad) {
            this.weights = weights;
            this.bias = bias;
            this.weightGrad = weightGrad;
            this.biasGrad = biasGrad;
        }

        @Override
        public String name() {
            return "softmax output";
        }

        /** Training: {@code x·W} (see {@link #loss}); inference: the class probabilities. */
        @Override
        public INDArray forward(INDArray in, boolean training) {
            INDArray z = product(in, weights, false);
            if (!training) {
                DenseKernels.biasSoftmax(z, bias);
                return z;
            }
            input = in;
            logits = z;
            return z;
        }

        /** The batch's mean cross-entropy; turns the kept {@code x·W} into dL/dz = (p − y) / batch, the bias gradient too. */
        double loss(INDArray oneHotLabels) {
            return DenseKernels.softmaxCrossEntropy(logits, bias, oneHotLabels, biasGrad);
        }

        /** The gradient of the loss with respect to the output layer's pre-activation (after {@link #loss}). */
        INDArray lossGradient() {
            return logits;
        }

        @Override
        public INDArray backward(INDArray outputGradient, boolean inputGradient) {
            Nd4j.gemm(input, outputGradient, weightGrad, true, false, 1.0, 0.0);
            return inputGradient ? product(outputGradient, weights, true) : null;
        }
    }

    /** {@code a} itself when it is a contiguous C-order array (so reshapes are views), else a C-order copy. */
    static INDArray cOrder(INDArray a) {
        return a.ordering() == 'c' && a.elementWiseStride() == 1 ? a : a.dup('c');
    }

    /** A {@code [1, batch]} row of ones kept across steps (outside the step's workspace). */
    static final class OnesRow {
        private INDArray ones;

        INDArray of(long batch) {
            if (ones == null || ones.size(1) != batch) {
                try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                    ones = Nd4j.ones(DataType.FLOAT, 1, batch);
                }
            }
            return ones;
        }
    }

    /**
     * {@code a · b} (or {@code a · bᵀ}) into a new C-order array from the active workspace: the Java loops read
     * rows, and dropout draws its random numbers in buffer order (DL4J's masks are C order).
     */
    static INDArray product(INDArray a, INDArray b, boolean transposeB) {
        INDArray out = Nd4j.createUninitialized(DataType.FLOAT, a.size(0), transposeB ? b.size(0) : b.size(1));
        Nd4j.gemm(a, b, out, false, transposeB, 1.0, 0.0);
        return out;
    }
}
