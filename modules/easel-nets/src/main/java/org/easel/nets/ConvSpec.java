package org.easel.nets;

/**
 * One convolution's weights as a network needs them: the Keras layer name they are stored under
 * (e.g. {@code block1_conv1}, {@code fire2/squeeze1x1}), output and input channels and the kernel side.
 */
public record ConvSpec(String kerasName, int out, int in, int kernel) {
    /** The shape Keras stores and Easel keeps: height, width, in, out. */
    public long[] hwio() {
        return new long[]{kernel, kernel, in, out};
    }

    /** The same kernel as DL4J's layers and older Easel model files store it: out, in, height, width. */
    public long[] oihw() {
        return new long[]{out, in, kernel, kernel};
    }

    /** The layer a weight belongs to: {@code fire2} for {@code fire2/squeeze1x1}. */
    public String layer() {
        int slash = kerasName.indexOf('/');
        return slash < 0 ? kerasName : kerasName.substring(0, slash);
    }
}
