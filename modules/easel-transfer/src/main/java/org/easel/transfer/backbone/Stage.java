package org.easel.transfer.backbone;

/**
 * One named step of a convolutional backbone, named as in Keras so that {@code freeze_up_to} and the
 * weight files use the same names. Every convolution is followed by a ReLU.
 */
public sealed interface Stage permits Stage.Conv, Stage.Pool, Stage.Fire {
    String name();

    /** Output side length for an input side length; <= 0 means the input is too small. */
    int outSize(int in);

    /** Output channels for the given input channels. */
    int outChannels(int in);

    /** Convolution + ReLU; {@code same} padding keeps the size (before the stride), else valid. */
    record Conv(String name, int filters, int kernel, int stride, boolean same) implements Stage {
        @Override
        public int outSize(int in) {
            return same ? (in + stride - 1) / stride : Math.floorDiv(in - kernel, stride) + 1;
        }

        @Override
        public int outChannels(int in) {
            return filters;
        }
    }

    /** Max pooling with valid padding (Keras' default). */
    record Pool(String name, int kernel, int stride) implements Stage {
        @Override
        public int outSize(int in) {
            return Math.floorDiv(in - kernel, stride) + 1;
        }

        @Override
        public int outChannels(int in) {
            return in;
        }
    }

    /**
     * SqueezeNet fire module: 1x1 squeeze, then 1x1 and 3x3 (same) expands concatenated on channels,
     * 1x1 first, as in keras-squeezenet whose weights we load.
     */
    record Fire(String name, int squeeze, int expand) implements Stage {
        @Override
        public int outSize(int in) {
            return in;
        }

        @Override
        public int outChannels(int in) {
            return 2 * expand;
        }
    }
}
