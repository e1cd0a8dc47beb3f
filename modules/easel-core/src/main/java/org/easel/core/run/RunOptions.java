package org.easel.core.run;

import java.nio.file.Path;
import java.util.List;
import org.easel.core.train.TrainingListener;

/**
 * How to run an experiment, apart from the config itself. {@code resumeOverrides} may only raise
 * {@code training.epochs} of a resumed run (see {@link Experiments#run}).
 */
public record RunOptions(Path outputOverride, Path resumeDir, TrainingListener listener, List<String> resumeOverrides) {
    public RunOptions {
        resumeOverrides = List.copyOf(resumeOverrides);
    }

    public RunOptions(Path outputOverride, Path resumeDir, TrainingListener listener) {
        this(outputOverride, resumeDir, listener, List.of());
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, TrainingListener.NONE);
    }

    public RunOptions withListener(TrainingListener l) {
        return new RunOptions(outputOverride, resumeDir, l, resumeOverrides);
    }
}
