package org.easel.transfer.config;

import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

@Doc("The synthetic financial-image dataset (module easel-synth), generated once and cached")
public record SyntheticConfig(
        @Doc("Financial images (receipts, invoices, cheques, statements, charts); 0 = use data: instead") int financialCount,
        @Doc("Non-financial images") int nonFinancialCount,
        @Doc("Test images per class, drawn from the counts above") int testPerClass,
        @Doc("Side of the generated square images in pixels") int size,
        @Doc("Optional folder of real photos used as non-financial backgrounds; null = drawn scenes only") String photosDir,
        @Doc("Where the generated dataset is cached") String dir) implements Validated {

    public static final SyntheticConfig DEFAULTS = new SyntheticConfig(0, 0, 500, 224, null, "data/synthetic");

    public boolean enabled() {
        return financialCount > 0;
    }

    @Override
    public void validate(Checks c) {
        c.require(financialCount >= 0, "financial_count", "must be >= 0, found " + financialCount);
        c.require(nonFinancialCount >= 0, "non_financial_count", "must be >= 0, found " + nonFinancialCount);
        if (enabled()) {
            c.positive(nonFinancialCount, "non_financial_count");
            c.require(testPerClass > 0 && testPerClass < Math.min(financialCount, nonFinancialCount), "test_per_class",
                    "must be > 0 and below both class counts, found " + testPerClass);
        }
        c.require(size >= 32 && size <= 1024, "size", "must be 32..1024 pixels, found " + size);
    }
}
