package org.easel.core.config;

import java.util.List;

/**
 * A top-level config section contributed by a module (e.g. {@code style:} by easel-style), found
 * through {@link java.util.ServiceLoader} (META-INF/services/org.easel.core.config.ConfigSection).
 * Its record is bound and validated by the same binder as the core sections, so unknown keys,
 * wrong types and failed checks are reported the same way.
 */
public interface ConfigSection {
    /** The YAML key, e.g. "style". */
    String key();

    /** The record type, with a {@code public static final DEFAULTS}. */
    Class<? extends Record> type();

    /** The {@code task:} values the module runs with this section (its TaskRunners), for validating {@code task}. */
    default List<String> tasks() {
        return List.of();
    }
}
