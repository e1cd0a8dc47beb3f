package org.easel.vae.train;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.easel.core.data.LabeledData;
import org.easel.core.train.ClosingBatches;
import org.easel.vae.model.VaeModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch of VAE batches: images in the given order, fresh reparameterisation noise from a
 * seeded Java RNG, and the KL weight of each step (warm-up), as the three graph placeholders. The noise is
 * drawn in order on one thread, which keeps runs reproducible.
 */
final class VaeBatches extends ClosingBatches {
    private final LabeledData data;
    private final int[] order;
    private final int batchSize;
    private final int batches;
    private final int latentDim;
    private final long noiseSeed;
    private final IntToDoubleFunction klWeight;
    private Random noise;
    private int next;

    VaeBatches(LabeledData data, int[] order, int batchSize, int batches, int latentDim, long noiseSeed, IntToDoubleFunction klWeight) {
        this.data = data;
        this.order = order;
        this.batchSize = batchSize;
        this.batches = batches;
        this.latentDim = latentDim;
        this.noiseSeed = noiseSeed;
        this.klWeight = klWeight;
        reset();
    }

    @Override
    protected boolean more() {
        return next < batches;
    }

    @Override
    protected MultiDataSet build() {
        int from = next * batchSize;
        int to = Math.min(data.size(), from + batchSize);
        int[] idx = Arrays.copyOfRange(order, from, to);
        INDArray x = VaeModel.images(data, idx);
        INDArray eps = VaeModel.gaussian(noise, idx.length, latentDim, 1.0);
        INDArray beta = Nd4j.scalar((float) klWeight.applyAsDouble(next));
        next++;
        return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[]{x, eps, beta}, new INDArray[0]);
    }

    @Override
    protected void restart() {
        next = 0;
        noise = new Random(noiseSeed);
    }
}
