package org.easel.core.train;

import org.easel.core.data.LabeledData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies examples from a {@link LabeledData} into feature and one-hot label arrays. */
final class Batches {
    private Batches() {
    }

    static INDArray features(LabeledData data, int[] order, int from, int to) {
        int f = data.featureSize();
        float[] out = new float[(to - from) * f];
        for (int i = from; i < to; i++) {
            System.arraycopy(data.pixels(), order[i] * f, out, (i - from) * f, f);
        }
        return Nd4j.create(out, new long[]{to - from, f}, 'c');
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    static INDArray castFloat(INDArray a) {
        return a.dataType() == DataType.FLOAT ? a : a.castTo(DataType.FLOAT);
    }
}
