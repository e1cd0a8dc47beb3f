package org.easel.transfer.featurize;

import java.util.List;
import java.util.function.BiFunction;
import org.easel.transfer.backbone.Stage;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * Builds backbone stages into a SameDiff graph. The frozen featurizer passes constants for the
 * weights, the stage-2 fine-tuner trainable variables; the graph is otherwise the same, which is what
 * keeps a fine-tuned model's prediction path identical to the one it was trained with.
 */
public final class StageOps {
    /**
     * Returns the SameDiff variable holding a layer's kernel or bias; {@code part} is "W" or "b". Kernels
     * are OIHW for {@link #apply} with {@code trainable = false}, HWIO with {@code trainable = true}:
     * libnd4j M2.1's conv2d_bp rejects OIHW kernels, so trainable graphs use its default layout.
     */
    public interface Params extends BiFunction<String, String, SDVariable> {
    }

    private StageOps() {
    }

    /** Applies stages {@code from..to} (inclusive) to NCHW {@code x}. */
    public static SDVariable apply(SameDiff sd, SDVariable x, List<Stage> stages, int from, int to, Params params, boolean trainable) {
        for (int i = from; i <= to; i++) {
            Stage s = stages.get(i);
            if (s instanceof Stage.Conv c) {
                x = convRelu(sd, x, params, c.name(), c.kernel(), c.stride(), c.same(), trainable);
            } else if (s instanceof Stage.Pool p) {
                x = sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(p.kernel()).kW(p.kernel()).sH(p.stride()).sW(p.stride())
                        .paddingMode(PaddingMode.VALID).isNHWC(false).build());
            } else if (s instanceof Stage.Fire f) {
                SDVariable squeezed = convRelu(sd, x, params, f.name() + "/squeeze1x1", 1, 1, false, trainable);
                SDVariable e1 = convRelu(sd, squeezed, params, f.name() + "/expand1x1", 1, 1, false, trainable);
                SDVariable e3 = convRelu(sd, squeezed, params, f.name() + "/expand3x3", 3, 1, true, trainable);
                x = sd.concat(1, e1, e3);
            }
        }
        return x;
    }

    /**
     * Pooling of an NCHW map into one vector per example: avg, max, avgmax (both, concatenated) or
     * map (no pooling: the whole map flattened, {@code mapSize} = channels x height x width).
     */
    public static SDVariable pool(SameDiff sd, SDVariable map, String pooling, long mapSize) {
        return switch (pooling) {
            case "max" -> map.max(2, 3);
            case "avgmax" -> sd.concat(1, map.mean(2, 3), map.max(2, 3)); // both summaries of each channel
            case FrozenBackbone.MAP -> sd.reshape(map, -1, mapSize);
            default -> map.mean(2, 3);
        };
    }

    private static SDVariable convRelu(SameDiff sd, SDVariable x, Params params, String layer, int k, int stride, boolean same,
                                       boolean trainable) {
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(trainable ? WeightsFormat.YXIO : WeightsFormat.OIYX).build();
        return sd.nn().relu(sd.cnn().conv2d(x, params.apply(layer, "W"), params.apply(layer, "b"), cfg), 0);
    }

    /** The SameDiff variable name of a layer's parameter ("fire9/squeeze1x1" + "W" -> "fire9_squeeze1x1_W"). */
    public static String varName(String layer, String part) {
        return layer.replace('/', '_') + "_" + part;
    }
}
