package org.easel.core.config;

import java.util.Collection;


/**
 * Collects validation problems for one config record. The binder knows where each key sits in the
 * YAML, so a record only names its key and the problem; file, path, line and column are added here.
 */
public interface Checks {
    /** Records a problem with {@code key} (snake_case, as written in YAML) unless {@code ok}. */
    void require(boolean ok, String key, String message);

    default void positive(int value, String key) {
        require(value > 0, key, "must be > 0, found " + value);
    }

    default void positive(double value, String key) {
        require(value > 0 && Double.isFinite(value), key, "must be > 0, found " + value);
    }

    default void fraction(double value, String key) {
        require(value >= 0 && value < 1, key, "must be in [0, 1), found " + value);
    }

    default void oneOf(String value, String key, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            String near = Names.nearest(value, allowed);
            require(false, key, "unknown value '" + value + "'; valid: " + String.join(", ", allowed)
                    + (near != null ? " (did you mean '" + near + "'?)" : ""));
        }
    }
}
