package org.easel.core.model;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.DataConfig;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.config.LayerConfig;

/** Model helpers that need no data loaded: the input shape a config implies, and its summary. */
public final class Models {
    private Models() {
    }

    /** [channels, height, width] of the examples the config's dataset yields. */
    public static int[] inputShape(DataConfig data) {
        if ("image-folder".equals(data.dataset())) {
            return new int[]{data.channels(), data.imageSize().get(0), data.imageSize().get(1)};
        }
        return new int[]{1, 28, 28};
    }

    public static ModelSummary summaryOfConfig(ExperimentConfig cfg) {
        int[] in = inputShape(cfg.data());
        List<LayerConfig> layers = cfg.model().layers();
        int classes = layers.get(layers.size() - 1).units();
        MultiLayerNetwork net = ModelFactory.build(cfg.model(), cfg.training(), cfg.seed(), in[0], in[1], in[2], classes);
        return ModelSummary.of(net, new long[]{(long) in[0] * in[1] * in[2]});
    }
}
