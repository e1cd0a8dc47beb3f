package org.easel.transfer.modelfile;

import org.deeplearning4j.nn.conf.CNN2DFormat;

/**
 * The image input a model file declares: channels (1 or 3), side length (0 when the file does not
 * record it) and the layout its first layers expect (Keras files: NHWC).
 */
public record InputSpec(int channels, int size, CNN2DFormat format) {
    public boolean sizeKnown() {
        return size > 0;
    }
}
