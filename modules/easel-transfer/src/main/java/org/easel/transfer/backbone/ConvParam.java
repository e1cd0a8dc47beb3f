package org.easel.transfer.backbone;

/**
 * One convolution's weights as the backbone needs them: the Keras layer name they are stored under
 * (e.g. {@code block1_conv1}, {@code fire2/squeeze1x1}) and the kernel shape in OIHW order.
 */
public record ConvParam(String kerasName, int out, int in, int kernel) {
    public long[] oihw() {
        return new long[]{out, in, kernel, kernel};
    }

    /** The shape Keras stores: height, width, in, out. */
    public long[] hwio() {
        return new long[]{kernel, kernel, in, out};
    }
}
