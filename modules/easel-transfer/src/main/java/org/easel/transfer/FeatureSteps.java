package org.easel.transfer;

import java.util.Arrays;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import org.easel.nets.Network;
import org.easel.transfer.backbone.Backbone;
import org.easel.transfer.backbone.BuiltInBackbone;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.featurize.FeatureCache;
import org.easel.transfer.featurize.FeatureStep;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.featurize.Featurizer;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageSet;

/** Step 3 of a transfer run: the training and test images through the frozen backbone, once, cached. */
final class FeatureSteps {
    private FeatureSteps() {
    }

    /**
     * Pooled stage-1 features of both splits and how they were made; with stage 2, also the cached maps it trains on.
     */
    record Stage1(Features train, Features test, FeatureStep.Outcome trainStep, FeatureStep.Outcome testStep, StageTwoInputs stageTwo) {
    }

    /**
     * Stage 2 trains on the cached maps of the layer below {@code unfreeze_from}; the stage-1 features are
     * computed from those maps by the frozen upper layers, so the images go through the backbone once.
     */
    record StageTwoInputs(int from, int[] mapShape, Features trainMaps, Features testMaps) {
    }

    static Stage1 stage1(TransferConfig cfg, Backbone bb, FeatureCache cache, ImageFolders.Split split, TrainingListener listener) {
        Stage1 s = cfg.fineTune().enabled() ? viaStageTwoMaps(cfg, bb.builtIn("transfer.fine_tune"), cache, split, listener)
                : direct(cfg, bb, cache, split, listener);
        requireEveryClass(s.train(), "training");
        requireEveryClass(s.test(), "test");
        return s;
    }

    private static Stage1 direct(TransferConfig cfg, Backbone bb, FeatureCache cache, ImageFolders.Split split, TrainingListener listener) {
        Featurizer featurizer = new Featurizer(bb.extractor(), bb.reader(), cfg.featurizeBatch(), listener);
        FeatureStep.Outcome train = featurize("training images", split.train(), bb, bb.freeze(), cfg.pooling(), cache, featurizer, listener);
        FeatureStep.Outcome test = featurize("test images", split.test(), bb, bb.freeze(), cfg.pooling(), cache, featurizer, listener);
        return new Stage1(train.features(), test.features(), train, test, null);
    }

    private static Stage1 viaStageTwoMaps(TransferConfig cfg, BuiltInBackbone bb, FeatureCache cache, ImageFolders.Split split,
                                          TrainingListener listener) {
        Network net = bb.network();
        int last = bb.last();
        int size = bb.inputSize();
        String unfreeze = cfg.fineTune().unfreezeFrom();
        int from = net.indexOf(unfreeze, "transfer.fine_tune.unfreeze_from"); // unknown names fail here, listing the valid ones
        if (from < 1 || from > last) {
            throw new EaselException("transfer.fine_tune.unfreeze_from '" + unfreeze + "' must come after the first layer and not after "
                    + "transfer.freeze_up_to (" + bb.freeze() + "); choose one of " + String.join(", ", net.layerNames().subList(1, last + 1)) + ".");
        }
        String below = net.layers().get(from - 1).name();
        FrozenBackbone lower = new FrozenBackbone(net, from - 1, bb.weights(), size, FrozenBackbone.MAP);
        listener.onMessage(String.format("Stage 2 will train %s..%s; featurizing once up to %s (map %s), cached",
                unfreeze, bb.freeze(), below, Arrays.toString(lower.featureMapShape())));
        Featurizer mapFeaturizer = new Featurizer(lower, bb.reader(), cfg.featurizeBatch(), listener);
        FeatureStep.Outcome trainMaps = featurize("training images", split.train(), bb, below, FrozenBackbone.MAP, cache, mapFeaturizer, listener);
        FeatureStep.Outcome testMaps = featurize("test images", split.test(), bb, below, FrozenBackbone.MAP, cache, mapFeaturizer, listener);
        FrozenBackbone upper = new FrozenBackbone(net, from, last, bb.weights(), size, cfg.pooling());
        return new Stage1(pooled(upper, trainMaps.features(), cfg), pooled(upper, testMaps.features(), cfg), trainMaps, testMaps,
                new StageTwoInputs(from, lower.featureMapShape(), trainMaps.features(), testMaps.features()));
    }

    private static Features pooled(FrozenBackbone upper, Features maps, TransferConfig cfg) {
        return new Features(upper.features(maps.x(), maps.size(), cfg.featurizeBatch()), upper.featureSize(), maps.labels(), maps.files(),
                maps.classes(), maps.skipped());
    }

    static FeatureStep.Outcome featurize(String what, ImageSet images, Backbone bb, String layer, String pooling, FeatureCache cache,
                                         Featurizer featurizer, TrainingListener listener) {
        return FeatureStep.run(what, images, FeatureStep.key(bb, layer, pooling, images, null), cache,
                () -> featurizer.featurize(images, what), featurizer::imagesPerSecond, listener);
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
}
