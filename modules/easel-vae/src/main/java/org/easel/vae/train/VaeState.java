package org.easel.vae.train;

import java.util.List;

/** Where VAE training stands after an epoch; saved in checkpoints/state.json for --resume. */
public record VaeState(int epochsDone, List<VaeEpoch> history) {
    public static VaeState fresh() {
        return new VaeState(0, List.of());
    }

    public VaeEpoch last() {
        return history.isEmpty() ? null : history.get(history.size() - 1);
    }
}
