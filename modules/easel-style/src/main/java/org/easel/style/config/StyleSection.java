package org.easel.style.config;

import org.easel.core.config.ConfigSection;

/** Registers the {@code style:} section with the config binder. */
public final class StyleSection implements ConfigSection {
    public static final String KEY = "style";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Class<? extends Record> type() {
        return StyleConfig.class;
    }
}
