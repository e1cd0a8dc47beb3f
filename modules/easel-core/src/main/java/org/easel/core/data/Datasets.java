package org.easel.core.data;

import java.nio.file.Path;
import org.easel.core.config.DataConfig;

/** Entry point: turns the data section of a config into loaded train/test splits. */
public final class Datasets {
    /** Environment variable naming the data dir when the config does not. */
    public static final String DATA_ENV = "EASEL_DATA";
    /** System property that overrides dataset download base URLs (tests use a local file server). */
    public static final String MIRROR_PROPERTY = "easel.data.mirror";

    private Datasets() {
    }

    /** Config key, then $EASEL_DATA, then ./data. */
    public static Path dataDir(DataConfig config) {
        if (config.dir() != null && !config.dir().isBlank()) {
            return Path.of(config.dir());
        }
        String env = System.getenv(DATA_ENV);
        return Path.of(env != null && !env.isBlank() ? env : "data");
    }

    public static DataSplits load(DataConfig config, long seed) {
        Path dir = dataDir(config);
        DataSplits splits;
        if ("image-folder".equals(config.dataset())) {
            Path root = Path.of(config.path());
            if (!root.isAbsolute() && !root.toFile().exists()) {
                root = dir.resolve(config.path());
            }
            splits = ImageFolderDataset.load(root, config.imageSize().get(0), config.imageSize().get(1),
                    config.channels(), config.testFraction(), seed);
        } else {
            splits = IdxDatasets.load(IdxDatasets.byName(config.dataset()), dir, config.download(), System.getProperty(MIRROR_PROPERTY));
        }
        return new DataSplits(splits.datasetName(), splits.train().limit(config.trainLimit()),
                splits.test().limit(config.testLimit()), splits.skipped());
    }
}
