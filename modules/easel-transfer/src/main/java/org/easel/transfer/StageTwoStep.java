package org.easel.transfer;

import java.util.ArrayList;
import java.util.List;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.TrainingListener;
import org.easel.nets.BackboneWeights;
import org.easel.transfer.backbone.BuiltInBackbone;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.finetune.FineTuner;

/** Step 5 (optional): stage 2 trains the top of the backbone with the head on the cached maps below it. */
final class StageTwoStep {
    private StageTwoStep() {
    }

    /** What stage 2 changed: the backbone weights, the test features they give, and the history of both stages. */
    record Result(BackboneWeights weights, Features test, List<EpochMetrics> history) {
    }

    static Result fit(ExperimentConfig config, TransferConfig cfg, BuiltInBackbone bb, FeatureSteps.StageTwoInputs maps, HeadStep head,
                      TrainingListener listener) {
        listener.onMessage(String.format("Stage 2: training %s..%s with the head at learning rate %s for %d epochs",
                bb.network().layers().get(maps.from()).name(), bb.freeze(), cfg.fineTune().learningRate(), cfg.fineTune().epochs()));
        FineTuner tuner = new FineTuner(bb.network(), maps.from(), bb.last(), bb.weights(), maps.mapShape(), cfg.pooling(), head.scaler(),
                head.network(), head.classWeights(), cfg.head().dropout(), cfg.fineTune(), config.seed(), listener);
        FineTuner.Result r = tuner.fit(maps.trainMaps().x(), maps.trainMaps().labels(), head.nTrain(), head.stage1Epochs());
        head.network().setParams(tuner.headParams(head.network()));
        Features testMaps = maps.testMaps();
        int dim = head.scaler().mean().length;
        Features test = new Features(tuner.pooledFeatures(testMaps.x(), testMaps.size(), dim), dim, testMaps.labels(), testMaps.files(),
                testMaps.classes(), testMaps.skipped());
        List<EpochMetrics> history = new ArrayList<>(head.history());
        history.addAll(r.history());
        return new Result(r.weights(), test, history);
    }
}
