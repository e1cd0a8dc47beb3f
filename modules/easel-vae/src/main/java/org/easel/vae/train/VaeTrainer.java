package org.easel.vae.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.easel.core.config.TrainingConfig;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.easel.core.io.QuietSameDiff;
import org.easel.core.train.Divergence;
import org.easel.core.train.EpochOrder;
import org.easel.core.train.SameDiffEpochs;
import org.easel.core.train.TrainingListener;
import org.easel.vae.config.VaeConfig;
import org.easel.vae.model.VaeModel;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * The VAE epoch loop: shuffle, fit one epoch through SameDiff, evaluate the test negative ELBO,
 * checkpoint. Shuffling and noise are seeded from (run seed, epoch), so a resumed run draws the
 * same batches and noise as an uninterrupted one. A non-finite loss stops training at once; the
 * checkpoint of the previous epoch stays the newest one.
 */
public final class VaeTrainer {
    /** Seed of the single noise draw used for every test evaluation (comparable across epochs). */
    public static final long EVAL_SEED = 1234;

    private final TrainingConfig training;
    private final VaeConfig vae;
    private final long seed;
    private final TrainingListener listener;

    public VaeTrainer(TrainingConfig training, VaeConfig vae, long seed, TrainingListener listener) {
        QuietSameDiff.install();   // SameDiff prints a line per differentiated op otherwise
        this.training = training;
        this.vae = vae;
        this.seed = seed;
        this.listener = listener;
    }

    /** Adam's epsilon as in Keras (1e-7); the learning rate is training.learning_rate. */
    public static IUpdater updater(TrainingConfig t) {
        double lr = t.learningRate();
        return switch (t.optimizer()) {
            case "adam" -> new Adam(lr, 0.9, 0.999, 1e-7);
            case "rmsprop" -> new RmsProp(lr, 0.9, 1e-7);
            case "sgd" -> new Sgd(lr);
            case "nesterovs" -> new Nesterovs(lr, 0.9);
            default -> throw new EaselException("training.optimizer '" + t.optimizer() + "' is not supported by task vae; use adam.");
        };
    }

