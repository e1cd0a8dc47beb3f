package org.easel.core.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * One epoch of SameDiff training batches, built on demand, whose arrays are freed as soon as the next
 * batch is drawn. Why: left to the garbage collector, per-batch off-heap buffers pile up to the JavaCPP
 * limit, after which every allocation waits for {@code System.gc} (VAE epochs grew from 80 s to over
 * 200 s; a stage-2 fine-tune reached 15 GB RSS). SameDiff has finished with a batch when it asks for
 * the next one, which is also why prefetching ({@link #asyncSupported}) is off.
 */
public abstract class ClosingBatches implements MultiDataSetIterator {
    private MultiDataSet previous;

    /** True while the epoch has batches left. */
    protected abstract boolean more();

    /** Builds the next batch. */
    protected abstract MultiDataSet build();

    /** Rewinds to the first batch. */
    protected abstract void restart();

    @Override
    public final boolean hasNext() {
        return more();
    }

    @Override
    public final MultiDataSet next() {
        if (previous != null) {
            for (INDArray a : previous.getFeatures()) {
                a.close();
            }
            for (INDArray a : previous.getLabels()) {
                a.close();
            }
        }
        previous = build();
        return previous;
    }

    @Override
    public final MultiDataSet next(int num) {
        throw new UnsupportedOperationException("batches have a fixed size");
    }

    @Override
    public final void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        throw new UnsupportedOperationException("batches are built ready for the graph");
    }

    @Override
    public final MultiDataSetPreProcessor getPreProcessor() {
        return null;
    }

    @Override
    public final boolean resetSupported() {
        return true;
    }

    @Override
    public final boolean asyncSupported() {
        return false; // a prefetched batch could be closed while SameDiff still uses it
    }

    @Override
    public final void reset() {
        previous = null;
        restart();
    }
}
