package org.easel.core.config;

import java.util.List;

@Doc("A sequential network, listed layer by layer like a Keras Sequential model")
public record ModelConfig(
        @Doc("Layers in order; the last one is the classifier (its units = number of classes)") List<LayerConfig> layers,
        @Doc("Weight initialisation: glorot_uniform (Keras default), he_normal, xavier") String init,
        @Doc("L2 weight decay on every layer (0 = none)") double l2) implements Validated {

    public static final List<String> INITS = List.of("glorot_uniform", "he_normal", "xavier");

    public static final ModelConfig DEFAULTS = new ModelConfig(List.of(), "glorot_uniform", 0.0);

    @Override
    public void validate(Checks checks) {
        checks.oneOf(init, "init", INITS);
        checks.require(l2 >= 0, "l2", "must be >= 0, found " + l2);
        if (!layers.isEmpty()) {
            LayerConfig last = layers.get(layers.size() - 1);
            checks.require("dense".equals(last.type()) && "softmax".equals(last.activation()), "layers",
                    "the last layer must be {type: dense, activation: softmax} (the classifier); found type "
                            + last.type() + " with activation " + last.activation());
        }
    }
}
