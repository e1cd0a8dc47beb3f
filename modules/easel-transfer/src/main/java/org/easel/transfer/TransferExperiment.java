package org.easel.transfer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ConfigYaml;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.report.ConfusionMatrixPlot;
import org.easel.core.report.HistoryPlot;
import org.easel.core.run.RunFolder;
import org.easel.core.run.RunResult;
import org.easel.core.run.TaskRunner;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Evaluation;
import org.easel.core.train.Evaluator;
import org.easel.core.train.TrainingListener;
import org.easel.transfer.backbone.Backbone;
import org.easel.transfer.backbone.ModelFile;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.config.TransferSection;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.data.TransferData;
import org.easel.transfer.featurize.FeatureCache;
import org.easel.transfer.head.HeadFactory;
import org.easel.transfer.model.TransferModel;
import org.easel.transfer.report.TransferReport;

/**
 * The {@code transfer} task, as an orchestrator of small steps: resolve the backbone, load the image lists,
 * featurize once (cached; {@link FeatureSteps}), train the head on the features ({@link HeadStep}), optionally
 * fine-tune the top of the backbone ({@link StageTwoStep}), evaluate, and write everything from one
 * {@link TransferOutcome}. The split between a frozen backbone run once and a small head is what makes
 * VGG16/SqueezeNet fine-tuning fit a CPU budget; see docs/transfer.md.
 */
public final class TransferExperiment implements TaskRunner {
    @Override
    public String task() {
        return "transfer";
    }

    @Override
    public RunResult run(ExperimentConfig config, RunFolder run, boolean resuming, TrainingListener listener) {
        long t0 = System.nanoTime();
        TransferConfig cfg = config.section(TransferSection.KEY, TransferConfig.class);
        if (resuming) {
            // Nothing to resume: the expensive part (featurizing) is cached, and the head trains in seconds to minutes.
            listener.onMessage("Transfer runs keep no head checkpoints; running again from the start (features come from the cache).");
        }
        // 1. backbone + weights (bad names, files and sizes fail here, before any data work)
        Backbone bb = Backbone.resolve(cfg, config.data().download(), config.seed());
        if (bb.weights().fellBack()) {
            listener.onMessage("WARNING: using random backbone weights (transfer.fallback: random): " + bb.weights().used());
        }
        listener.onMessage(String.format("Backbone %s up to %s at %dx%d: feature map %s, weights %s", bb.name(), bb.freeze(), bb.inputSize(),
                bb.inputSize(), Arrays.toString(bb.extractor().featureMapShape()), bb.weights().used()));

        // 2. data: image lists only; the backbone decodes one batch at a time
        long tData = System.nanoTime();
        ImageFolders.Split split = TransferData.split(config, listener);
        double dataSeconds = (System.nanoTime() - tData) / 1e9;
        listener.onMessage(String.format("Data: %d training and %d test images, classes %s (train counts %s), %.0f s",
                split.train().size(), split.test().size(), split.train().classes(), Arrays.toString(split.train().classCounts()), dataSeconds));

        // 3. featurize once (or load from the cache); 4. the head on the cached features
        FeatureCache cache = new FeatureCache(Path.of(cfg.cacheDir()));
        FeatureSteps.Stage1 features = FeatureSteps.stage1(cfg, bb, cache, split, listener);
        long tTrain = System.nanoTime();
        HeadStep head = HeadStep.fit(config, cfg, bb, features, cache, run, listener);

        // 5. optional stage 2: unfreeze the top block, train it with the head on cached maps of the layer below
        StageTwoStep.Result tuned = features.stageTwo() == null ? null
                : StageTwoStep.fit(config, cfg, bb.builtIn("transfer.fine_tune"), features.stageTwo(), head, listener);
        List<EpochMetrics> history = tuned == null ? head.history() : tuned.history();
        double trainSeconds = (System.nanoTime() - tTrain) / 1e9;

        // 6. evaluate on the test images, then write everything from one outcome
        TransferModel model = bb.model(tuned == null ? bb.weights() : tuned.weights(), head.classes(), cfg.pooling(), head.scaler(),
                head.network());
        var test = tuned == null ? features.test() : tuned.test();
        float[][] probs = model.probabilities(test.x(), test.size());
        Evaluation eval = evaluate(head.classes(), test.labels(), probs);
        model.save(run.model());
        TransferOutcome outcome = new TransferOutcome(config.name(), ConfigYaml.toYaml(config), cfg, bb.name(), bb.description(),
                bb instanceof ModelFile, bb.inputSize(), bb.freeze(), model.weights(),
                bb.extractor().featureMapShape(), bb.extractor().featureSize(), head.summary(), history, eval, probs, test,
                TransferReport.roc(head.classes(), probs, test.labels()), TransferReport.balancedAccuracy(eval), features.train().skipped(),
                bb.reader().upscaled(), features.trainStep().describe("training", split.train().size()),
                features.testStep().describe("test", split.test().size()), features.trainStep().imagesPerSecond(),
                head.augmentation(), head.viewCount(), dataSeconds, trainSeconds, (System.nanoTime() - t0) / 1e9, head.classWeights());
        writeMetrics(run, history);
        HistoryPlot.write(history, run.history());
        ConfusionMatrixPlot.write(eval.confusion(), head.classes(), run.confusion());
        TransferReport.write(run.dir(), run.report(), outcome, model, head.inferenceCopy(config, cfg));
        AtomicFiles.writeString(run.result(), Json.pretty(outcome.result()));
        return new RunResult(run.dir(), outcome.headline(), outcome.metrics(), eval);
    }

    private static Evaluation evaluate(List<String> classes, int[] labels, float[][] probs) {
        int[] predicted = new int[probs.length];
        double lossSum = 0;
        for (int i = 0; i < probs.length; i++) {
            predicted[i] = Evaluator.argmax(probs[i]);
            lossSum += -Math.log(Math.min(1 - 1e-7, Math.max(1e-7, probs[i][labels[i]])));
        }
        return Evaluation.of(classes, labels, predicted, lossSum);
    }

    static void writeMetrics(RunFolder run, List<EpochMetrics> history) {
        AtomicFiles.writeString(run.metrics(), history.stream().map(Json::line).collect(Collectors.joining("\n", "", "\n")));
    }
}
