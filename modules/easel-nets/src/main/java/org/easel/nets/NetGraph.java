package org.easel.nets;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Builds a {@link Network} into a SameDiff graph and returns the outputs of any set of its layers
 * ("up to layers X, Y and Z, give me those"): style transfer asks for several feature layers, transfer
 * learning for one cut point, stage 2 for the layers above a cached map. DL4J's own conv layers never
 * reach oneDNN in M2.1 (about 9 GFLOP/s here); SameDiff's conv2d does (dl4j-notes.md).
 */
public final class NetGraph {
    /** How the weights enter the graph. */
    public enum Mode {
        /** Constants in OIYX order: the fastest forward pass (featurizing, prediction, Grad-CAM). */
        INFERENCE,
        /**
         * Constants in YXIO (Keras HWIO) order, for gradients with respect to the input (style transfer): M2.1's
         * conv2d_bp mis-reads OIYX 1x1 kernels (SqueezeNet's squeeze/expand layers) and fails with a wrong shape.
         */
        INPUT_GRADIENT,
        /** Trainable variables in YXIO order, named {@link #varName}: stage-2 fine-tuning. */
        TRAINING
    }

    private NetGraph() {
    }

    /**
     * Applies layers {@code from..} of {@code net} to the NCHW {@code input} (the RGB image when {@code from} is 0, else
     * the output map of layer {@code from - 1}) up to the deepest of {@code outputs}; returns those outputs by layer name,
     * in the order asked.
     */
    public static Map<String, SDVariable> build(SameDiff sd, SDVariable input, Network net, BackboneWeights weights, Mode mode, int from,
                                                Collection<String> outputs) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("no outputs asked of " + net.name());
        }
        int deepest = -1;
        for (String o : outputs) {
            int i = net.indexOf(o, "layer");
            if (i < from) {
                throw new EaselException("Layer '" + o + "' of " + net.name() + " comes before the graph's first layer "
                        + net.layers().get(from).name());
            }
            deepest = Math.max(deepest, i);
        }
        Map<String, SDVariable> built = new LinkedHashMap<>();
        SDVariable x = input;
        for (int i = from; i <= deepest; i++) {
            Layer layer = net.layers().get(i);
            x = apply(sd, x, layer, weights, mode);
            built.put(layer.name(), x);
        }
        Map<String, SDVariable> out = new LinkedHashMap<>();
        for (String o : outputs) {
            out.put(o, built.get(o));
        }
        return out;
    }

    /** The output of layer {@code last} alone, for layers {@code from..last}. */
    public static SDVariable build(SameDiff sd, SDVariable input, Network net, BackboneWeights weights, Mode mode, int from, int last) {
        String name = net.layers().get(last).name();
        return build(sd, input, net, weights, mode, from, List.of(name)).get(name);
    }

    private static SDVariable apply(SameDiff sd, SDVariable x, Layer layer, BackboneWeights w, Mode mode) {
        if (layer instanceof Layer.Conv c) {
            return convRelu(sd, x, w, c.name(), c.kernel(), c.stride(), c.same(), mode);
        }
        if (layer instanceof Layer.Pool p) {
            return sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(p.kernel()).kW(p.kernel()).sH(p.stride()).sW(p.stride())
                    .paddingMode(PaddingMode.VALID).isNHWC(false).build());
        }
        Layer.Fire f = (Layer.Fire) layer;
        SDVariable squeezed = convRelu(sd, x, w, f.name() + "/squeeze1x1", 1, 1, false, mode);
        SDVariable e1 = convRelu(sd, squeezed, w, f.name() + "/expand1x1", 1, 1, false, mode);
        SDVariable e3 = convRelu(sd, squeezed, w, f.name() + "/expand3x3", 3, 1, true, mode);
        return sd.concat(1, e1, e3);
    }

    private static SDVariable convRelu(SameDiff sd, SDVariable x, BackboneWeights w, String conv, int k, int stride, boolean same,
                                       Mode mode) {
        INDArray kernel = w.kernel(conv);
        INDArray bias = w.bias(conv);
        SDVariable kv;
        SDVariable bv;
        if (mode == Mode.TRAINING) {
            kv = sd.var(varName(conv, "W"), kernel.dup('c'));
            bv = sd.var(varName(conv, "b"), bias.dup());
        } else {
            kv = sd.constant(varName(conv, "W"), mode == Mode.INFERENCE ? kernel.permute(3, 2, 0, 1).dup('c') : kernel);
            bv = sd.constant(varName(conv, "b"), bias);
        }
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(mode == Mode.INFERENCE ? WeightsFormat.OIYX : WeightsFormat.YXIO).build();
        return sd.nn().relu(sd.cnn().conv2d(x, kv, bv, cfg), 0);
    }

    /** The SameDiff name of a convolution's parameter ("fire9/squeeze1x1" + "W" -> "fire9_squeeze1x1_W"). */
    public static String varName(String conv, String part) {
        return conv.replace('/', '_') + "_" + part;
    }
}
