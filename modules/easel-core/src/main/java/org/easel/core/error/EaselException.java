package org.easel.core.error;

/**
 * A problem the user can fix: bad config, missing file, unreadable model. The message alone must
 * tell them what went wrong and what to do; the CLI prints it without a stack trace (exit code 2).
 * Bugs are any other exception.
 */
public class EaselException extends RuntimeException {
    public EaselException(String message) {
        super(message);
    }

    public EaselException(String message, Throwable cause) {
        super(message, cause);
    }
}
