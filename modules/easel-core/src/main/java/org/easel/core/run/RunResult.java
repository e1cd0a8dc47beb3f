package org.easel.core.run;

import java.nio.file.Path;
import org.easel.core.train.Evaluation;

/** What a finished run hands back to its caller (the CLI prints it, tests assert on it). */
public record RunResult(Path runDir, Evaluation test, int epochsRun, boolean stoppedEarly, long parameters, double secondsTotal) {
}
