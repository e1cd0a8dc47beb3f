package org.easel.core.train;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The epoch loop of SameDiff models (stage-2 fine-tuning, the VAE), next to {@link Trainer} for DL4J networks:
 * fit one epoch, score it, stop at a non-finite score ({@link Divergence}), keep the best epoch by a
 * {@link Monitor} (its trainable variables are restored at the end), report progress, and hand every epoch to
 * a sink (metrics file, checkpoint). Without a monitor the last epoch is kept (the VAE).
 */
public final class SameDiffEpochs {
    /** One epoch's outcome as the loop reads it. {@code divergence} is null when every score is finite. */
    public record Scored<E>(E metrics, double loss, double accuracy, Divergent divergence) {
    }

    /** A non-finite score: the error to stop with. */
    public record Divergent(RuntimeException error) {
    }

    /** What a model does in one epoch. */
    public interface Body<E> {
        /** One pass over the epoch's training batches. */
        void fit(int epoch);

        /** The epoch's metrics, and the loss and accuracy the monitor reads (validation values); the epoch began at {@code startNanos}. */
        Scored<E> score(int epoch, long startNanos);
    }

    /** The best epoch found: 0 when none beat the starting point. */
    public record Best(int epoch, double loss, double accuracy) {
    }

    private final SameDiff sd;
    private final Monitor monitor;
    private final TrainingListener listener;

    /** {@code monitor} null: no best-epoch tracking, the last epoch is kept. */
    public SameDiffEpochs(SameDiff sd, Monitor monitor, TrainingListener listener) {
        this.sd = sd;
        this.monitor = monitor;
        this.listener = listener;
    }

    /**
     * Runs epochs {@code first..last} ({@code total} is what progress shows as the end, {@code batches} per epoch).
     * {@code start} is the score to beat (e.g. the validation score before training; null = none).
     */
    public <E> Best run(int first, int last, int total, int batches, Body<E> body, Scored<E> start, Consumer<E> afterEpoch) {
        Map<String, INDArray> best = monitor != null ? snapshot() : null;
        Best b = start == null ? new Best(0, Double.POSITIVE_INFINITY, -1) : new Best(0, start.loss(), start.accuracy());
        for (int epoch = first; epoch <= last; epoch++) {
            long t0 = System.nanoTime();
            listener.onEpochStart(epoch, total, batches);
            body.fit(epoch);
            Scored<E> s = body.score(epoch, t0);
            if (s.divergence() != null) {
                if (best != null) {
                    restore(best);
                }
                throw s.divergence().error();
            }
            afterEpoch.accept(s.metrics());
            if (monitor != null && monitor.better(s.loss(), s.accuracy(), b.loss(), b.accuracy())) {
                b = new Best(epoch, s.loss(), s.accuracy());
                best = snapshot();
            }
        }
        if (best != null) {
            restore(best);
        }
        return b;
    }

    private Map<String, INDArray> snapshot() {
        Map<String, INDArray> s = new HashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                s.put(v.name(), v.getArr().dup());
            }
        }
        return s;
    }

    private void restore(Map<String, INDArray> s) {
        s.forEach((name, arr) -> sd.getVariable(name).getArr().assign(arr));
    }
}
