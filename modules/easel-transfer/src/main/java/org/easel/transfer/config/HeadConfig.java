package org.easel.transfer.config;

import java.util.List;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

@Doc("The classifier head on top of the frozen features")
public record HeadConfig(
        @Doc("Units of the hidden dense layers (ReLU), in order; [] = a linear softmax classifier") List<Integer> dense,
        @Doc("Dropout rate before each dense layer and the output (0 = none)") double dropout) implements Validated {

    public static final HeadConfig DEFAULTS = new HeadConfig(List.of(256), 0.5);

    @Override
    public void validate(Checks c) {
        c.require(dense.stream().allMatch(u -> u != null && u > 0), "dense", "every entry must be > 0, found " + dense);
        c.fraction(dropout, "dropout");
    }
}
