package org.easel.synth;

/**
 * Told how generation advances. Called from worker threads, one call at a time (the generator
 * serialises calls), so implementations need no locking of their own.
 */
@FunctionalInterface
public interface SynthProgress {
    void onProgress(int done, int total);

    SynthProgress NONE = (done, total) -> {
    };
}
