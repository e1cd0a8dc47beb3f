package org.easel.core.config;

import java.util.List;

@Doc("Dataset and preprocessing")
public record DataConfig(
        @Doc("mnist, fashion-mnist, or image-folder") String dataset,
        @Doc("Data directory; null = $EASEL_DATA, else data/") String dir,
        @Doc("image-folder only: folder with one sub-folder per class (relative to the data dir, or absolute)") String path,
        @Doc("image-folder only: [height, width] every image is resized to") List<Integer> imageSize,
        @Doc("image-folder only: 1 = grayscale, 3 = RGB") int channels,
        @Doc("image-folder only: fraction of each class held out for testing") double testFraction,
        @Doc("Use only the first N training examples (0 = all); for quick trials") int trainLimit,
        @Doc("Use only the first N test examples (0 = all)") int testLimit,
        @Doc("Download missing files from the dataset's canonical URL (false = fail with a message)") boolean download)
        implements Validated {

    public static final List<String> DATASETS = List.of("mnist", "fashion-mnist", "image-folder");

    public static final DataConfig DEFAULTS = new DataConfig("mnist", null, null, List.of(64, 64), 3, 0.2, 0, 0, true);

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
