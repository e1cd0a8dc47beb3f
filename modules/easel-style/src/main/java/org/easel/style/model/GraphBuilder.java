package org.easel.style.model;

import java.util.Map;
import org.easel.core.error.EaselException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * Builds conv/pool ops in SameDiff (NCHW input, YXIO = Keras HWIO weights as constants) and tracks the spatial size
 * alongside, so an image too small for a layer fails with a clear message instead of a native error.
 */
public final class GraphBuilder {
    private final SameDiff sd;
    private final Map<String, INDArray[]> params;
    private final String network;

    GraphBuilder(SameDiff sd, Map<String, INDArray[]> params, String network) {
        this.sd = sd;
        this.params = params;
        this.network = network;
    }

    public SameDiff sd() {
        return sd;
    }

    /** A tensor with its spatial size. */
    public record T(SDVariable v, long h, long w) {
    }

    /** Conv + ReLU. */
    public T conv(T x, String layer, int k, int stride, boolean same) {
        INDArray[] p = params.get(layer);
        long h = same ? (x.h + stride - 1) / stride : (x.h - k) / stride + 1;
        long w = same ? (x.w + stride - 1) / stride : (x.w - k) / stride + 1;
        check(layer, h, w);
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID)
                .dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
        SDVariable out = sd.cnn().conv2d(x.v, sd.constant(p[0]), sd.constant(p[1]), cfg);
        return new T(sd.nn().relu(out, 0), h, w);
    }

    public T maxPool(T x, String layer, int k, int stride) {
        long h = (x.h - k) / stride + 1;
        long w = (x.w - k) / stride + 1;
        check(layer, h, w);
        Pooling2DConfig cfg = Pooling2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(PaddingMode.VALID).isNHWC(false).build();
        return new T(sd.cnn().maxPooling2d(x.v, cfg), h, w);
    }

    public T concatChannels(T a, T b) {
        return new T(sd.concat(1, a.v, b.v), a.h, a.w);
    }

    private void check(String layer, long h, long w) {
        if (h < 1 || w < 1) {
            throw new EaselException("The image is too small for " + network + " layer '" + layer + "' (its output would be "
                    + h + "x" + w + "). Use a larger style.size, fewer style.scales, or earlier layers.");
        }
    }
}
