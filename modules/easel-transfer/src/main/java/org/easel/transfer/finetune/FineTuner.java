package org.easel.transfer.finetune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.easel.core.io.QuietSameDiff;
import org.easel.core.train.ClosingBatches;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Divergence;
import org.easel.core.train.EpochOrder;
import org.easel.core.train.Monitor;
import org.easel.core.train.SameDiffEpochs;
import org.easel.core.train.TrainingListener;
import org.easel.nets.BackboneWeights;
import org.easel.nets.ConvSpec;
import org.easel.nets.NetGraph;
import org.easel.nets.Network;
import org.easel.transfer.config.FineTuneConfig;
import org.easel.transfer.featurize.Pooling;
import org.easel.transfer.head.FeatureScaler;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Stage 2 of fine-tuning: the backbone's top layers ({@code unfreeze_from} .. the freeze layer) and the
 * head train together, at a low learning rate, on the cached feature maps of the layer below them.
 * The layers below stay frozen (and are never recomputed); the head starts from its stage-1 weights and
 * the feature standardisation of stage 1 stays a fixed part of the model, so the result plugs back into
 * {@link org.easel.transfer.model.TransferModel} unchanged: new kernels for the unfrozen layers, new head
 * parameters. The head's dropout rate applies in stage 2 too.
 */
public final class FineTuner {
    static final String MAPS = "maps";
    static final String LABELS = "labels";

    static final String PROBABILITIES = "probabilities";
    static final String POOLED = "pooled";

    /** Weights after stage 2 (frozen layers untouched), the stage-2 history, and the epoch kept. */
    public record Result(BackboneWeights weights, List<EpochMetrics> history, int bestEpoch) {
    }

    private final SameDiff sd = SameDiff.create();
    private final Set<String> trainedLayers;
    private final int classes;
    private final long mapSize;
    private final int headLayers;
    private final BackboneWeights original;
    private final FineTuneConfig cfg;
    private final long seed;
    private final TrainingListener listener;
    private final double[] classWeights;
    private final double dropout;
    private final List<Integer> maskWidths = new ArrayList<>();