    /** Attaches the training configuration unless the model already carries one (a resumed checkpoint). */
    public void prepare(VaeModel model) {
        SameDiff sd = model.sameDiff();
        if (sd.getTrainingConfig() == null) {
            // SameDiff's TrainingConfig, not Easel's training: section (imported)
            sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder()
                    .updater(updater(training))
                    .dataSetFeatureMapping(VaeModel.INPUT, VaeModel.EPS, VaeModel.BETA)
                    .markLabelsUnused()
                    .build());
        }
    }

    public int batchesPerEpoch(LabeledData train) {
        int batches = (train.size() + training.batchSize() - 1) / training.batchSize();
        return training.maxBatches() > 0 ? Math.min(batches, training.maxBatches()) : batches;
    }

    /** KL weight at a global step: beta, ramped linearly from 0 over the warm-up epochs. */
    double klWeight(int epoch, int batch, int batches) {
        if (vae.klWarmupEpochs() <= 0) {
            return vae.beta();
        }
        double progress = ((epoch - 1) * (double) batches + batch + 1) / ((double) vae.klWarmupEpochs() * batches);
        return vae.beta() * Math.min(1.0, progress);
    }

    /** Trains from {@code start} to training.epochs; {@code afterEpoch} persists each epoch (metrics, checkpoint). */
    public VaeState fit(VaeModel model, LabeledData train, LabeledData test, VaeState start, Consumer<VaeState> afterEpoch) {
        if (train.size() == 0) {
            throw new EaselException("The training set is empty: check data.dataset / data.path and data.train_limit.");
        }
        prepare(model);
        List<VaeEpoch> history = new ArrayList<>(start.history());
        VaeState[] state = {start};
        int batches = batchesPerEpoch(train);
        SameDiffEpochs.Body<VaeEpoch> body = new SameDiffEpochs.Body<>() {
            private LossWatch watch;
            private long fitEnd;

            @Override
            public void fit(int epoch) {
                int[] order = EpochOrder.of(train.size(), training.shuffle(), seed, epoch);
                VaeBatches iterator = new VaeBatches(train, order, training.batchSize(), batches, model.spec().latentDim(),
                        seed * 1_000_003L + epoch, b -> klWeight(epoch, b, batches));
                watch = new LossWatch(epoch, batches);
                model.sameDiff().fit(iterator, 1, watch);
                fitEnd = System.nanoTime();
            }

            @Override
            public SameDiffEpochs.Scored<VaeEpoch> score(int epoch, long startNanos) {
                double trainSeconds = (fitEnd - startNanos) / 1e9;
                VaeModel.Terms terms = model.evaluate(test.size() > 0 ? test : train.limit(2000), EVAL_SEED);
                if (Divergence.diverged(terms.negativeElbo())) {
                    return new SameDiffEpochs.Scored<>(null, Double.NaN, Double.NaN,
                            new SameDiffEpochs.Divergent(nanError("test negative ELBO", terms.negativeElbo(), epoch, -1)));
                }
                double seconds = (System.nanoTime() - startNanos) / 1e9;
                int n = Math.max(1, watch.count);
                VaeEpoch m = new VaeEpoch(epoch, watch.sum / n, watch.recSum / n, watch.klSum / n, klWeight(epoch, batches - 1, batches),
                        terms.reconstruction(), terms.kl(), terms.negativeElbo(), trainSeconds, seconds);
                return new SameDiffEpochs.Scored<>(m, terms.negativeElbo(), Double.NaN, null);
            }
        };
        // no best-epoch monitor: the VAE keeps its last epoch (the checkpoint of every epoch is written)
        new SameDiffEpochs(model.sameDiff(), null, listener).run(start.epochsDone() + 1, training.epochs(), training.epochs(), batches, body,
                null, m -> {
                    history.add(m);
                    state[0] = new VaeState(m.epoch(), List.copyOf(history));
                    listener.onMessage(String.format(Locale.ROOT,
                            "Epoch %d/%d: %.1f s (train %.1f s) - loss %.2f (reconstruction %.2f, KL %.2f) - test reconstruction %.2f - test KL %.2f - test -ELBO %.2f nats/image",
                            m.epoch(), training.epochs(), m.seconds(), m.trainSeconds(), m.trainLoss(), m.trainReconstruction(), m.trainKl(),
                            m.testReconstruction(), m.testKl(), m.testNegElbo()));
                    afterEpoch.accept(state[0]);
                });
        return state[0];
    }

    private EaselException nanError(String what, double value, int epoch, int batch) {
        return Divergence.error(what, value, epoch, Math.max(0, batch), "training.learning_rate", training.learningRate(),
                vae.likelihood().equals("gaussian") ? "raise vae.gaussian_sigma (now " + vae.gaussianSigma() + ")" : null,
                Divergence.checkpointKept(epoch));
    }

    /**
     * Reports each step's loss and stops at the first non-finite one. SameDiff M2.1 reports 0 as the
     * loss of a training step (the loss op itself is not executed on the gradient path), so the
     * loss is rebuilt from the per-image terms it does compute: mean(rec) + weight * mean(kl).
     */
    private final class LossWatch extends BaseListener {
        private final int epoch;
        private final int batches;
        private int count;
        private double sum;
        private double recSum;
        private double klSum;
        private double rec = Double.NaN;
        private double kl = Double.NaN;

        LossWatch(int epoch, int batches) {
            this.epoch = epoch;
            this.batches = batches;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public ListenerVariables requiredVariables(SameDiff sd) {
            return ListenerVariables.builder().trainingVariables(VaeModel.REC, VaeModel.KL).build();
        }

        @Override
        public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String varName, INDArray activation) {
            if (activation == null) {
                return;
            }
            if (VaeModel.REC.equals(varName)) {
                rec = activation.meanNumber().doubleValue();
            } else if (VaeModel.KL.equals(varName)) {
                kl = activation.meanNumber().doubleValue();
            }
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            double weight = dataSet.getFeatures(2).getDouble(0);
            double value = rec + weight * kl;
            count++;
            if (!Double.isFinite(value)) {
                throw nanError("training loss", value, epoch, count);
            }
            sum += value;
            recSum += rec;
            klSum += kl;
            rec = Double.NaN;
            kl = Double.NaN;
            listener.onBatch(epoch, count, batches, value);
        }
    }
}
