package org.easel.transfer.featurize;

import java.util.Map;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.weights.BackboneWeights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The frozen part of a backbone as a SameDiff graph: stages 0..last with the weights as constants.
 * DL4J's own conv layers never reach oneDNN in M2.1 (about 9 GFLOP/s here); SameDiff's conv2d op
 * does, which makes featurizing several times faster with identical outputs (dl4j-notes.md).
 * Input: NCHW float images, already preprocessed. Outputs: the feature map and its pooled vector.
 */
public final class FrozenBackbone implements FeatureExtractor {
    public static final String INPUT = "input";
    public static final String FEATURE_MAP = "feature_map";
    public static final String FEATURES = "features";
    /** Pooling value meaning "no pooling": the flattened feature map, the input of a stage-2 fine-tune. */
    public static final String MAP = "map";

    private final SameDiff sd;
    private final Architecture arch;
    private final int last;
    private final int[] mapShape;
    private final int featureSize;

    public FrozenBackbone(Architecture arch, int last, BackboneWeights weights, int inputSize, String pooling) {
        this(arch, 0, last, weights, inputSize, pooling);
    }

    /**
     * Stages {@code first..last} only. With {@code first > 0} the input is the (flattened) map of stage
     * {@code first - 1}, as cached for stage 2, which turns cached maps into the stage-1 features
     * without running the lower layers again.
     */
    public FrozenBackbone(Architecture arch, int first, int last, BackboneWeights weights, int inputSize, String pooling) {
        this.arch = arch;
        this.last = last;
        this.mapShape = arch.outputShape(inputSize, last);
        this.sd = SameDiff.create();
        int[] in = first == 0 ? new int[]{3, inputSize, inputSize} : arch.outputShape(inputSize, first - 1);
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, in[0] * in[1] * in[2]);
        x = sd.reshape(x, -1, in[0], in[1], in[2]);
        StageOps.Params constants = (layer, part) -> sd.constant(StageOps.varName(layer, part),
                "W".equals(part) ? weights.kernel(layer) : weights.bias(layer));
        SDVariable map = sd.identity(FEATURE_MAP, StageOps.apply(sd, x, arch.stages(), first, last, constants, false));
        long mapSize = (long) mapShape[0] * mapShape[1] * mapShape[2];
        sd.identity(FEATURES, StageOps.pool(sd, map, pooling, mapSize));
        this.featureSize = switch (pooling) {
            case "avgmax" -> 2 * mapShape[0];
            case MAP -> Math.toIntExact(mapSize);
            default -> mapShape[0];
        };
    }

    /** Features of every row of {@code input} (flattened images or maps, as this backbone's input), in batches. */
    public float[] features(float[] input, int n, int batch) {
        int per = input.length / Math.max(1, n);
        float[] out = new float[n * featureSize];
        for (int from = 0; from < n; from += batch) {
            int m = Math.min(batch, n - from);
            // closed at once: off-heap buffers left to the GC pile up to the JavaCPP limit over thousands of batches
            try (INDArray x = Nd4j.create(java.util.Arrays.copyOfRange(input, from * per, (from + m) * per), new long[]{m, per}, 'c');
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
        return arch.stages().get(last).name();
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

    public static INDArray batch(float[] chw, int n, int size) {
        return Nd4j.create(chw, new long[]{n, 3, size, size}, 'c');
    }
}
