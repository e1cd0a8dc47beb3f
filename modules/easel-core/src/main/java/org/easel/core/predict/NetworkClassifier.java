package org.easel.core.predict;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.easel.core.model.ModelInfo;
import org.easel.core.model.ModelStore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** An Easel classifier (model.zip from a run): flattened CHW input, as in training. */
public final class NetworkClassifier implements ImageClassifier {
    private final MultiLayerNetwork net;
    private final ModelInfo info;

    public NetworkClassifier(ModelStore.Loaded model) {
        if (model.info() == null) {
            throw new EaselException("This model has no Easel metadata (class names, input size), so images cannot be prepared for it."
                    + " Use a model.zip written by 'easel run'.");
        }
        this.net = model.network();
        this.info = model.info();
    }

    @Override
    public int channels() {
        return info.channels();
    }

    @Override
    public int height() {
        return info.height();
    }

    @Override
    public int width() {
        return info.width();
    }

    @Override
    public List<String> classes() {
        return info.classes();
    }

    @Override
    public float[][] probabilities(float[] chwPixels, int n) {
        int f = chwPixels.length / n;
        float[] flat = net.output(Nd4j.create(chwPixels, new long[]{n, f}, 'c'), false).castTo(DataType.FLOAT).data().asFloat();
        int k = info.classes().size();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return out;
    }
}
