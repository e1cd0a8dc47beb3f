package org.easel.synth;

import java.nio.file.Path;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;

/**
 * The one call the data layer needs: a ready dataset folder (train/ and test/, one sub-folder
 * per class) for a spec, generated on first use and reused afterwards.
 */
public final class SynthDataset {
    private SynthDataset() {
    }

    /** The folder for {@code spec} under {@code cacheDir}, generated if absent or incomplete. */
    public static Path ensure(SynthSpec spec, Path cacheDir) {
        return ensure(spec, cacheDir, SynthProgress.NONE);
    }

    public static Path ensure(SynthSpec spec, Path cacheDir, SynthProgress progress) {
        if (cacheDir == null) {
            throw new EaselException("Synthetic data: no cache folder given. Set data.path (or the cache directory) to where generated images may be written.");
        }
        FinancialImageGenerator generator = new FinancialImageGenerator(spec);
        Path root = cacheDir.resolve(folderName(spec));
        generator.generateIfAbsent(root, progress);
        return root;
    }

    /** Reports generation progress to a training listener as messages, every 10%. */
    public static SynthProgress toListener(TrainingListener listener) {
        return (done, total) -> {
            if (done == total || done % Math.max(1, total / 10) == 0) {
                listener.onMessage("Generating synthetic images: " + done + "/" + total);
            }
        };
    }

    /**
     * A readable folder name that differs whenever the images would. It starts with the generator version, so a
     * cache of another version sits in another folder and is left as it is (a 1.0 folder stays a readable image folder).
     */
    public static String folderName(SynthSpec spec) {
        return "financial-synth-v" + FinancialImageGenerator.GENERATOR_VERSION + "-" + spec.financialCount() + "f-" + spec.nonFinancialCount() + "n-"
                + spec.testPerClass() + "t-" + spec.size() + "px-seed" + spec.seed() + (spec.photosDir() == null ? "" : "-photos");
    }
}