    /**
     * @param from     index of the first unfrozen layer; its input is the cached map of layer {@code from - 1}
     * @param inShape  [channels, height, width] of that cached map
     */
    public FineTuner(Network net, int from, int last, BackboneWeights weights, int[] inShape, String pooling, FeatureScaler scaler,
                     MultiLayerNetwork head, double[] classWeights, double dropout, FineTuneConfig cfg, long seed, TrainingListener listener) {
        QuietSameDiff.install();   // SameDiff prints a line per differentiated op otherwise
        this.dropout = dropout;
        this.original = weights;
        this.cfg = cfg;
        this.seed = seed;
        this.listener = listener;
        this.classes = (int) head.getLayer(head.getnLayers() - 1).getParam("b").length();
        this.classWeights = classWeights;
        this.mapSize = (long) inShape[0] * inShape[1] * inShape[2];
        this.headLayers = head.getnLayers();
        Set<String> layerNames = net.layers().subList(from, last + 1).stream().map(l -> l.name()).collect(Collectors.toSet());
        this.trainedLayers = net.convs(last).stream().filter(c -> layerNames.contains(c.layer())).map(ConvSpec::kerasName)
                .collect(Collectors.toCollection(LinkedHashSet::new));

        SDVariable maps = sd.placeHolder(MAPS, DataType.FLOAT, -1, inShape[0], inShape[1], inShape[2]);
        SDVariable labels = sd.placeHolder(LABELS, DataType.FLOAT, -1, classes);
        SDVariable top = NetGraph.build(sd, maps, net, weights, NetGraph.Mode.TRAINING, from, last);
        SDVariable pooled = sd.identity(POOLED, Pooling.apply(sd, top, pooling, 0));
        SDVariable h = pooled.sub(sd.constant("feature_mean", Nd4j.createFromArray(scaler.mean()).reshape(1, -1)))
                .div(sd.constant("feature_std", Nd4j.createFromArray(scaler.std()).reshape(1, -1)));
        List<String> featureNames = new ArrayList<>(List.of(MAPS));
        for (int i = 0; i < headLayers; i++) {
            Layer layer = head.getLayer(i);
            if (dropout > 0) {
                // dropout as in the stage-1 head (on each layer's input), as a mask fed per batch: 0 or 1/(1-rate) in
                // training, 1 at inference. SameDiff M2.1's dropout op does not train.
                String mask = "dropout_mask_" + i;
                h = h.mul(sd.placeHolder(mask, DataType.FLOAT, -1, layer.getParam("W").size(0)));
                featureNames.add(mask);
                maskWidths.add((int) layer.getParam("W").size(0));
            }
            SDVariable w = sd.var("head_" + i + "_W", layer.getParam("W").castTo(DataType.FLOAT).dup());
            SDVariable b = sd.var("head_" + i + "_b", layer.getParam("b").castTo(DataType.FLOAT).dup().reshape(1, -1));
            h = h.mmul(w).add(b);
            if (i < headLayers - 1) {
                h = sd.nn().relu(h, 0);
            }
        }
        // log-softmax written out: SameDiff M2.1 cannot clone its LogSoftMax/SoftMax ops into the gradient graph
        SDVariable shifted = h.sub(h.max(true, 1));
        SDVariable logProbabilities = shifted.sub(sd.math().log(sd.math().exp(shifted).sum(true, 1)));
        sd.math().exp(PROBABILITIES, logProbabilities);
        // labels arrive one-hot and pre-multiplied by the class weight, so this is weighted cross-entropy
        sd.setLossVariables(labels.mul(logProbabilities).sum(1).neg().mean("loss"));
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(cfg.learningRate(), 0.9, 0.999, 1e-7))
                .dataSetFeatureMapping(featureNames.toArray(new String[0])).dataSetLabelMapping(LABELS).build());
    }

    /** The conv layers (Keras names) this stage trains. */
    public Set<String> trainedLayers() {
        return trainedLayers;
    }

    /**
     * Trains for {@code fine_tune.epochs} on the first {@code nTrain} cached maps, scores the rest as
     * validation after each epoch, keeps the epoch with the lowest validation loss, and returns weights
     * in which only the unfrozen layers differ from the originals. Epochs are numbered after
     * {@code epochOffset} (the stage-1 epochs) in the history.
     */
    public Result fit(float[] maps, int[] labels, int nTrain, int epochOffset) {
        int n = labels.length;
        if (nTrain <= 0 || nTrain > n) {
            throw new EaselException("transfer.fine_tune needs training images; found " + nTrain + " of " + n + ".");
        }
        int batches = (nTrain + cfg.batchSize() - 1) / cfg.batchSize();
        List<EpochMetrics> history = new ArrayList<>();
        boolean validated = nTrain < n;
        Monitor monitor = Monitor.VAL_ACCURACY.equals(cfg.monitor()) && validated ? Monitor.of(Monitor.VAL_ACCURACY) : Monitor.valLoss(0);
        double[] lastTrainLoss = {score(maps, labels, 0, Math.min(nTrain, 2000))[0]};
        SameDiffEpochs.Scored<EpochMetrics> start = null;
        if (validated) {
            double[] initial = score(maps, labels, nTrain, n);
            start = new SameDiffEpochs.Scored<>(null, initial[0], initial[1], null);
            listener.onMessage(String.format("Stage 2 starts at validation loss %.4f, accuracy %.4f", initial[0], initial[1]));
        }
        SameDiffEpochs.Body<EpochMetrics> body = new SameDiffEpochs.Body<>() {
            @Override
            public void fit(int epoch) {
                int[] order = EpochOrder.of(nTrain, true, seed, epoch);
                sd.fit(new Batches(maps, labels, order, cfg.batchSize()), 1, new Progress(epoch, batches, lastTrainLoss[0]));
            }

            @Override
            public SameDiffEpochs.Scored<EpochMetrics> score(int epoch, long startNanos) {
                double[] train = FineTuner.this.score(maps, labels, 0, Math.min(nTrain, 2000));
                double[] val = validated ? FineTuner.this.score(maps, labels, nTrain, n) : new double[]{Double.NaN, Double.NaN};
                if (Divergence.diverged(train[0]) || (validated && Divergence.diverged(val[0]))) {
                    double bad = Divergence.diverged(train[0]) ? train[0] : val[0];
                    return new SameDiffEpochs.Scored<>(null, Double.NaN, Double.NaN, new SameDiffEpochs.Divergent(Divergence.error(
                            Divergence.diverged(train[0]) ? "stage-2 training loss" : "stage-2 validation loss", bad, epoch, 0,
                            "transfer.fine_tune.learning_rate", cfg.learningRate(), null, "the best weights so far are restored")));
                }
                lastTrainLoss[0] = train[0];
                EpochMetrics m = new EpochMetrics(epoch, train[0], train[1], val[0], val[1], (System.nanoTime() - startNanos) / 1e9);
                return new SameDiffEpochs.Scored<>(m, Double.isNaN(val[0]) ? m.loss() : val[0], val[1], null);
            }
        };
        SameDiffEpochs.Best best = new SameDiffEpochs(sd, monitor, listener).run(epochOffset + 1, epochOffset + cfg.epochs(),
                epochOffset + cfg.epochs(), batches, body, start, m -> {
                    history.add(m);
                    listener.onEpochEnd(m);
                });
        listener.onMessage(best.epoch() == 0
                ? "Stage 2 did not improve the " + monitor.describe() + "; the stage-1 weights are kept."
                : String.format("Stage 2 keeps the weights of epoch %d (by %s: validation loss %.4f, accuracy %.4f).", best.epoch(),
                monitor.describe(), best.loss(), best.accuracy()));
        return new Result(weightsNow(), history, best.epoch());
    }

    /**
     * Runs {@code steps} training steps (forward, backward, Adam update) over the given inputs, cycling
     * through them, and returns the seconds per step after one untimed warm-up step. For benchmarks.
     */
    public double secondsPerStep(float[] maps, int[] labels, int steps) {
        sd.fit(new Batches(maps, labels, cycle(0, labels.length), cfg.batchSize()), 1); // warm-up
        long t0 = System.nanoTime();
        for (int s = 1; s <= steps; s++) {
            sd.fit(new Batches(maps, labels, cycle(s * cfg.batchSize(), labels.length), cfg.batchSize()), 1);
        }
        return (System.nanoTime() - t0) / 1e9 / steps;
    }

    /** One batch of example indices from {@code start}, wrapping around the {@code n} examples. */
    private int[] cycle(int start, int n) {
        int[] batch = new int[cfg.batchSize()];
        for (int i = 0; i < batch.length; i++) {
            batch[i] = (start + i) % n;
        }
        return batch;
    }

    /** Class probabilities [n][classes] for cached maps, with the current weights. */
    public float[][] probabilities(float[] maps, int n) {
        float[][] out = new float[n][];
        forBatches(maps, 0, n, (from, outputs) -> {
            float[] p = outputs.get(PROBABILITIES).castTo(DataType.FLOAT).data().asFloat();
            for (int i = 0; i < p.length / classes; i++) {
                out[from + i] = Arrays.copyOfRange(p, i * classes, (i + 1) * classes);
            }
        });
        return out;
    }

    /** Pooled (unscaled) features [n * dim] for cached maps, with the current weights. */
    public float[] pooledFeatures(float[] maps, int n, int dim) {
        float[] out = new float[n * dim];
        forBatches(maps, 0, n, (from, outputs) -> {
            float[] f = outputs.get(POOLED).castTo(DataType.FLOAT).data().asFloat();
            System.arraycopy(f, 0, out, from * dim, f.length);
        });
        return out;
    }

    /** The head's parameters after stage 2, in DL4J's flattened order (per layer: W then b). */
    public INDArray headParams(MultiLayerNetwork head) {
        MultiLayerNetwork copy = head.clone();
        for (int i = 0; i < headLayers; i++) {
            copy.getLayer(i).setParam("W", sd.getVariable("head_" + i + "_W").getArr().dup());
            copy.getLayer(i).setParam("b", sd.getVariable("head_" + i + "_b").getArr().dup());
        }
        return copy.params().dup();
    }

    private BackboneWeights weightsNow() {
        Map<String, INDArray[]> params = new LinkedHashMap<>(original.params());
        for (String layer : trainedLayers) {
            params.put(layer, new INDArray[]{sd.getVariable(NetGraph.varName(layer, "W")).getArr().dup('c'),
                    sd.getVariable(NetGraph.varName(layer, "b")).getArr().dup()});
        }
        return new BackboneWeights(params, original.preprocessing(), original.used() + "; layers " + String.join(", ", trainedLayers)
                + " fine-tuned (stage 2)", original.identity() + "+finetuned", original.fellBack());
    }

    /** [mean weighted loss, accuracy] over examples from..to. */
    private double[] score(float[] maps, int[] labels, int from, int to) {
        double[] sums = new double[2];
        forBatches(maps, from, to, (start, outputs) -> {
            float[] p = outputs.get(PROBABILITIES).castTo(DataType.FLOAT).data().asFloat();
            for (int i = 0; i < p.length / classes; i++) {
                int y = labels[start + i];
                int arg = 0;
                for (int c = 1; c < classes; c++) {
                    if (p[i * classes + c] > p[i * classes + arg]) {
                        arg = c;
                    }
                }
                double w = classWeights == null ? 1 : classWeights[y];
                sums[0] += -w * Math.log(Math.max(1e-7, p[i * classes + y]));
                sums[1] += arg == y ? 1 : 0;
            }
        });
        int n = Math.max(1, to - from);
        return new double[]{sums[0] / n, sums[1] / n};
    }

    private interface BatchOutputs {
        void accept(int from, Map<String, INDArray> outputs);
    }

    private void forBatches(float[] maps, int from, int to, BatchOutputs consumer) {
        int size = Math.toIntExact(mapSize);
        for (int start = from; start < to; start += cfg.batchSize()) {
            int m = Math.min(cfg.batchSize(), to - start);
            float[] x = Arrays.copyOfRange(maps, start * size, (start + m) * size);
            try (INDArray in = Nd4j.create(x, shapeOf(m), 'c')) {
                Map<String, INDArray> feed = new HashMap<>(Map.of(MAPS, in));
                for (int i = 0; i < maskWidths.size(); i++) {
                    feed.put(maskName(i), Nd4j.ones(DataType.FLOAT, m, maskWidths.get(i)));
                }
                Map<String, INDArray> outputs = sd.output(feed, PROBABILITIES, POOLED);
                consumer.accept(start, outputs);
                outputs.values().forEach(INDArray::close); // free off-heap memory now, not at the next GC
            }
        }
    }

    private String maskName(int i) {
        return sd.getTrainingConfig().getDataSetFeatureMapping().get(i + 1);
    }

    private long[] shapeOf(int m) {
        long[] s = sd.getVariable(MAPS).placeholderShape();
        return new long[]{m, s[1], s[2], s[3]};
    }

    /** Minibatches of cached maps with weighted one-hot labels (and dropout masks), in the given order. */
    private final class Batches extends ClosingBatches {
        private final float[] maps;
        private final int[] labels;
        private final int[] order;
        private final int batchSize;
        private final Random masks;
        private int next;

        Batches(float[] maps, int[] labels, int[] order, int batchSize) {
            this.masks = new Random(seed * 7919 + order.length + (order.length > 0 ? order[0] : 0));
            this.maps = maps;
            this.labels = labels;
            this.order = order;
            this.batchSize = batchSize;
        }

        @Override
        protected boolean more() {
            return next < order.length;
        }

        @Override
        protected MultiDataSet build() {
            int m = Math.min(batchSize, order.length - next);
            int size = Math.toIntExact(mapSize);
            float[] x = new float[m * size];
            float[] y = new float[m * classes];
            for (int i = 0; i < m; i++) {
                int ex = order[next + i];
                System.arraycopy(maps, ex * size, x, i * size, size);
                y[i * classes + labels[ex]] = classWeights == null ? 1f : (float) classWeights[labels[ex]];
            }
            next += m;
            INDArray[] features = new INDArray[1 + maskWidths.size()];
            features[0] = Nd4j.create(x, shapeOf(m), 'c');
            for (int i = 0; i < maskWidths.size(); i++) {
                float[] mask = new float[m * maskWidths.get(i)];
                float keep = (float) (1 / (1 - dropout));
                for (int j = 0; j < mask.length; j++) {
                    mask[j] = masks.nextDouble() < dropout ? 0f : keep;
                }
                features[1 + i] = Nd4j.create(mask, new long[]{m, maskWidths.get(i)}, 'c');
            }
            return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[]{Nd4j.create(y, new long[]{m, classes}, 'c')});
        }

        @Override
        protected void restart() {
            next = 0;
        }
    }

    /**
     * Batch progress. SameDiff M2.1 reports 0 as a training step's loss and computes only what the
     * gradient needs, so the loss shown is the one scored after the previous epoch (on up to 2,000
     * training examples); a non-finite loss is caught when the epoch is scored.
     */
    private final class Progress extends BaseListener {
        private final int epoch;
        private final int batches;
        private final double shownLoss;
        private int count;

        Progress(int epoch, int batches, double shownLoss) {
            this.epoch = epoch;
            this.batches = batches;
            this.shownLoss = shownLoss;
        }

        @Override
        public boolean isActive(Operation operation) {
            return operation == Operation.TRAINING;
        }

        @Override
        public void iterationDone(SameDiff sd, At at, MultiDataSet dataSet, Loss loss) {
            listener.onBatch(epoch, ++count, batches, shownLoss);
        }
    }
}
