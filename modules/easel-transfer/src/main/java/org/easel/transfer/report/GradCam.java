package org.easel.transfer.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.data.ImageLoader;
import org.easel.core.train.Evaluator;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.model.TransferModel;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grad-CAM (Selvaraju et al. 2017) at the last frozen layer: channel weights are the spatial mean of
 * d log p(class) / d feature map, the map is ReLU(sum_c weight_c * A_c), upsampled over the image.
 * Because the head sees the globally pooled (then standardised) map, that spatial mean follows from
 * the gradient with respect to the pooled vector (divided by the feature std): we get it from the
 * head alone, no backprop through the backbone is needed.
 */
public final class GradCam {
    private final TransferModel model;
    private final MultiLayerNetwork head;

    /** {@code inferenceHead}: the head's weights in a copy without dropout (gradients must be deterministic). */
    public GradCam(TransferModel model, MultiLayerNetwork inferenceHead) {
        this.model = model;
        this.head = inferenceHead;
    }

    /** The result for one image: heatmap in [0, 1] at feature-map resolution, predicted class and its probability. */
    public record Result(float[][] heat, int predicted, float probability) {
    }

    public Result explain(BufferedImage image) {
        ImageReader reader = model.reader();
        float[] pixels = new float[reader.pixelsPerImage()];
        reader.readImage(image, pixels, 0);
        INDArray maps = model.backbone().featureMaps(reader.batch(pixels, 1)).castTo(DataType.FLOAT);
        int c = (int) maps.size(1);
        int h = (int) maps.size(2);
        int w = (int) maps.size(3);
        float[] raw = model.backbone().features(reader.batch(pixels, 1)).castTo(DataType.FLOAT).data().asFloat();
        float[] probs = model.probabilities(raw, 1)[0];
        int cls = Evaluator.argmax(probs);
        float[] mean = model.info().featureMean();
        float[] std = model.info().featureStd();
        int dim = raw.length;
        float[] z = new float[dim];
        for (int j = 0; j < dim; j++) {
            z[j] = (raw[j] - mean[j]) / std[j];
        }
        INDArray labels = Nd4j.zeros(DataType.FLOAT, 1, probs.length);
        labels.putScalar(0, cls, 1f);
        // calculateGradients returns dLoss/dInput; the loss is -w_cls * log p(cls), so the negated gradient points to the class.
        Pair<Gradient, INDArray> g = head.calculateGradients(Nd4j.create(z, new long[]{1, dim}), labels, null, null);
        float[] dz = g.getSecond().castTo(DataType.FLOAT).data().asFloat();
        // Grad-CAM's channel weight is the spatial mean of d score / d map. Average pooling spreads g/(hw)
        // over every position, max pooling puts g on one position: both average to g/(hw), so the weight
        // is the pooled-feature gradient (summed over the avg and max halves for avgmax); hw is a constant.
        float[] alpha = new float[c];
        for (int j = 0; j < dim; j++) {
            alpha[j % c] += -dz[j] / std[j];
        }
        float[] a = maps.dup('c').data().asFloat();
        float[][] heat = new float[h][w];
        float top = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int j = 0; j < c; j++) {
                    s += alpha[j] * a[(j * h + y) * w + x];
                }
                heat[y][x] = (float) Math.max(0, s);
                top = Math.max(top, heat[y][x]);
            }
        }
        if (top > 0) {
            for (float[] row : heat) {
                for (int x = 0; x < w; x++) {
                    row[x] /= top;
                }
            }
        }
        return new Result(heat, cls, probs[cls]);
    }

    /** The image (resized to {@code size}) with the heatmap blended over it in a blue-to-red scale. */
    public static BufferedImage overlay(BufferedImage image, float[][] heat, int size) {
        BufferedImage base = ImageLoader.resize(image, size, size);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int h = heat.length;
        int w = heat[0].length;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = bilinear(heat, (y + 0.5f) * h / size - 0.5f, (x + 0.5f) * w / size - 0.5f);
                Color c = jet(v);
                int rgb = base.getRGB(x, y);
                int r = (int) (0.55 * ((rgb >> 16) & 0xff) + 0.45 * c.getRed());
                int gg = (int) (0.55 * ((rgb >> 8) & 0xff) + 0.45 * c.getGreen());
                int b = (int) (0.55 * (rgb & 0xff) + 0.45 * c.getBlue());
                out.setRGB(x, y, (r << 16) | (gg << 8) | b);
            }
        }
        return out;
    }

    private static float bilinear(float[][] m, float y, float x) {
        int h = m.length;
        int w = m[0].length;
        y = Math.max(0, Math.min(h - 1, y));
        x = Math.max(0, Math.min(w - 1, x));
        int y0 = (int) Math.floor(y);
        int x0 = (int) Math.floor(x);
        int y1 = Math.min(h - 1, y0 + 1);
        int x1 = Math.min(w - 1, x0 + 1);
        float fy = y - y0;
        float fx = x - x0;
        return (1 - fy) * ((1 - fx) * m[y0][x0] + fx * m[y0][x1]) + fy * ((1 - fx) * m[y1][x0] + fx * m[y1][x1]);
    }

    private static Color jet(float v) {
        float r = clamp(1.5f - Math.abs(4 * v - 3));
        float g = clamp(1.5f - Math.abs(4 * v - 2));
        float b = clamp(1.5f - Math.abs(4 * v - 1));
        return new Color(r, g, b);
    }

    private static float clamp(float v) {
        return Math.max(0, Math.min(1, v));
    }
}
