package org.easel.transfer;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.easel.core.run.Provenance;
import org.easel.core.weights.PretrainedStore;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.backbone.BackboneRegistry;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.FeatureExtractor;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.model.TransferInfo;
import org.easel.transfer.model.TransferModel;
import org.easel.transfer.modelfile.ModelFileBackbone;
import org.easel.transfer.weights.BackboneWeights;
import org.easel.transfer.weights.WeightsResolver;

/**
 * The backbone of one transfer run, resolved from {@code transfer:} before any data work: a built-in
 * architecture with its weights (run in SameDiff), or a model file cut at the freeze layer. Everything the
 * run needs from it — the feature extractor, the image reader, the cache-key name, the report's description
 * and the saved model — comes from here, the same way for both kinds.
 *
 * @param arch    the built-in architecture, null for a model file
 * @param last    index of the freeze stage of {@code arch}; -1 for a model file
 * @param file    the model-file backbone, null for a built-in one
 * @param cacheName the backbone's part of the feature-cache key (the weights identity carries the file hash)
 */
record RunBackbone(String cacheName, String description, String freeze, int inputSize, BackboneWeights weights, FeatureExtractor extractor,
                   ImageReader reader, Architecture arch, int last, ModelFileBackbone file) {

    static RunBackbone resolve(TransferConfig cfg, boolean download, long seed) {
        if (BackboneRegistry.isModelFile(cfg.backbone())) {
            if (cfg.fineTune().enabled()) {
                throw new EaselException("transfer.fine_tune.unfreeze_from is set ('" + cfg.fineTune().unfreezeFrom() + "'), but stage 2 is "
                        + "not supported for model-file backbones (transfer.backbone: " + cfg.backbone() + "): it trains built-in "
                        + "backbones' layers in SameDiff. Remove transfer.fine_tune, or use vgg16, alexnet or squeezenet.");
            }
            ModelFileBackbone m = ModelFileBackbone.resolve(cfg);
            ImageReader reader = new ImageReader(m.inputSize(), m.channels(), m.weights().preprocessing());
            return new RunBackbone("file:" + m.name(), m.description(), m.freeze(), m.inputSize(), m.weights(), m.backbone(), reader, null, -1, m);
        }
        Architecture arch = BackboneRegistry.get(cfg.backbone());
        String freeze = cfg.freezeUpTo() != null ? cfg.freezeUpTo() : arch.defaultFreeze();
        int last = arch.indexOf(freeze);
        int size = cfg.builtInInputSize();
        arch.outputShape(size, last); // fails fast, before any weights or data work, if the input is too small
        BackboneWeights weights = new WeightsResolver(PretrainedStore.defaultDir(cfg.pretrainedDir()), download)
                .resolve(arch, last, cfg.weights(), cfg.fallback(), seed);
        FrozenBackbone backbone = new FrozenBackbone(arch, last, weights, size, cfg.pooling());
        return new RunBackbone(arch.name(), arch.description(), freeze, size, weights, backbone, new ImageReader(size, weights.preprocessing()),
                arch, last, null);
    }

    String name() {
        return file != null ? file.name() : arch.name();
    }

    boolean isModelFile() {
        return file != null;
    }

    /** The saved model: this backbone (with {@code trained} weights after a stage-2 fine-tune), scaling and head. */
    TransferModel model(BackboneWeights trained, List<String> classes, String pooling, FeatureScaler scaler, MultiLayerNetwork head) {
        TransferInfo info = new TransferInfo(TransferInfo.KIND, name(), freeze, inputSize, pooling, trained.preprocessing().name(),
                trained.used(), classes, scaler.mean(), scaler.std(), Provenance.easelVersion(), reader.channels(),
                file != null ? file.backbone().inputFormat().name() : null);
        return file != null ? new TransferModel(info, file.backbone(), trained, head) : new TransferModel(info, trained, head);
    }
}
