package org.easel.vae.train;

import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.easel.core.data.LabeledData;
import org.easel.vae.model.VaeModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One epoch of VAE batches: images in the given order, fresh reparameterisation noise from a
 * seeded Java RNG, and the KL weight of each step (warm-up), as the three graph placeholders.
 */
final class VaeBatches implements MultiDataSetIterator {
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
    public boolean hasNext() {
        return next < batches;
    }

    /** The batch handed out last; SameDiff is done with it when it asks for the next one. */
    private MultiDataSet previous;

    @Override
    public MultiDataSet next() {
        if (previous != null) {
            // free its off-heap buffers now: left to the GC they pile up to the JavaCPP limit, and then every
            // allocation waits for System.gc (epochs went from 80 s to over 200 s in a 30-epoch run)
            for (INDArray a : previous.getFeatures()) {
                a.close();
            }
        }
        int from = next * batchSize;
        int to = Math.min(data.size(), from + batchSize);
        int[] idx = java.util.Arrays.copyOfRange(order, from, to);
        INDArray x = VaeModel.images(data, idx);
        INDArray eps = VaeModel.gaussian(noise, idx.length, latentDim, 1.0);
        INDArray beta = Nd4j.scalar((float) klWeight.applyAsDouble(next));
        next++;
        previous = new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[]{x, eps, beta}, new INDArray[0]);
        return previous;
    }

    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("fixed batch size");
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("no preprocessing: pixels are already in [0, 1]");
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        // the noise must be drawn in order on one thread to stay reproducible
        return false;
    }

    @Override
    public void reset() {
        next = 0;
        previous = null;
        noise = new Random(noiseSeed);
    }
}
