package org.easel.vae.config;

import java.util.List;
import org.easel.core.config.ConfigSection;

/** Registers the {@code vae:} config section (META-INF/services/org.easel.core.config.ConfigSection). */
public final class VaeSection implements ConfigSection {
    public static final String KEY = "vae";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public List<String> tasks() {
        return List.of("vae");
    }

    @Override
    public Class<? extends Record> type() {
        return VaeConfig.class;
    }
}
