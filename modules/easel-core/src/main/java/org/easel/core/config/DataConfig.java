package org.easel.core.config;

import java.util.List;

/**
 * The {@code data:} section: which dataset (its kind) and how it is split and limited. Image datasets
 * (image-folder, synthetic) end up as a folder of class sub-folders that tasks read the same way; a later
 * mix of sources extends this section with a list of such datasets.
 */
@Doc("Dataset and preprocessing")
public record DataConfig(
        @Doc("mnist, fashion-mnist, image-folder, or synthetic (the generated financial-image dataset; see data.synthetic)") String dataset,
        @Doc("Data directory; null = $EASEL_DATA, else data/") String dir,
        @Doc("image-folder only: folder with one sub-folder per class (relative to the data dir, or absolute)") String path,
        @Doc("image-folder only: [height, width] every image is resized to") List<Integer> imageSize,
        @Doc("image-folder only: 1 = grayscale, 3 = RGB") int channels,
        @Doc("image-folder only: fraction of each class held out for testing") double testFraction,
        @Doc("Use only the first N training examples (0 = all); for quick trials") int trainLimit,
        @Doc("Use only the first N test examples (0 = all)") int testLimit,
        @Doc("Download missing files from the dataset's canonical URL (false = fail with a message)") boolean download,
        @Doc("dataset: synthetic only: the generator's settings") SyntheticConfig synthetic)
        implements Validated {

    public static final List<String> DATASETS = List.of("mnist", "fashion-mnist", "image-folder", "synthetic");
    /** The datasets that are folders of images (class sub-folders), as opposed to IDX arrays. */
    public static final List<String> IMAGE_DATASETS = List.of("image-folder", "synthetic");

    public static final DataConfig DEFAULTS = new DataConfig("mnist", null, null, List.of(64, 64), 3, 0.2, 0, 0, true,
            SyntheticConfig.DEFAULTS);

    @Override
    public void validate(Checks checks) {
        checks.oneOf(dataset, "dataset", DATASETS);
        checks.require(imageSize.size() == 2 && imageSize.stream().allMatch(s -> s >= 8 && s <= 4096), "image_size",
                "must be [height, width], each 8..4096, found " + imageSize);
        checks.require(channels == 1 || channels == 3, "channels", "must be 1 (grayscale) or 3 (RGB), found " + channels);
        checks.fraction(testFraction, "test_fraction");
        checks.require(trainLimit >= 0, "train_limit", "must be >= 0 (0 = all), found " + trainLimit);
        checks.require(testLimit >= 0, "test_limit", "must be >= 0 (0 = all), found " + testLimit);
        if ("image-folder".equals(dataset)) {
            checks.require(path != null && !path.isBlank(), "path", "dataset image-folder needs data.path: a folder with one sub-folder per class");
        }
    }
}
