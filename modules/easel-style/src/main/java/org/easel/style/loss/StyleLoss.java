package org.easel.style.loss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.easel.core.io.QuietSameDiff;
import org.easel.style.model.StyleBackbone;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Gatys et al. loss as one SameDiff graph whose only variable is the image ([1,3,H,W], caffe
 * space); the network weights and the targets are constants, so {@code calculateGradients} gives
 * the input gradient directly (the fast path measured in dl4j-notes).
 *
 * <p>Each term is normalised by its target's own size, so the weights mean the same thing for
 * VGG16 and SqueezeNet and for any image size:
 * content = ||F - P||^2 / ||P||^2 at the content layer;
 * style = sum_l w_l ||G_l - A_l||^2 / ||A_l||^2 with Grams G = F F^T / (C H W);
 * tv = TV(x) / TV(content image), TV = sum of squared neighbour differences.
 */
public final class StyleLoss {
    public static final String IMAGE = "img";

    /** The weighted terms (total = content + style + tv). */
    public record Parts(double total, double content, double style, double tv) {
    }

    private final SameDiff sd;
    private final INDArray image;
    private final int width;
    private final int height;
    private final DataType type;

    public StyleLoss(StyleBackbone net, LossSpec spec, Targets targets, int width, int height, DataType type) {
        QuietSameDiff.install();   // SameDiff prints a line per differentiated op otherwise
        this.width = width;
        this.height = height;
        this.type = type;
        sd = SameDiff.create();
        SDVariable img = sd.var(IMAGE, Nd4j.zeros(type, 1, 3, height, width));
        Map<String, SDVariable> f = net.build(sd, img, height, width, spec.allLayers());

        INDArray p = targets.content();
        SDVariable cDiff = f.get(spec.contentLayer()).sub(sd.constant(p));
        SDVariable content = sd.math().square(cDiff).sum().mul("content", spec.contentWeight() / Math.max(1e-30, sumSq(p)));

        List<SDVariable> styleTerms = new ArrayList<>();
        for (int i = 0; i < spec.styleLayers().size(); i++) {
            String layer = spec.styleLayers().get(i);
            double w = spec.styleLayerWeights()[i];
            if (w == 0) {
                continue;
            }
            long[] s = targets.shapes().get(layer);
            long c = s[1];
            long hw = s[2] * s[3];
            SDVariable fm = sd.reshape(f.get(layer), c, hw);
            SDVariable g = sd.mmul(fm, fm, false, true, false).div((double) c * hw);
            INDArray a = targets.grams().get(layer).castTo(type);
            styleTerms.add(sd.math().square(g.sub(sd.constant(a))).sum().mul(w / Math.max(1e-30, sumSq(a))));
        }
        SDVariable style = styleTerms.isEmpty() ? sd.constant(Nd4j.scalar(type, 0)) : styleTerms.get(0);
        for (int i = 1; i < styleTerms.size(); i++) {
            style = style.add(styleTerms.get(i));
        }
        style = style.mul("style", spec.styleWeight());

        SDVariable tv;
        if (width > 1 && height > 1) {
            SDVariable dx = sd.slice(img, new int[] {0, 0, 0, 1}, 1, 3, height, width - 1)
                    .sub(sd.slice(img, new int[] {0, 0, 0, 0}, 1, 3, height, width - 1));
            SDVariable dy = sd.slice(img, new int[] {0, 0, 1, 0}, 1, 3, height - 1, width)
                    .sub(sd.slice(img, new int[] {0, 0, 0, 0}, 1, 3, height - 1, width));
            tv = sd.math().square(dx).sum().add(sd.math().square(dy).sum())
                    .mul("tv", spec.tvWeight() / Math.max(1e-30, targets.contentTv()));
        } else {
            tv = sd.constant(Nd4j.scalar(type, 0)).mul("tv", 0.0);
        }
        SDVariable total = content.add(style).add("total", tv);
        sd.setLossVariables(total);
        image = sd.getVariable(IMAGE).getArr();
    }

    private static double sumSq(INDArray a) {
        return a.castTo(DataType.DOUBLE).norm2Number().doubleValue() * a.castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The total loss at {@code x} without the gradient (a forward pass only). */
    public double value(double[] x) {
        image.assign(Nd4j.create(x, new long[] {1, 3, height, width}, DataType.DOUBLE).castTo(type));
        return sd.output(Map.of(), "total").get("total").getDouble(0);
    }

    /** Loss terms at {@code x} (caffe CHW), with d(total)/dx written into {@code grad}. */
    public Parts evaluate(double[] x, double[] grad) {
        image.assign(Nd4j.create(x, new long[] {1, 3, height, width}, DataType.DOUBLE).castTo(type));
        OutAndGrad r = sd.calculateGradientsAndOutputs(Map.of(), List.of("total", "content", "style", "tv"), List.of(IMAGE));
        INDArray g = r.getGradients().get(IMAGE).castTo(DataType.DOUBLE).dup('c');
        System.arraycopy(g.data().asDouble(), 0, grad, 0, grad.length);
        Map<String, INDArray> o = r.getOutputs();
        return new Parts(o.get("total").getDouble(0), o.get("content").getDouble(0), o.get("style").getDouble(0), o.get("tv").getDouble(0));
    }
}
