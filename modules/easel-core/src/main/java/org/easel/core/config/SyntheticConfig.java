package org.easel.core.config;

/**
 * {@code data.synthetic}: the synthetic financial-image generator's settings (module easel-synth), used when
 * {@code data.dataset} is {@code synthetic}. The images are generated once into {@code dir} and then read
 * like any image folder ({@code dir/<spec>/{train,test}/{financial,non_financial}/}).
 */
@Doc("data.dataset: synthetic only: the synthetic financial-image dataset (module easel-synth), generated once and cached")
public record SyntheticConfig(
        @Doc("Financial images (receipts, invoices, cheques, statements, charts)") int financialCount,
        @Doc("Non-financial images") int nonFinancialCount,
        @Doc("Test images per class, drawn from the counts above") int testPerClass,
        @Doc("Side of the generated square images in pixels") int size,
        @Doc("Optional folder of real photos used as non-financial backgrounds; null = drawn scenes only") String photosDir,
        @Doc("Where the generated dataset is cached") String dir) implements Validated {

    /** The seed's dataset: 2,777 financial and 5,000 non-financial images, 500 of each held out. */
    public static final SyntheticConfig DEFAULTS = new SyntheticConfig(2777, 5000, 500, 224, null, "data/synthetic");

    @Override
    public void validate(Checks c) {
        c.positive(financialCount, "financial_count");
        c.positive(nonFinancialCount, "non_financial_count");
        c.require(testPerClass > 0 && testPerClass < Math.min(financialCount, nonFinancialCount), "test_per_class",
                "must be > 0 and below both class counts, found " + testPerClass);
        c.require(size >= 32 && size <= 1024, "size", "must be 32..1024 pixels, found " + size);
        c.require(dir != null && !dir.isBlank(), "dir", "must name the folder the generated images are cached in");
    }
}
