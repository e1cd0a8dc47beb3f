package org.easel.core.train;

import org.easel.core.data.LabeledData;

/**
 * The training examples of one epoch. Usually the same every epoch; augmentation supplies a different
 * (seeded) variant of each example per epoch, always with the same size, labels and order.
 */
@FunctionalInterface
public interface EpochData {
    LabeledData forEpoch(int epoch);

    static EpochData fixed(LabeledData data) {
        return epoch -> data;
    }
}
