package org.easel.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.data.DataSplits;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Evaluation;
import org.easel.nets.BackboneWeights;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.report.Roc;

/**
 * Everything one transfer run found, in one record: the report, {@code result.json}, the metrics and
 * the headline are all written from it, so they cannot disagree.
 */
public record TransferOutcome(String name, String configYaml, TransferConfig cfg, String backboneName, String backboneDescription,
                              boolean modelFileBackbone, int inputSize, String freeze, BackboneWeights weights, int[] featureMap,
                              int featureSize, String headSummary, List<EpochMetrics> history, Evaluation test, float[][] testProbs,
                              Features testFeatures, Roc roc, double balancedAccuracy, List<DataSplits.SkippedFile> trainSkipped,
                              int upscaled, String trainFeaturize, String testFeaturize, double featurizeImagesPerSecond,
                              String augmentation, int augmentedViews, double dataSeconds, double trainSeconds, double totalSeconds,
                              double[] classWeights) {

    /** The run's numbers, as RunResult metrics. */
    public Map<String, Double> metrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("test_accuracy", test.accuracy());
        m.put("test_loss", test.loss());
        m.put("roc_auc", roc.auc());
        m.put("balanced_accuracy", balancedAccuracy);
        m.put("epochs", (double) history.size());
        m.put("seconds", totalSeconds);
        if (!Double.isNaN(featurizeImagesPerSecond)) {
            m.put("featurize_images_per_second", featurizeImagesPerSecond);
        }
        return m;
    }

    /** The content of result.json. */
    public Map<String, Object> result() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("test_accuracy", test.accuracy());
        r.put("test_loss", test.loss());
        r.put("roc_auc", roc.auc());
        r.put("balanced_accuracy", balancedAccuracy);
        r.put("epochs", history.size());
        r.put("weights_used", weights.used());
        r.put("featurize_images_per_second", featurizeImagesPerSecond);
        r.put("augmented_views", augmentedViews);
        r.put("seconds", totalSeconds);
        return r;
    }

    public String headline() {
        return String.format("Test accuracy %.4f, ROC AUC %.4f (%d test images), backbone %s/%s up to %s at %d px, %d epochs, %.0f s",
                test.accuracy(), roc.auc(), test.examples(), backboneName,
                modelFileBackbone ? "model file" : weights.fellBack() ? "random(fallback)" : cfg.weights(), freeze, inputSize, history.size(),
                totalSeconds);
    }
}
