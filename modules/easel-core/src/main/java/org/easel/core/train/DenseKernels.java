package org.easel.core.train;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The element-wise parts of a dense layer's forward and backward pass, each as one Java loop over native memory.
 *
 * <p>Why: in ND4J each of these is two to five ops (bias broadcast, activation, derivative, mask, column sum),
 * and on a 128×256 batch every op costs 50–200 µs of dispatch while the arithmetic is ~20 µs. The formulas are
 * DL4J's (ReLU, softmax with cross-entropy averaged over the batch, the 1e-10 clip before the log).
 * All arrays are row-major {@code rows × columns}; vectors have {@code columns} entries.
 */
final class DenseKernels {
    /** DL4J clips softmax probabilities before the log the same way (LossMCXENT's default). */
    private static final float CLIP = 1e-10f;

    private DenseKernels() {
    }

    /** {@code z = max(0, z + bias)} in place. */
    static void biasRelu(INDArray z, INDArray bias) {
        FloatLoops.BEST.biasRelu(NativeFloats.bytes(z), NativeFloats.bytes(bias), (int) z.size(0), (int) z.size(1));
    }

    /** {@code z = softmax(z + bias)} row by row, in place (inference). */
    static void biasSoftmax(INDArray z, INDArray bias) {
        FloatBuffer zf = NativeFloats.of(z);
        FloatBuffer b = NativeFloats.of(bias);
        int rows = (int) z.size(0);
        int cols = (int) z.size(1);
        for (int r = 0; r < rows; r++) {
            softmaxRow(zf, b, r * cols, cols);
        }
    }

    /**
     * The output layer's forward and backward pass at once: {@code p = softmax(z + bias)}, and in place of z the
     * gradient {@code (p - y) / rows} of the mean cross-entropy; {@code biasGrad} gets its column sums.
     *
     * @return the mean cross-entropy of the batch
     */
    static double softmaxCrossEntropy(INDArray z, INDArray bias, INDArray oneHot, INDArray biasGrad) {
        FloatBuffer zf = NativeFloats.of(z);
        FloatBuffer b = NativeFloats.of(bias);
        FloatBuffer y = NativeFloats.of(oneHot);
        FloatBuffer db = NativeFloats.of(biasGrad);
        int rows = (int) z.size(0);
        int cols = (int) z.size(1);
        float batch = rows;
        double lossSum = 0;
        for (int c = 0; c < cols; c++) {
            db.put(c, 0f);
        }
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            softmaxRow(zf, b, row, cols);
            float picked = 0f;
            for (int c = 0; c < cols; c++) {
                float p = zf.get(row + c);
                float t = y.get(row + c);
                picked += p * t;
                float d = (p - t) / batch;
                zf.put(row + c, d);
                db.put(c, db.get(c) + d);
            }
            lossSum -= Math.log(Math.max(picked, CLIP));
        }
        return lossSum / rows;
    }

    /**
     * Back through a ReLU (and a dropout after it): {@code delta = a > 0 ? upstream / keep : 0} in place of
     * upstream, where {@code a} is the layer's output after dropout; {@code biasGrad} gets delta's column sums.
     */
    static void reluBackward(INDArray upstream, INDArray activation, float keep, INDArray biasGrad) {
        FloatLoops.BEST.reluBackward(NativeFloats.bytes(upstream), NativeFloats.bytes(activation), NativeFloats.bytes(biasGrad),
                (int) upstream.size(0), (int) upstream.size(1), keep);
    }

    private static void softmaxRow(FloatBuffer z, FloatBuffer bias, int row, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < cols; c++) {
            float v = z.get(row + c) + bias.get(c);
            z.put(row + c, v);
            max = Math.max(max, v);
        }
        float sum = 0f;
        for (int c = 0; c < cols; c++) {
            float e = (float) Math.exp(z.get(row + c) - max);
            z.put(row + c, e);
            sum += e;
        }
        for (int c = 0; c < cols; c++) {
            z.put(row + c, z.get(row + c) / sum);
        }
    }
}
