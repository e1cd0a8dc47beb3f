package org.easel.transfer;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.model.ModelSummary;
import org.easel.core.run.RunFolder;
import org.easel.core.train.EpochData;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Trainer;
import org.easel.core.train.TrainingListener;
import org.easel.core.train.TrainingState;
import org.easel.transfer.augment.AugmentedSource;
import org.easel.transfer.augment.EpochViews;
import org.easel.transfer.backbone.Backbone;
import org.easel.transfer.config.AugmentConfig;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.FeatureCache;
import org.easel.transfer.featurize.FeatureStep;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.featurize.Featurizer;
import org.easel.transfer.featurize.ImageSet;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.head.HeadFactory;

/**
 * Step 4 of a transfer run: the head trained on the cached stage-1 features by core's {@link Trainer}
 * (standardised features; the last {@code training.validation_split} of the shuffled training images
 * validate), optionally on cached augmented views of the head-training images.
 *
 * @param nTrain the head-training images (the rest of the training split validates)
 */
record HeadStep(List<String> classes, FeatureScaler scaler, MultiLayerNetwork network, String summary, List<EpochMetrics> history,
                int stage1Epochs, double[] classWeights, int nTrain, String augmentation, int viewCount) {

    static HeadStep fit(ExperimentConfig config, TransferConfig cfg, Backbone bb, FeatureSteps.Stage1 features, FeatureCache cache,
                        RunFolder run, TrainingListener listener) {
        Features train = features.train();
        List<String> classes = train.classes();
        int nVal = (int) Math.round(train.size() * config.training().validationSplit());
        int nTrain = train.size() - nVal;
        if (nTrain < classes.size()) {
            throw new EaselException("Only " + nTrain + " training images remain after training.validation_split "
                    + config.training().validationSplit() + "; add images or lower the split.");
        }
        int dim = train.dim();
        // augmented views of the head-training images (never validation or test), featurized once and cached
        FeatureStep.Outcome views = cfg.augment().enabled() ? augmentedViews(cfg, config.seed(), bb, train, nTrain, cache, listener) : null;
        FeatureScaler scaler = FeatureScaler.fit(Arrays.copyOf(train.x(), nTrain * dim), dim);
        float[] scaled = scaler.apply(train.x());
        LabeledData trainData = new LabeledData(Arrays.copyOf(scaled, nTrain * dim), Arrays.copyOf(train.labels(), nTrain), classes, dim, 1, 1);
        LabeledData valData = new LabeledData(Arrays.copyOfRange(scaled, nTrain * dim, train.size() * dim),
                Arrays.copyOfRange(train.labels(), nTrain, train.size()), classes, dim, 1, 1);
        double[] classWeights = "auto".equals(cfg.classWeights()) ? HeadFactory.balancedWeights(trainData.classCounts()) : null;
        MultiLayerNetwork head = HeadFactory.build(cfg.head(), config.training(), config.seed(), dim, classes.size(), classWeights, -1);
        ModelSummary summary = ModelSummary.of(head, new long[]{dim});
        AtomicFiles.writeString(run.summary(), summary.format());
        listener.onMessage("Head:\n" + summary.format());
        EpochData headData = views == null ? EpochData.fixed(trainData) : new EpochViews(trainData, train.files().subList(0, nTrain),
                scaler.apply(views.features().x()), views.features().files(), cfg.augment().copies(), config.seed());
        TrainingState state = new Trainer(config.training(), config.seed(), listener, (n, best, s) -> TransferExperiment.writeMetrics(run, s.history()))
                .fit(head, headData, valData, TrainingState.fresh(), null);
        return new HeadStep(classes, scaler, head, summary.format(), List.copyOf(state.history()), state.epochsDone(), classWeights, nTrain,
                describeAugmentation(cfg, views, nTrain), views == null ? 0 : views.features().size());
    }

    /** The head's weights in a copy without dropout: Grad-CAM's gradients must be deterministic. */
    MultiLayerNetwork inferenceCopy(ExperimentConfig config, TransferConfig cfg) {
        MultiLayerNetwork copy = HeadFactory.build(cfg.head(), config.training(), config.seed(), scaler.mean().length, classes.size(),
                classWeights, 0);
        copy.setParams(network.params().dup());
        return copy;
    }

    /** Pooled features of {@code copies} augmented views of each of the first {@code nTrain} training images, through the full frozen backbone. */
    private static FeatureStep.Outcome augmentedViews(TransferConfig cfg, long seed, Backbone bb, Features train, int nTrain, FeatureCache cache,
                                                      TrainingListener listener) {
        ImageSet headImages = new ImageSet(train.files().subList(0, nTrain), Arrays.copyOf(train.labels(), nTrain), train.classes());
        AugmentedSource source = new AugmentedSource(headImages, bb.reader(), cfg.augment(), seed);
        ImageSet views = source.views();
        String what = cfg.augment().copies() + " augmented view(s) of the " + nTrain + " head-training images";
        Featurizer featurizer = new Featurizer(bb.extractor(), bb.reader(), cfg.featurizeBatch(), listener);
        return FeatureStep.run(what, views, FeatureStep.key(bb, bb.freeze(), cfg.pooling(), views, cfg.augment().identity(seed)), cache,
                () -> featurizer.featurize(views, what, source), featurizer::imagesPerSecond, listener);
    }

    private static String describeAugmentation(TransferConfig cfg, FeatureStep.Outcome views, int nTrain) {
        if (views == null) {
            return "off (transfer.augment.copies: 0).";
        }
        AugmentConfig a = cfg.augment();
        return String.format("%d cached view(s) per head-training image (flip %s, crop %.2f-1 of the area, colour jitter +-%.2f); "
                        + "%s; every epoch draws one of the %d views (original included) per image, by seed and epoch. "
                        + "Validation and test images are never augmented.%s",
                a.copies(), a.flip() ? "on" : "off", a.cropScale(), a.jitter(), views.describe("views", views.features().size()), a.copies() + 1,
                cfg.fineTune().enabled() ? " Stage 2 trains on the unaugmented cached maps." : "");
    }
}
