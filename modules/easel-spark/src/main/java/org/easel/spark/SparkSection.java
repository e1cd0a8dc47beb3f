package org.easel.spark;

import org.easel.core.config.ConfigSection;

/** Registers the {@code spark:} section with the core config binder. */
public final class SparkSection implements ConfigSection {
    public static final String KEY = "spark";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Class<? extends Record> type() {
        return SparkConfig.class;
    }
}
