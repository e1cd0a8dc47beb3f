package org.easel.core.config;

import java.util.List;

@Doc("One layer; which keys matter depends on its type")
public record LayerConfig(
        @Doc("dense, dropout, conv2d, maxpool, batchnorm, flatten") String type,
        @Doc("dense: output units") int units,
        @Doc("dense/conv2d: relu, softmax, sigmoid, tanh, linear, elu, leakyrelu") String activation,
        @Doc("dropout: fraction of inputs dropped, as in Keras layer_dropout(rate)") double rate,
        @Doc("conv2d: number of filters") int filters,
        @Doc("conv2d/maxpool: [height, width] of the window") List<Integer> kernel,
        @Doc("conv2d/maxpool: [height, width] step; empty = 1 for conv, kernel for pool") List<Integer> stride,
        @Doc("conv2d/maxpool: valid or same") String padding) implements Validated {

    public static final List<String> TYPES = List.of("dense", "dropout", "conv2d", "maxpool", "batchnorm", "flatten");
    public static final List<String> ACTIVATIONS = List.of("relu", "softmax", "sigmoid", "tanh", "linear", "elu", "leakyrelu");

    public static final LayerConfig DEFAULTS = new LayerConfig(null, 0, "relu", 0.0, 0, List.of(3, 3), List.of(), "valid");

    @Override
    public void validate(Checks checks) {
        checks.require(type != null, "type", "every layer needs a type: " + String.join(", ", TYPES));
        checks.oneOf(type, "type", TYPES);
        checks.oneOf(activation, "activation", ACTIVATIONS);
        checks.oneOf(padding, "padding", List.of("valid", "same"));
        if ("dense".equals(type)) {
            checks.positive(units, "units");
        }
        if ("dropout".equals(type)) {
            checks.require(rate > 0 && rate < 1, "rate", "dropout rate must be in (0, 1), found " + rate);
        }
        if ("conv2d".equals(type)) {
            checks.positive(filters, "filters");
        }
        if ("conv2d".equals(type) || "maxpool".equals(type)) {
            checks.require(kernel.size() == 2 && kernel.stream().allMatch(k -> k > 0), "kernel", "must be [height, width] > 0, found " + kernel);
            checks.require(stride.isEmpty() || (stride.size() == 2 && stride.stream().allMatch(k -> k > 0)), "stride",
                    "must be [height, width] > 0 or empty, found " + stride);
        }
    }
}
