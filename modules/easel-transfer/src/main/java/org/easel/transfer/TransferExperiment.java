package org.easel.transfer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ConfigYaml;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.Datasets;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.easel.core.model.ModelSummary;
import org.easel.core.report.ConfusionMatrixPlot;
import org.easel.core.report.HistoryPlot;
import org.easel.core.run.RunFolder;
import org.easel.core.run.RunResult;
import org.easel.core.run.TaskRunner;
import org.easel.core.train.EpochData;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Evaluation;
import org.easel.core.train.Evaluator;
import org.easel.core.train.Trainer;
import org.easel.core.train.TrainingListener;
import org.easel.core.train.TrainingState;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.augment.AugmentedSource;
import org.easel.transfer.augment.EpochViews;
import org.easel.transfer.config.AugmentConfig;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.config.TransferSection;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.data.SyntheticData;
import org.easel.transfer.featurize.FeatureCache;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.featurize.Featurizer;
import org.easel.transfer.finetune.FineTuner;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.featurize.ImageSet;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.head.HeadFactory;
import org.easel.transfer.model.TransferModel;
import org.easel.transfer.report.TransferReport;
import org.easel.transfer.weights.BackboneWeights;

/**
 * The {@code transfer} task. The frozen backbone runs once per image (SameDiff, cached on disk);
 * only the small head trains, on the cached features, for {@code training.epochs}. That split is
 * what makes VGG16/SqueezeNet fine-tuning fit a CPU budget; see docs/transfer.md.
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
        RunBackbone bb = RunBackbone.resolve(cfg, config.data().download(), config.seed());
        BackboneWeights weights = bb.weights();
        if (weights.fellBack()) {
            listener.onMessage("WARNING: using random backbone weights (transfer.fallback: random): " + weights.used());
        }
        String freeze = bb.freeze();
        ImageReader reader = bb.reader();
        listener.onMessage(String.format("Backbone %s up to %s at %dx%d: feature map %s, weights %s", bb.name(), freeze, bb.inputSize(),
                bb.inputSize(), java.util.Arrays.toString(bb.extractor().featureMapShape()), weights.used()));

        // 2. data
        long tData = System.nanoTime();
        ImageFolders.Split split = ImageFolders.load(dataRoot(config, cfg, listener), config.data().testFraction(), config.seed());
        List<String> classes = split.train().classes();
        double dataSeconds = (System.nanoTime() - tData) / 1e9;
        listener.onMessage(String.format("Data: %d training and %d test images, classes %s (train counts %s), %.0f s",
                split.train().size(), split.test().size(), classes, java.util.Arrays.toString(split.train().classCounts()), dataSeconds));

        // 3. featurize once (or load from the cache)
        FeatureCache cache = new FeatureCache(Path.of(cfg.cacheDir()));
        Featurizer featurizer = new Featurizer(bb.extractor(), reader, cfg.featurizeBatch(), listener);
        FeaturizeStats trainStats = new FeaturizeStats();
        FeaturizeStats testStats = new FeaturizeStats();
        StageTwoInputs maps = cfg.fineTune().enabled()
                ? stageTwoInputs(cfg, bb, cache, split, trainStats, testStats, listener) : null;
        Features train = maps != null ? maps.trainFeatures()
                : featurize("training images", split.train(), bb, freeze, cfg.pooling(), cache, featurizer, trainStats, listener);
        Features test = maps != null ? maps.testFeatures()
                : featurize("test images", split.test(), bb, freeze, cfg.pooling(), cache, featurizer, testStats, listener);
        requireEveryClass(train, "training");
        requireEveryClass(test, "test");

        // 4. head on cached features
        int nVal = (int) Math.round(train.size() * config.training().validationSplit());
        int nTrain = train.size() - nVal;
        if (nTrain < classes.size()) {
            throw new EaselException("Only " + nTrain + " training images remain after training.validation_split "
                    + config.training().validationSplit() + "; add images or lower the split.");
        }
        int dim = train.dim();
        // 3b. augmented views of the head-training images (never validation or test), featurized once and cached
        FeaturizeStats viewStats = new FeaturizeStats();
        Features views = cfg.augment().enabled() ? augmentedViews(cfg, config.seed(), bb, train, nTrain, cache, featurizer, viewStats, listener)
                : null;
        FeatureScaler scaler = FeatureScaler.fit(java.util.Arrays.copyOf(train.x(), nTrain * dim), dim);
        float[] scaled = scaler.apply(train.x());
        LabeledData trainData = new LabeledData(java.util.Arrays.copyOf(scaled, nTrain * dim), java.util.Arrays.copyOf(train.labels(), nTrain),
                classes, dim, 1, 1);
        LabeledData valData = new LabeledData(java.util.Arrays.copyOfRange(scaled, nTrain * dim, train.size() * dim),
                java.util.Arrays.copyOfRange(train.labels(), nTrain, train.size()), classes, dim, 1, 1);
        double[] classWeights = "auto".equals(cfg.classWeights()) ? HeadFactory.balancedWeights(trainData.classCounts()) : null;
        MultiLayerNetwork head = HeadFactory.build(cfg.head(), config.training(), config.seed(), dim, classes.size(), classWeights, -1);
        ModelSummary summary = ModelSummary.of(head, new long[]{dim});
        AtomicFiles.writeString(run.summary(), summary.format());
        listener.onMessage("Head:\n" + summary.format());
        long tTrain = System.nanoTime();
        EpochData headData = views == null ? EpochData.fixed(trainData) : new EpochViews(trainData, train.files().subList(0, nTrain),
                scaler.apply(views.x()), views.files(), cfg.augment().copies(), config.seed());
        TrainingState state = new Trainer(config.training(), config.seed(), listener, (n, best, s) -> writeMetrics(run, s.history()))
                .fit(head, headData, valData, TrainingState.fresh(), null);
        List<EpochMetrics> history = new java.util.ArrayList<>(state.history());

        // 4b. optional stage 2: unfreeze the top block, train it with the head on cached maps of the layer below
        if (maps != null) {
            FineTuning tuned = fineTune(config, cfg, bb.arch(), bb.last(), weights, maps, nTrain, scaler, head, classWeights, state.epochsDone(),
                    listener);
            weights = tuned.weights();
            test = tuned.test();
            history.addAll(tuned.history());
            writeMetrics(run, history);
        }
        double trainSeconds = (System.nanoTime() - tTrain) / 1e9;

        // 5. evaluate, save, report
        TransferModel model = bb.model(weights, classes, cfg.pooling(), scaler, head);
        float[][] probs = model.probabilities(test.x(), test.size());
        int[] predicted = new int[test.size()];
        double lossSum = 0;
        for (int i = 0; i < probs.length; i++) {
            predicted[i] = Evaluator.argmax(probs[i]);
            lossSum += -Math.log(Math.min(1 - 1e-7, Math.max(1e-7, probs[i][test.labels()[i]])));
        }
        Evaluation eval = Evaluation.of(classes, test.labels(), predicted, lossSum);
        model.save(run.model());
        writeMetrics(run, history);
        HistoryPlot.write(history, run.history());
        ConfusionMatrixPlot.write(eval.confusion(), classes, run.confusion());

        MultiLayerNetwork inferenceHead = HeadFactory.build(cfg.head(), config.training(), config.seed(), dim, classes.size(), classWeights, 0);
        inferenceHead.setParams(head.params().dup());
        double seconds = (System.nanoTime() - t0) / 1e9;
        String augmentation = describeAugmentation(cfg, views, nTrain, viewStats);
        TransferReport.Inputs in = new TransferReport.Inputs(config.name(), ConfigYaml.toYaml(config), cfg, bb.name(), bb.description(),
                bb.inputSize(), freeze, weights, bb.extractor().featureMapShape(), summary.format(), history, eval, probs, test,
                bb.extractor().featureSize(), train.skipped(), reader.upscaled(),
                trainStats.describe("training", split.train().size()), testStats.describe("test", split.test().size()),
                augmentation, dataSeconds, trainSeconds, seconds, classWeights);
        Map<String, Double> extra = TransferReport.write(run.dir(), run.report(), in, model, inferenceHead);

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("test_accuracy", eval.accuracy());
        result.put("test_loss", eval.loss());
        result.putAll(extra);
        result.put("epochs", history.size());
        result.put("weights_used", weights.used());
        result.put("featurize_images_per_second", trainStats.imagesPerSecond);
        result.put("augmented_views", views == null ? 0 : views.size());
        result.put("seconds", (System.nanoTime() - t0) / 1e9);
        AtomicFiles.writeString(run.result(), Json.pretty(result));
        seconds = (System.nanoTime() - t0) / 1e9;
        String headline = String.format("Test accuracy %.4f, ROC AUC %.4f (%d test images), backbone %s/%s up to %s at %d px, %d epochs, %.0f s",
                eval.accuracy(), extra.getOrDefault("roc_auc", Double.NaN), eval.examples(), bb.name(),
                bb.isModelFile() ? "model file" : weights.fellBack() ? "random(fallback)" : cfg.weights(), freeze, bb.inputSize(), history.size(),
                seconds);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("test_accuracy", eval.accuracy());
        metrics.put("test_loss", eval.loss());
        metrics.putAll(extra);
        metrics.put("epochs", (double) history.size());
        metrics.put("seconds", seconds);
        if (!Double.isNaN(trainStats.imagesPerSecond)) {
            metrics.put("featurize_images_per_second", trainStats.imagesPerSecond);
        }
        return new RunResult(run.dir(), headline, metrics, eval);
    }

    /** What stage 2 changed: the backbone weights, the test features they give, and its epochs. */
    private record FineTuning(BackboneWeights weights, Features test, List<EpochMetrics> history) {
    }

    /**
     * Stage 2 trains on the cached maps of the layer below {@code unfreeze_from}; the stage-1 features
     * are computed from those maps by the frozen upper layers, so the images go through the backbone once.
     */
    private record StageTwoInputs(int from, int[] mapShape, Features trainMaps, Features testMaps, Features trainFeatures,
                                  Features testFeatures) {
    }

    private static StageTwoInputs stageTwoInputs(TransferConfig cfg, RunBackbone bb, FeatureCache cache, ImageFolders.Split split,
                                                 FeaturizeStats trainStats, FeaturizeStats testStats, TrainingListener listener) {
        Architecture arch = bb.arch();
        int last = bb.last();
        BackboneWeights weights = bb.weights();
        int size = bb.inputSize();
        String unfreeze = cfg.fineTune().unfreezeFrom();
        int from = arch.indexOf(unfreeze); // unknown names fail here, listing the valid ones
        if (from < 1 || from > last) {
            throw new EaselException("transfer.fine_tune.unfreeze_from '" + unfreeze + "' must come after the first layer and not after "
                    + "transfer.freeze_up_to (" + arch.stages().get(last).name() + "); choose one of "
                    + String.join(", ", arch.layerNames().subList(1, last + 1)) + ".");
        }
        String below = arch.stages().get(from - 1).name();
        FrozenBackbone lower = new FrozenBackbone(arch, from - 1, weights, size, FrozenBackbone.MAP);
        listener.onMessage(String.format("Stage 2 will train %s..%s; featurizing once up to %s (map %s), cached",
                unfreeze, arch.stages().get(last).name(), below, java.util.Arrays.toString(lower.featureMapShape())));
        Featurizer mapFeaturizer = new Featurizer(lower, bb.reader(), cfg.featurizeBatch(), listener);
        Features trainMaps = featurize("training images", split.train(), bb, below, FrozenBackbone.MAP, cache, mapFeaturizer,
                trainStats, listener);
        Features testMaps = featurize("test images", split.test(), bb, below, FrozenBackbone.MAP, cache, mapFeaturizer,
                testStats, listener);
        FrozenBackbone upper = new FrozenBackbone(arch, from, last, weights, size, cfg.pooling());
        return new StageTwoInputs(from, lower.featureMapShape(), trainMaps, testMaps, pooled(upper, trainMaps, cfg), pooled(upper, testMaps, cfg));
    }

    private static Features pooled(FrozenBackbone upper, Features maps, TransferConfig cfg) {
        return new Features(upper.features(maps.x(), maps.size(), cfg.featurizeBatch()), upper.featureSize(), maps.labels(), maps.files(),
                maps.classes(), maps.skipped());
    }

    private static FineTuning fineTune(ExperimentConfig config, TransferConfig cfg, Architecture arch, int last, BackboneWeights weights,
                                       StageTwoInputs maps, int nTrain, FeatureScaler scaler, MultiLayerNetwork head, double[] classWeights,
                                       int stage1Epochs, TrainingListener listener) {
        listener.onMessage(String.format("Stage 2: training %s..%s with the head at learning rate %s for %d epochs",
                arch.stages().get(maps.from()).name(), arch.stages().get(last).name(), cfg.fineTune().learningRate(), cfg.fineTune().epochs()));
        FineTuner tuner = new FineTuner(arch, maps.from(), last, weights, maps.mapShape(), cfg.pooling(), scaler, head, classWeights,
                cfg.head().dropout(),
                cfg.fineTune(), config.seed(), listener);
        FineTuner.Result r = tuner.fit(maps.trainMaps().x(), maps.trainMaps().labels(), nTrain, stage1Epochs);
        head.setParams(tuner.headParams(head));
        Features testMaps = maps.testMaps();
        int dim = maps.testFeatures().dim();
        Features test = new Features(tuner.pooledFeatures(testMaps.x(), testMaps.size(), dim), dim, testMaps.labels(), testMaps.files(),
                testMaps.classes(), testMaps.skipped());
        return new FineTuning(r.weights(), test, r.history());
    }

    /** Where the images are: the synthetic generator's output, or data.path (generated first when asked for; used by easel-spark too). */
    public static Path dataRoot(ExperimentConfig config, TransferConfig cfg, TrainingListener listener) {
        if (cfg.synthetic().enabled()) {
            return SyntheticData.ensure(cfg.synthetic(), config.seed(), listener);
        }
        if (!"image-folder".equals(config.data().dataset())) {
            throw new EaselException("task transfer needs images: set data.dataset: image-folder with data.path, or "
                    + "transfer.synthetic.financial_count > 0 (found data.dataset: " + config.data().dataset() + ").");
        }
        Path p = Path.of(config.data().path());
        return p.isAbsolute() ? p : Datasets.dataDir(config.data()).resolve(p);
    }

    /** How featurizing one split went, for the report. */
    static final class FeaturizeStats {
        boolean cacheHit;
        double seconds;
        double imagesPerSecond = Double.NaN;
        Path file;

        String describe(String what, int images) {
            return cacheHit
                    ? String.format("%s: %d images, features loaded from the cache `%s` in %.1f s", what, images, file, seconds)
                    : String.format("%s: %d images featurized in %.1f s (%.2f images/s), cached as `%s`", what, images, seconds, imagesPerSecond, file);
        }
    }

    private static Features featurize(String what, ImageSet images, RunBackbone bb,
                                      String layer, String pooling, FeatureCache cache, Featurizer featurizer, FeaturizeStats stats,
                                      TrainingListener listener) {
        return featurize(what, images, bb, layer, pooling, cache, featurizer, stats, listener, null, null);
    }

    /** With {@code source} and {@code keyExtra} non-null: featurize the images through that source, cached under a derived key. */
    private static Features featurize(String what, ImageSet images, RunBackbone bb, String layer, String pooling, FeatureCache cache,
                                      Featurizer featurizer, FeaturizeStats stats, TrainingListener listener, Featurizer.Source source,
                                      String keyExtra) {
        String base = FeatureCache.key(bb.cacheName(), bb.weights().identity(), bb.inputSize(), layer, pooling,
                bb.weights().preprocessing().name(), images);
        String key = keyExtra == null ? base : FeatureCache.derivedKey(base, keyExtra);
        long t = System.nanoTime();
        stats.file = cache.file(key);
        java.util.Optional<Features> hit = cache.load(key, images);
        if (hit.isPresent()) {
            stats.cacheHit = true;
            stats.seconds = (System.nanoTime() - t) / 1e9;
            listener.onMessage(String.format("Features of the %s: cache hit (%s), %.1f s", what, stats.file.getFileName(), stats.seconds));
            return hit.get();
        }
        Features f = source == null ? featurizer.featurize(images, what) : featurizer.featurize(images, what, source);
        stats.seconds = (System.nanoTime() - t) / 1e9;
        stats.imagesPerSecond = featurizer.imagesPerSecond();
        cache.store(key, images, f);
        if (!f.skipped().isEmpty()) {
            listener.onMessage("Skipped " + f.skipped().size() + " unreadable image(s) among the " + what + ": "
                    + f.skipped().stream().limit(5).map(s -> s.path() + " (" + s.reason() + ")").collect(Collectors.joining("; ")));
        }
        return f;
    }

    /** Pooled features of {@code copies} augmented views of each of the first {@code nTrain} training images, through the full frozen backbone. */
    private static Features augmentedViews(TransferConfig cfg, long seed, RunBackbone bb, Features train, int nTrain, FeatureCache cache,
                                           Featurizer featurizer, FeaturizeStats stats, TrainingListener listener) {
        ImageSet headImages = new ImageSet(train.files().subList(0, nTrain), java.util.Arrays.copyOf(train.labels(), nTrain), train.classes());
        AugmentedSource source = new AugmentedSource(headImages, bb.reader(), cfg.augment(), seed);
        return featurize(cfg.augment().copies() + " augmented view(s) of the " + nTrain + " head-training images", source.views(), bb,
                bb.freeze(), cfg.pooling(), cache, featurizer, stats, listener, source, cfg.augment().identity(seed));
    }

    private static String describeAugmentation(TransferConfig cfg, Features views, int nTrain, FeaturizeStats stats) {
        if (views == null) {
            return "off (transfer.augment.copies: 0).";
        }
        AugmentConfig a = cfg.augment();
        return String.format("%d cached view(s) per head-training image (flip %s, crop %.2f-1 of the area, colour jitter +-%.2f); "
                        + "%s; every epoch draws one of the %d views (original included) per image, by seed and epoch. "
                        + "Validation and test images are never augmented.%s",
                a.copies(), a.flip() ? "on" : "off", a.cropScale(), a.jitter(), stats.describe("views", views.size()), a.copies() + 1,
                cfg.fineTune().enabled() ? " Stage 2 trains on the unaugmented cached maps." : "");
    }

    private static void requireEveryClass(Features f, String split) {
        int[] counts = new int[f.classes().size()];
        for (int l : f.labels()) {
            counts[l]++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 0) {
                throw new EaselException("No readable " + split + " images of class '" + f.classes().get(c) + "' (" + f.skipped().size()
                        + " unreadable files skipped). Every class needs readable images.");
            }
        }
    }

    private static void writeMetrics(RunFolder run, List<EpochMetrics> history) {
        AtomicFiles.writeString(run.metrics(), history.stream().map(Json::line).collect(Collectors.joining("\n", "", "\n")));
    }
}
