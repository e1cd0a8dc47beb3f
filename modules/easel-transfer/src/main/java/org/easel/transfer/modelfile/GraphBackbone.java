package org.easel.transfer.modelfile;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.easel.core.error.EaselException;
import org.easel.transfer.featurize.FeatureExtractor;
import org.easel.transfer.featurize.FrozenBackbone;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen part of a model-file backbone: a DL4J graph cut at the freeze layer ({@link GraphCut#cut}),
 * run in inference mode. Images arrive NCHW like for the built-in backbones and are permuted when the
 * model expects NHWC (Keras files); the feature map is returned NCHW and pooled like the built-ins'.
 * DL4J's conv layers are slower than the SameDiff path of the built-in backbones, which is acceptable
 * for a featurize-once cache.
 */
public final class GraphBackbone implements FeatureExtractor {
    private final ComputationGraph graph;
    private final String layer;
    private final CNN2DFormat inputFormat;
    private final CNN2DFormat mapFormat;
    private final int[] mapShape;
    private final String pooling;

    /** {@code graph} must have been cut at {@code layer} (its only output). */
    public GraphBackbone(ComputationGraph graph, String layer, CNN2DFormat inputFormat, int channels, int inputSize, String pooling) {
        if (FrozenBackbone.MAP.equals(pooling)) {
            throw new IllegalArgumentException("model-file backbones pool their feature map");
        }
        this.graph = graph;
        this.layer = layer;
        this.inputFormat = inputFormat;
        this.pooling = pooling;
        InputType t = new GraphCut(graph, InputType.convolutional(inputSize, inputSize, channels, inputFormat), "the backbone graph").typeOf(layer);
        if (!(t instanceof InputType.InputTypeConvolutional c)) {
            throw new EaselException("transfer.freeze_up_to: layer '" + layer + "' does not output a feature map (" + GraphCut.describe(t) + ").");
        }
        this.mapFormat = c.getFormat();
        this.mapShape = new int[]{(int) c.getChannels(), (int) c.getHeight(), (int) c.getWidth()};
    }

    public ComputationGraph graph() {
        return graph;
    }

    public CNN2DFormat inputFormat() {
        return inputFormat;
    }

    @Override
    public INDArray featureMaps(INDArray images) {
        INDArray in = inputFormat == CNN2DFormat.NHWC ? images.permute(0, 2, 3, 1).dup('c') : images;
        INDArray out = graph.output(false, in)[0].castTo(DataType.FLOAT);
        return mapFormat == CNN2DFormat.NHWC ? out.permute(0, 3, 1, 2).dup('c') : out;
    }

    @Override
    public INDArray features(INDArray images) {
        INDArray maps = featureMaps(images);
        return switch (pooling) {
            case "max" -> maps.max(2, 3);
            case "avgmax" -> Nd4j.concat(1, maps.mean(2, 3), maps.max(2, 3)); // same order as the built-ins: all means, then all maxima
            default -> maps.mean(2, 3);
        };
    }

    @Override
    public int[] featureMapShape() {
        return mapShape.clone();
    }

    @Override
    public int featureSize() {
        return "avgmax".equals(pooling) ? 2 * mapShape[0] : mapShape[0];
    }

    @Override
    public String lastLayer() {
        return layer;
    }
}
