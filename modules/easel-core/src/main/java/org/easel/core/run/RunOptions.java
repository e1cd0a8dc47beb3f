package org.easel.core.run;

import java.nio.file.Path;
import org.easel.core.train.TrainingListener;

/** How to run an experiment, apart from the config itself. */
public record RunOptions(Path outputOverride, Path resumeDir, TrainingListener listener) {
    public static RunOptions defaults() {
        return new RunOptions(null, null, TrainingListener.NONE);
    }

    public RunOptions withListener(TrainingListener l) {
        return new RunOptions(outputOverride, resumeDir, l);
    }
}
