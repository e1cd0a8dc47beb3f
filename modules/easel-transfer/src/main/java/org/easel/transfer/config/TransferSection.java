package org.easel.transfer.config;

import java.util.List;
import org.easel.core.config.ConfigSection;

/** Registers the {@code transfer:} section with the core config binder. */
public final class TransferSection implements ConfigSection {
    public static final String KEY = "transfer";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<String> tasks() {
        return List.of("transfer");
    }

    @Override
    public Class<? extends Record> type() {
        return TransferConfig.class;
    }
}
