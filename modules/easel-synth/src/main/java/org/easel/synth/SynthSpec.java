package org.easel.synth;

import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.error.EaselException;

/**
 * What synthetic dataset to build. The defaults keep the seed course's counts: 2,777 financial and
 * 5,000 non-financial images, 500 of each held out for testing. Since generator 2.0 images are stored
 * at their natural size (a screenshot at screen resolution, a page at its dpi), and {@code size} caps
 * the long side: an image whose long side exceeds it is shrunk (area-averaged, aspect kept) to fit.
 * The default cap, 1920, keeps every screen at its real resolution; {@code size: 224} gives images whose
 * long side is 224 px (what generator 1's 224-px squares were used for).
 *
 * @param financialCount    images of financial content in total (train + test)
 * @param nonFinancialCount images without financial content in total (train + test)
 * @param testPerClass      images of each class held out in test/
 * @param size              cap on the long side of stored images in pixels (natural size below it)
 * @param seed              everything follows from it: same spec, same bytes
 * @param photosDir         optional folder of real photos used for non-financial images and backdrops; null = generated only
 */
public record SynthSpec(int financialCount, int nonFinancialCount, int testPerClass, int size, long seed, Path photosDir) {
    public static final int MIN_SIZE = 32;
    public static final int MAX_SIZE = 4096;
    /** The long-side cap that keeps screens at their real resolution (the largest drawn screen is 1920 px wide). */
    public static final int NATURAL = 1920;
    public static final int MAX_COUNT = 1_000_000;
    public static final SynthSpec DEFAULTS = new SynthSpec(2777, 5000, 500, NATURAL, 42L, null);

    public SynthSpec withPhotos(Path dir) {
        return new SynthSpec(financialCount, nonFinancialCount, testPerClass, size, seed, dir);
    }

    public int total() {
        return financialCount + nonFinancialCount;
    }

    /** Fails fast with a message naming the value, what was expected and what to do. */
    public void validate() {
        if (testPerClass < 1) {
            throw new EaselException("Synthetic data: test_per_class is " + testPerClass
                    + " but must be at least 1 (images of each class held out for testing). Use e.g. 500.");
        }
        if (financialCount <= testPerClass) {
            throw new EaselException("Synthetic data: financial_count (" + financialCount + ") must be larger than test_per_class ("
                    + testPerClass + ") so that some financial images are left for training. Raise financial_count or lower test_per_class.");
        }
        if (nonFinancialCount <= testPerClass) {
            throw new EaselException("Synthetic data: non_financial_count (" + nonFinancialCount + ") must be larger than test_per_class ("
                    + testPerClass + ") so that some non-financial images are left for training. Raise non_financial_count or lower test_per_class.");
        }
        if (financialCount > MAX_COUNT || nonFinancialCount > MAX_COUNT) {
            throw new EaselException("Synthetic data: financial_count (" + financialCount + ") and non_financial_count (" + nonFinancialCount
                    + ") must each be at most " + MAX_COUNT + ". The seed course uses 2777 and 5000.");
        }
        if (size < MIN_SIZE || size > MAX_SIZE) {
            throw new EaselException("Synthetic data: size is " + size + " px but must be between " + MIN_SIZE + " and " + MAX_SIZE
                    + " (cap on the long side of each image; " + NATURAL + " keeps screenshots at screen resolution, 224 shrinks them to the seed course's scale).");
        }
        if (photosDir != null && !Files.isDirectory(photosDir)) {
            throw new EaselException("Synthetic data: photos_dir " + photosDir.toAbsolutePath() + " does not exist or is not a folder. "
                    + "Point it at a folder of JPEG/PNG photos (e.g. a folder of your own photos) or leave it unset to use generated images only.");
        }
    }
}
