package org.easel.style.loss;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.style.image.Caffe;
import org.easel.style.image.RgbImage;
import org.easel.style.model.StyleBackbone;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the generated image must match: the content image's activations at the content layer, and
 * the style images' Gram matrices at each style layer. Several style images are blended by
 * averaging their Grams with the style weights; for a squared-error loss this has the same
 * gradient as the weighted sum of one loss per style image, at the cost of one.
 * Style images may have any size: a Gram is C x C whatever the image's height and width.
 */
public record Targets(INDArray content, Map<String, INDArray> grams, Map<String, long[]> shapes, double contentTv) {

    public static Targets compute(StyleBackbone net, LossSpec spec, RgbImage content, List<RgbImage> styles,
                                  double[] styleWeights, DataType type) {
        Map<String, INDArray> cf = net.features(Caffe.tensor(Caffe.toInput(content), content.width(), content.height(), type),
                spec.allLayers());
        Map<String, long[]> shapes = new LinkedHashMap<>();
        cf.forEach((k, v) -> shapes.put(k, v.shape()));
        double total = 0;
        for (double w : styleWeights) {
            total += w;
        }
        Map<String, INDArray> grams = new LinkedHashMap<>();
        for (int s = 0; s < styles.size(); s++) {
            RgbImage st = styles.get(s);
            Map<String, INDArray> sf = net.features(Caffe.tensor(Caffe.toInput(st), st.width(), st.height(), type), spec.styleLayers());
            for (String layer : spec.styleLayers()) {
                INDArray g = gram(sf.get(layer)).muli(styleWeights[s] / total);
                grams.merge(layer, g, INDArray::addi);
            }
        }
        return new Targets(cf.get(spec.contentLayer()), grams, shapes, rawTv(Caffe.toInput(content), content.width(), content.height()));
    }

    /** G = F F^T / (C H W) for activations [1, C, H, W]. */
    public static INDArray gram(INDArray f) {
        long c = f.size(1);
        long hw = f.size(2) * f.size(3);
        INDArray m = f.dup('c').reshape(c, hw);
        return m.mmul(m.transpose()).divi((double) c * hw);
    }

    /** Sum of squared differences between horizontal and vertical neighbours. */
    public static double rawTv(double[] x, int w, int h) {
        double s = 0;
        int plane = w * h;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < h; y++) {
                for (int i = 0; i < w; i++) {
                    int k = c * plane + y * w + i;
                    if (i + 1 < w) {
                        double d = x[k + 1] - x[k];
                        s += d * d;
                    }
                    if (y + 1 < h) {
                        double d = x[k + w] - x[k];
                        s += d * d;
                    }
                }
            }
        }
        return s;
    }
}
