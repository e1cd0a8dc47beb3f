package org.easel.core.train;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.TrainingConfig;
import org.easel.core.data.LabeledData;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The epoch loop: shuffle, fit batch by batch, score on validation data, early-stop, checkpoint.
 * Randomness (shuffling and dropout) is re-seeded from the run seed at every epoch, which is what
 * makes a resumed run end with the same weights as an uninterrupted one.
 */
public final class Trainer {
    /** Training accuracy is measured on this many training examples after each epoch (inference mode). */
    static final int TRAIN_ACCURACY_SAMPLE = 5000;

    /** Persists the network and state after each epoch; {@code bestParams} may be null. */
    @FunctionalInterface
    public interface CheckpointSink {
        void save(MultiLayerNetwork net, INDArray bestParams, TrainingState state);
    }

    private final TrainingConfig config;
    private final long seed;
    private final TrainingListener listener;
    private final CheckpointSink checkpoints;

    public Trainer(TrainingConfig config, long seed, TrainingListener listener, CheckpointSink checkpoints) {
        this.config = config;
        this.seed = seed;
        this.listener = listener;
        this.checkpoints = checkpoints;
    }

    public TrainingState fit(MultiLayerNetwork net, LabeledData train, LabeledData validation, TrainingState start, INDArray bestParams) {
        return fit(net, EpochData.fixed(train), validation, start, bestParams);
    }

    /** As above, with training examples that may differ per epoch (augmented views); their count must not change. */
    public TrainingState fit(MultiLayerNetwork net, EpochData epochData, LabeledData validation, TrainingState start, INDArray bestParams) {
        LabeledData train = epochData.forEpoch(start.epochsDone() + 1);
        TrainingState state = start;
        List<EpochMetrics> history = new ArrayList<>(start.history());
        int batchSize = config.batchSize();
        int batches = (train.size() + batchSize - 1) / batchSize;
        if (config.maxBatches() > 0) {
            batches = Math.min(batches, config.maxBatches());
        }
        BatchStep step = BatchStep.choose(net, config.denseStep());
        BatchBuffer buffer = new BatchBuffer(batchSize, train.featureSize(), train.classes().size());
        listener.onMessage("Training step: " + step.describe());
        for (int epoch = start.epochsDone() + 1; epoch <= config.epochs() && !state.stoppedEarly(); epoch++) {
            long t0 = System.nanoTime();
            listener.onEpochStart(epoch, config.epochs(), batches);
            if (epoch > start.epochsDone() + 1) {
                train = epochData.forEpoch(epoch);   // the first epoch's examples were fetched above
            }
            Nd4j.getRandom().setSeed(seed * 1_000_003L + epoch);
            int[] order = EpochOrder.of(train.size(), config.shuffle(), seed, epoch);
            double lossSum = 0;
            for (int b = 0; b < batches; b++) {
                int from = b * batchSize;
                int to = Math.min(train.size(), from + batchSize);
                INDArray[] batch = buffer.fill(train, order, from, to);
                double loss = step.fit(batch[0], batch[1]);
                if (Divergence.diverged(loss)) {
                    throw Divergence.error("training loss", loss, epoch, b + 1, "training.learning_rate", config.learningRate(), null,
                            Divergence.checkpointKept(epoch));
                }
                lossSum += loss;
                listener.onBatch(epoch, b + 1, batches, loss);
            }
            Evaluation trainEval = Evaluator.evaluate(step, train.limit(TRAIN_ACCURACY_SAMPLE));
            Evaluation valEval = validation.size() > 0 ? Evaluator.evaluate(step, validation) : null;
            double seconds = (System.nanoTime() - t0) / 1e9;
            EpochMetrics m = new EpochMetrics(epoch, lossSum / batches, trainEval.accuracy(),
                    valEval == null ? Double.NaN : valEval.loss(), valEval == null ? Double.NaN : valEval.accuracy(), seconds);
            history.add(m);
            state = nextState(state, m, history, epoch);
            if (state.bestEpoch() == epoch) {
                bestParams = net.params().dup();
            }
            listener.onEpochEnd(m);
            if (state.stoppedEarly()) {
                listener.onMessage("Early stopping after epoch " + epoch + ": validation loss has not improved for "
                        + config.earlyStopping().patience() + " epochs (best " + String.format("%.4f", state.bestValLoss())
                        + " at epoch " + state.bestEpoch() + ").");
            }
            checkpoints.save(net, bestParams, state);
        }
        if (config.earlyStopping().enabled() && config.earlyStopping().restoreBest() && bestParams != null
                && state.bestEpoch() != state.epochsDone()) {
            net.setParams(bestParams);
            listener.onMessage("Restored the weights of epoch " + state.bestEpoch() + " (lowest validation loss).");
        }
        return state;
    }

    private TrainingState nextState(TrainingState s, EpochMetrics m, List<EpochMetrics> history, int epoch) {
        double monitored = Double.isNaN(m.valLoss()) ? m.loss() : m.valLoss();
        boolean improved = Monitor.valLoss(config.earlyStopping().minDelta()).better(monitored, Double.NaN, s.bestValLoss(), Double.NaN);
        double best = improved ? monitored : s.bestValLoss();
        int bestEpoch = improved ? epoch : s.bestEpoch();
        int without = improved ? 0 : s.epochsWithoutImprovement() + 1;
        boolean stop = config.earlyStopping().enabled() && without >= config.earlyStopping().patience();
        return new TrainingState(epoch, List.copyOf(history), best, bestEpoch, without, stop);
    }
}
