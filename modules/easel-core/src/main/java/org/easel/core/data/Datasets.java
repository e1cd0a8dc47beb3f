package org.easel.core.data;

import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.easel.core.config.DataConfig;
import org.easel.core.error.EaselException;

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

    /**
     * The folder of an image dataset: {@code data.path} for image-folder (absolute, relative to the working
     * directory, else to the data dir), or the folder a provider made (synthetic). Null for IDX datasets.
     */
    public static Path imageRoot(DataConfig config, long seed, Consumer<String> progress) {
        if ("image-folder".equals(config.dataset())) {
            Path root = Path.of(config.path());
            return root.isAbsolute() || root.toFile().exists() ? root : dataDir(config).resolve(config.path());
        }
        if (!DataConfig.IMAGE_DATASETS.contains(config.dataset())) {
            return null;
        }
        for (ImageSourceProvider p : ServiceLoader.load(ImageSourceProvider.class)) {
            if (p.dataset().equals(config.dataset())) {
                return p.ensure(config, seed, progress);
            }
        }
        throw new EaselException("data.dataset: " + config.dataset() + " needs the module that provides it (easel-synth for synthetic) "
                + "on the classpath; the easel launcher has it.");
    }

    public static DataSplits load(DataConfig config, long seed) {
        Path dir = dataDir(config);
        DataSplits splits;
        if ("synthetic".equals(config.dataset())) {
            throw new EaselException("data.dataset: synthetic is read by task transfer (train/ and test/ folders); task classify reads "
                    + "mnist, fashion-mnist or image-folder.");
        }
        Path root = imageRoot(config, seed, line -> { });
        if (root != null) {
            splits = ImageFolderDataset.load(root, config.imageSize().get(0), config.imageSize().get(1),
                    config.channels(), config.testFraction(), seed);
        } else {
            splits = IdxDatasets.load(IdxDatasets.byName(config.dataset()), dir, config.download(), System.getProperty(MIRROR_PROPERTY));
        }
        return new DataSplits(splits.datasetName(), splits.train().limit(config.trainLimit()),
                splits.test().limit(config.testLimit()), splits.skipped());
    }
}
