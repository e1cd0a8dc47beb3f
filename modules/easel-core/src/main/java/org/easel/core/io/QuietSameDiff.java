package org.easel.core.io;

import java.io.PrintStream;

/**
 * Drops the line SameDiff (ND4J 1.0.0-M2.1) prints to {@code System.out} for every op it differentiates
 * ("Added differentiated op conv2d_3", dozens per model), which buried the progress lines of every VAE,
 * stage-2 and style-transfer run. It is a bare {@code System.out.println} in {@code SameDiff.createGradFunction},
 * not a logger, so it can only be filtered at the stream. Every other line passes through unchanged.
 */
public final class QuietSameDiff {
    private static final String NOISE = "Added differentiated op ";

    private QuietSameDiff() {
    }

    /** Installs the filter on {@code System.out} once per JVM; later calls do nothing. */
    public static synchronized void install() {
        if (System.out instanceof Filter) {
            return;
        }
        System.setOut(new Filter(System.out));
    }

    private static final class Filter extends PrintStream {
        Filter(PrintStream target) {
            super(target, true);
        }

        @Override
        public void println(String line) {
            if (line == null || !line.startsWith(NOISE)) {
                super.println(line);
            }
        }
    }
}
