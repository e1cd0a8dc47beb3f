package org.easel.transfer.featurize;

import java.util.List;
import java.util.Map;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.backbone.Stage;
import org.easel.transfer.weights.BackboneWeights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen part of a backbone as a SameDiff graph: stages 0..last with the weights as constants.
 * DL4J's own conv layers never reach oneDNN in M2.1 (about 9 GFLOP/s here); SameDiff's conv2d op
 * does, which makes featurizing several times faster with identical outputs (dl4j-notes.md).
 * Input: NCHW float images, already preprocessed. Outputs: the feature map and its pooled vector.
 */
public final class FrozenBackbone {
    public static final String INPUT = "input";
    public static final String FEATURE_MAP = "feature_map";
    public static final String FEATURES = "features";

    private final SameDiff sd;
    private final Architecture arch;
    private final int last;
    private final int[] mapShape;
    private final int featureSize;

    public FrozenBackbone(Architecture arch, int last, BackboneWeights weights, int inputSize, String pooling) {
        this.arch = arch;
        this.last = last;
        this.mapShape = arch.outputShape(inputSize, last);
        this.sd = SameDiff.create();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, 3, inputSize, inputSize);
        List<Stage> stages = arch.stages();
        for (int i = 0; i <= last; i++) {
            Stage s = stages.get(i);
            if (s instanceof Stage.Conv c) {
                x = convRelu(x, weights, c.name(), c.kernel(), c.stride(), c.same());
            } else if (s instanceof Stage.Pool p) {
                x = sd.cnn().maxPooling2d(x, Pooling2DConfig.builder().kH(p.kernel()).kW(p.kernel()).sH(p.stride()).sW(p.stride())
                        .paddingMode(PaddingMode.VALID).isNHWC(false).build());
            } else if (s instanceof Stage.Fire f) {
                SDVariable squeezed = convRelu(x, weights, f.name() + "/squeeze1x1", 1, 1, false);
                SDVariable e1 = convRelu(squeezed, weights, f.name() + "/expand1x1", 1, 1, false);
                SDVariable e3 = convRelu(squeezed, weights, f.name() + "/expand3x3", 3, 1, true);
                x = sd.concat(1, e1, e3);
            }
        }
        SDVariable map = sd.identity(FEATURE_MAP, x);
        SDVariable pooled = switch (pooling) {
            case "max" -> map.max(2, 3);
            case "avgmax" -> sd.concat(1, map.mean(2, 3), map.max(2, 3)); // both summaries of each channel
            default -> map.mean(2, 3);
        };
        sd.identity(FEATURES, pooled);
        this.featureSize = "avgmax".equals(pooling) ? 2 * mapShape[0] : mapShape[0];
    }

    private SDVariable convRelu(SDVariable x, BackboneWeights w, String layer, int k, int stride, boolean same) {
        String id = layer.replace('/', '_');
        SDVariable kernel = sd.constant(id + "_W", w.kernel(layer));
        SDVariable bias = sd.constant(id + "_b", w.bias(layer));
        Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(stride).sW(stride)
                .paddingMode(same ? PaddingMode.SAME : PaddingMode.VALID).dataFormat(Conv2DConfig.NCHW)
                .weightsFormat(WeightsFormat.OIYX).build();
        return sd.nn().relu(sd.cnn().conv2d(x, kernel, bias, cfg), 0);
    }

    /** [channels, height, width] of the feature map. */
    public int[] featureMapShape() {
        return mapShape;
    }

    /** Length of the pooled feature vector: channels, or twice that for avgmax. */
    public int featureSize() {
        return featureSize;
    }

    public String lastLayer() {
        return arch.stages().get(last).name();
    }

    /** Pooled features [n, channels] for a batch of preprocessed NCHW images. */
    public INDArray features(INDArray images) {
        return sd.outputSingle(Map.of(INPUT, images), FEATURES);
    }

    /** Feature maps [n, channels, h, w], for Grad-CAM. */
    public INDArray featureMaps(INDArray images) {
        return sd.outputSingle(Map.of(INPUT, images), FEATURE_MAP);
    }

    public static INDArray batch(float[] chw, int n, int size) {
        return Nd4j.create(chw, new long[]{n, 3, size, size}, 'c');
    }
}
