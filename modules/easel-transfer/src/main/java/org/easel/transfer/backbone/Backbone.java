package org.easel.transfer.backbone;

import java.util.List;
import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.easel.core.run.Provenance;
import org.easel.nets.BackboneWeights;
import org.easel.nets.Networks;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.FeatureExtractor;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.model.TransferInfo;
import org.easel.transfer.model.TransferModel;

/**
 * {@code transfer.backbone} resolved, in one place ({@link #resolve}), before any data work: a built-in
 * network from easel-nets with its weights (run in SameDiff), or a model file cut at the freeze layer.
 * Everything a run, Spark featurizing and the saved model need from it comes from here, the same way
 * for both kinds: the feature extractor, the image reader, the cache identity and the report's words.
 */
public sealed interface Backbone permits BuiltInBackbone, ModelFile {

    /** Resolves {@code transfer.backbone}, its weights and the freeze layer; bad names, files and sizes fail here. */
    static Backbone resolve(TransferConfig cfg, boolean download, long seed) {
        if (!isModelFile(cfg.backbone())) {
            return BuiltInBackbone.resolve(cfg, download, seed);
        }
        if (cfg.fineTune().enabled()) {
            throw new EaselException("transfer.fine_tune.unfreeze_from is set ('" + cfg.fineTune().unfreezeFrom() + "'), but stage 2 is "
                    + "not supported for model-file backbones (transfer.backbone: " + cfg.backbone() + "): it trains built-in "
                    + "backbones' layers in SameDiff. Remove transfer.fine_tune, or use " + String.join(", ", Networks.names()) + ".");
        }
        return ModelFile.resolve(cfg);
    }

    /** True when {@code backbone} names a model file rather than a built-in network. */
    static boolean isModelFile(String backbone) {
        String b = backbone.toLowerCase(Locale.ROOT);
        return !Networks.isBuiltIn(b) && (b.endsWith(".zip") || b.endsWith(".h5") || b.endsWith(".hdf5") || b.contains("/") || b.contains("\\"));
    }

    /** The name the report and the saved model show: the network's, or the model file's. */
    String name();

    String description();

    /** The last frozen layer: its output is the feature map. */
    String freeze();

    /** Square input size in pixels. */
    int inputSize();

    /** What the weights are (for the report and cache keys) and their preprocessing. */
    BackboneWeights weights();

    FeatureExtractor extractor();

    ImageReader reader();

    /** The backbone's part of the feature-cache key (the weights identity carries the file hash). */
    String cacheName();

    /** The saved model: this backbone (with {@code trained} weights after a stage-2 fine-tune), scaling and head. */
    TransferModel model(BackboneWeights trained, List<String> classes, String pooling, FeatureScaler scaler, MultiLayerNetwork head);

    /** What a saved model records about this backbone; {@code inputFormat} is a model file's layout (NCHW/NHWC), null for built-ins. */
    default TransferInfo info(BackboneWeights trained, List<String> classes, String pooling, FeatureScaler scaler, String inputFormat) {
        return new TransferInfo(TransferInfo.KIND, name(), freeze(), inputSize(), pooling, trained.preprocessing().name(), trained.used(),
                classes, scaler.mean(), scaler.std(), Provenance.easelVersion(), reader().channels(), inputFormat);
    }

    /** This backbone as a built-in network, or an error naming {@code feature} as not available for model files. */
    default BuiltInBackbone builtIn(String feature) {
        if (this instanceof BuiltInBackbone b) {
            return b;
        }
        throw new EaselException(feature + " is not supported for model-file backbones (transfer.backbone: " + name() + "): it needs the "
                + "layers of a built-in network (" + String.join(", ", Networks.names()) + ").");
    }
}
