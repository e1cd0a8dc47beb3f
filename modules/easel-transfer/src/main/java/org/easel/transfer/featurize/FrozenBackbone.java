package org.easel.transfer.featurize;

import java.util.Arrays;
import java.util.Map;
import org.easel.nets.BackboneWeights;
import org.easel.nets.NetGraph;
import org.easel.nets.Network;
import org.easel.transfer.backbone.BuiltInBackbone;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen part of a built-in backbone as a SameDiff graph: layers 0..last of an easel-nets network with
 * the weights as constants ({@link NetGraph.Mode#INFERENCE}), which reaches oneDNN and makes featurizing
 * several times faster than DL4J's conv layers with identical outputs (dl4j-notes.md).
 * Input: NCHW float images, already preprocessed. Outputs: the feature map and its pooled vector.
 */
public final class FrozenBackbone implements FeatureExtractor {
    public static final String INPUT = "input";
    public static final String FEATURE_MAP = "feature_map";
    public static final String FEATURES = "features";
    /** Pooling value meaning "no pooling": the flattened feature map, the input of a stage-2 fine-tune. */
    public static final String MAP = Pooling.MAP;

    private final SameDiff sd;
    private final Network net;
    private final int last;
    private final int[] mapShape;
    private final int featureSize;

    public FrozenBackbone(Network net, int last, BackboneWeights weights, int inputSize, String pooling) {
        this(net, 0, last, weights, inputSize, pooling);
    }

    /**
     * Layers {@code first..last} only. With {@code first > 0} the input is the (flattened) map of layer
     * {@code first - 1}, as cached for stage 2, which turns cached maps into the stage-1 features
     * without running the lower layers again.
     */
    public FrozenBackbone(Network net, int first, int last, BackboneWeights weights, int inputSize, String pooling) {
        this.net = net;
        this.last = last;
        this.mapShape = net.outputShape(inputSize, inputSize, last, BuiltInBackbone.TOO_SMALL_HINT);
        this.sd = SameDiff.create();
        int[] in = first == 0 ? new int[]{3, inputSize, inputSize} : net.outputShape(inputSize, inputSize, first - 1, BuiltInBackbone.TOO_SMALL_HINT);
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, in[0] * in[1] * in[2]);
        x = sd.reshape(x, -1, in[0], in[1], in[2]);
        SDVariable map = sd.identity(FEATURE_MAP, NetGraph.build(sd, x, net, weights, NetGraph.Mode.INFERENCE, first, last));
        long mapSize = (long) mapShape[0] * mapShape[1] * mapShape[2];
        sd.identity(FEATURES, Pooling.apply(sd, map, pooling, mapSize));
        this.featureSize = Pooling.size(pooling, mapShape);
    }

    /** Features of every row of {@code input} (flattened images or maps, as this backbone's input), in batches. */
    public float[] features(float[] input, int n, int batch) {
        int per = input.length / Math.max(1, n);
        float[] out = new float[n * featureSize];
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            // closed at once: off-heap buffers left to the GC pile up to the JavaCPP limit over thousands of batches
            try (INDArray x = Nd4j.create(Arrays.copyOfRange(input, from * per, (from + m) * per), new long[]{m, per}, 'c');
                 INDArray y = sd.outputSingle(Map.of(INPUT, x), FEATURES)) {
                float[] f = y.castTo(DataType.FLOAT).data().asFloat();
                System.arraycopy(f, 0, out, from * featureSize, f.length);
            }
        }
        return out;
    }

    /** [channels, height, width] of the feature map. */
    @Override
    public int[] featureMapShape() {
        return mapShape;
    }

    /** Length of the pooled feature vector: channels, or twice that for avgmax. */
    @Override
    public int featureSize() {
        return featureSize;
    }

    @Override
    public String lastLayer() {
        return net.layers().get(last).name();
    }

    /** Pooled features [n, channels] for a batch of preprocessed NCHW images. */
    @Override
    public INDArray features(INDArray images) {
        return sd.outputSingle(Map.of(INPUT, flat(images)), FEATURES);
    }

    /** Feature maps [n, channels, h, w], for Grad-CAM. */
    @Override
    public INDArray featureMaps(INDArray images) {
        return sd.outputSingle(Map.of(INPUT, flat(images)), FEATURE_MAP);
    }

    private static INDArray flat(INDArray x) {
        return x.rank() == 2 ? x : x.reshape('c', x.size(0), x.length() / x.size(0));
    }
}
