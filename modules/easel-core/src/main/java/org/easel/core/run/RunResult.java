package org.easel.core.run;

import java.nio.file.Path;
import java.util.Map;
import org.easel.core.train.Evaluation;

/**
 * What a finished run hands back to its caller: the CLI prints {@code headline}, tests assert on
 * {@code metrics}. {@code test} is set by classifier tasks only (else null).
 */
public record RunResult(Path runDir, String headline, Map<String, Double> metrics, Evaluation test) {
}
