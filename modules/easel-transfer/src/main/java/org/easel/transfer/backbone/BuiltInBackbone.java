package org.easel.transfer.backbone;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.nets.BackboneWeights;
import org.easel.nets.Network;
import org.easel.nets.Networks;
import org.easel.nets.WeightsStore;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageReader;
import org.easel.transfer.head.FeatureScaler;
import org.easel.transfer.model.TransferModel;

/**
 * A built-in network of easel-nets cut at {@code freeze_up_to}, with its resolved weights; its frozen part
 * runs in SameDiff ({@link FrozenBackbone}).
 *
 * @param last index of the freeze layer in {@code network}
 */
public record BuiltInBackbone(Network network, int last, int inputSize, BackboneWeights weights, FrozenBackbone extractor,
                              ImageReader reader) implements Backbone {

    /** What to do when the input is too small for the cut, in the words of the config. */
    public static final String TOO_SMALL_HINT = "Raise transfer.input_size, or freeze at an earlier layer (transfer.freeze_up_to).";

    static BuiltInBackbone resolve(TransferConfig cfg, boolean download, long seed) {
        Network net = Networks.get(cfg.backbone(), "transfer.backbone");
        String freeze = cfg.freezeUpTo() != null ? cfg.freezeUpTo() : net.defaultCut();
        int last = net.indexOf(freeze, "transfer.freeze_up_to");
        int size = cfg.builtInInputSize();
        net.outputShape(size, size, last, TOO_SMALL_HINT); // fails fast, before any weights or data work
        BackboneWeights weights = BackboneWeights.resolve(net, last, cfg.weights(), "random".equals(cfg.fallback()), seed,
                WeightsStore.of(cfg.pretrainedDir(), download), "transfer.weights");
        return of(net, last, size, weights, cfg.pooling());
    }

    /** The backbone for known weights (a saved model, a Spark executor). */
    public static BuiltInBackbone of(Network net, int last, int size, BackboneWeights weights, String pooling) {
        return new BuiltInBackbone(net, last, size, weights, new FrozenBackbone(net, last, weights, size, pooling),
                new ImageReader(size, weights.preprocessing()));
    }

    @Override
    public String name() {
        return network.name();
    }

    @Override
    public String description() {
        return network.description();
    }

    @Override
    public String freeze() {
        return network.layers().get(last).name();
    }

    @Override
    public String cacheName() {
        return network.name();
    }

    @Override
    public TransferModel model(BackboneWeights trained, List<String> classes, String pooling, FeatureScaler scaler, MultiLayerNetwork head) {
        return new TransferModel(info(trained, classes, pooling, scaler, null), trained, head);
    }
}
