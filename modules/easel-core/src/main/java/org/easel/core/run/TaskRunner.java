package org.easel.core.run;

import org.easel.core.config.ExperimentConfig;
import org.easel.core.train.TrainingListener;

/**
 * One kind of experiment ({@code task:} in the config). Modules contribute theirs through
 * {@link java.util.ServiceLoader} (META-INF/services/org.easel.core.run.TaskRunner).
 */
public interface TaskRunner {
    String task();

    RunResult run(ExperimentConfig config, RunFolder run, boolean resuming, TrainingListener listener);
}
