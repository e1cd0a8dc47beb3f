package org.easel.transfer.data;

import java.nio.file.Path;
import org.easel.core.train.TrainingListener;
import org.easel.synth.SynthDataset;
import org.easel.synth.SynthSpec;
import org.easel.transfer.config.SyntheticConfig;

/**
 * The synthetic financial-image dataset of module easel-synth, generated once into the cache dir:
 * {@code root/{train,test}/{financial,non_financial}/}.
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    public static Path ensure(SyntheticConfig cfg, long seed, TrainingListener listener) {
        SynthSpec spec = new SynthSpec(cfg.financialCount(), cfg.nonFinancialCount(), cfg.testPerClass(), cfg.size(), seed,
                cfg.photosDir() == null ? null : Path.of(cfg.photosDir()));
        return SynthDataset.ensure(spec, Path.of(cfg.dir()), (done, total) -> {
            if (done == total || done % Math.max(1, total / 10) == 0) {
                listener.onMessage("Generating synthetic images: " + done + "/" + total);
            }
        });
    }
}
