package org.easel.style.config;

import java.util.List;
import org.easel.core.config.ConfigSection;

/** Registers the {@code style:} section with the config binder. */
public final class StyleSection implements ConfigSection {
    public static final String KEY = "style";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<String> tasks() {
        return List.of("style");
    }

    @Override
    public Class<? extends Record> type() {
        return StyleConfig.class;
    }
}
