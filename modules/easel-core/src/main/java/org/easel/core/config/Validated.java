package org.easel.core.config;

/** A config record that checks its own values once it is built; problems go to the {@link Checks}. */
public interface Validated {
    void validate(Checks checks);
}
