package org.easel.synth;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.easel.core.config.DataConfig;
import org.easel.core.config.SyntheticConfig;
import org.easel.core.data.ImageSourceProvider;

/** {@code data.dataset: synthetic}: the generated financial-image dataset as an image folder, made once and cached. */
public final class SyntheticImages implements ImageSourceProvider {
    @Override
    public String dataset() {
        return "synthetic";
    }

    @Override
    public Path ensure(DataConfig data, long seed, Consumer<String> progress) {
        SyntheticConfig cfg = data.synthetic();
        SynthSpec spec = new SynthSpec(cfg.financialCount(), cfg.nonFinancialCount(), cfg.testPerClass(), cfg.size(), seed,
                cfg.photosDir() == null ? null : Path.of(cfg.photosDir()));
        return SynthDataset.ensure(spec, Path.of(cfg.dir()), (done, total) -> {
            if (done == total || done % Math.max(1, total / 10) == 0) {
                progress.accept("Generating synthetic images: " + done + "/" + total);
            }
        });
    }
}
