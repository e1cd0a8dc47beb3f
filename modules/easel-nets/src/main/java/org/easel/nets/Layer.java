package org.easel.nets;

/**
 * One named step of a built-in convolutional network, named as in Keras so that config keys
 * ({@code freeze_up_to}, {@code content_layer}) and the weight files use the same names. Every
 * convolution is followed by a ReLU.
 */
public sealed interface Layer permits Layer.Conv, Layer.Pool, Layer.Fire {
    String name();

    /** Output side length for an input side length; <= 0 means the input is too small. */
    int outSize(int in);

    /** Output channels for the given input channels. */
    int outChannels(int in);

    /** Convolution + ReLU; {@code same} padding keeps the size (before the stride), else valid. */
    record Conv(String name, int filters, int kernel, int stride, boolean same) implements Layer {
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
    record Pool(String name, int kernel, int stride) implements Layer {
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
     * 1x1 first, as in keras-squeezenet whose weights are loaded.
     */
    record Fire(String name, int squeeze, int expand) implements Layer {
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
