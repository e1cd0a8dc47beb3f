package org.easel.transfer.data;

import java.nio.file.Path;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.Datasets;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;

/**
 * Step 2 of a transfer run (and of {@code easel featurize}): the image lists of the {@code data:} section.
 * Transfer depends on images, not on how they were made: {@code dataset: image-folder} names a folder,
 * {@code dataset: synthetic} (module easel-synth) generates one first; {@link Datasets#imageRoot} decides.
 */
public final class TransferData {
    private TransferData() {
    }

    public static ImageFolders.Split split(ExperimentConfig config, TrainingListener listener) {
        Path root = Datasets.imageRoot(config.data(), config.seed(), listener::onMessage);
        if (root == null) {
            throw new EaselException("task transfer needs images: set data.dataset: image-folder with data.path, or data.dataset: synthetic "
                    + "(found data.dataset: " + config.data().dataset() + ").");
        }
        return ImageFolders.load(root, config.data().testFraction(), config.seed());
    }
}
