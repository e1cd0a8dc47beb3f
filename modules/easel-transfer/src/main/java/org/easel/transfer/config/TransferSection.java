package org.easel.transfer.config;

import org.easel.core.config.ConfigSection;

/** Registers the {@code transfer:} section with the core config binder. */
public final class TransferSection implements ConfigSection {
    public static final String KEY = "transfer";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Class<? extends Record> type() {
        return TransferConfig.class;
    }
}
