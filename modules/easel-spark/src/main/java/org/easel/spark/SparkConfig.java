package org.easel.spark;

import java.util.List;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

/**
 * The {@code spark:} section of an experiment config: where and how {@code easel featurize --config FILE}
 * runs the frozen backbone on Spark. {@code easel predict --spark} takes the same settings as flags.
 */
@Doc("Apache Spark: scale featurizing and prediction out over executors (module easel-spark; docs/spark.md)")
public record SparkConfig(
        @Doc("Spark master: local[*], local[N], local[N,maxFailures], spark://host:port, yarn, k8s://...; null = the one spark-submit set, else local[*]") String master,
        @Doc("Partitions the image list is cut into; 0 = 4 per core of the default parallelism") int partitions,
        @Doc("Attempts per task before the job fails (spark.task.maxFailures; local masters retry only with local[N,F])") int maxFailures,
        @Doc("Log level of Spark, Hadoop and Parquet loggers: ERROR, WARN, INFO or DEBUG") String logLevel) implements Validated {

    public static final SparkConfig DEFAULTS = new SparkConfig(null, 0, 4, "WARN");
    public static final List<String> LOG_LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG");

    @Override
    public void validate(Checks c) {
        if (master != null) {
            String problem = Masters.problem(master);
            c.require(problem == null, "master", problem);
        }
        c.require(partitions >= 0, "partitions", "must be >= 0 (0 = automatic), found " + partitions);
        c.positive(maxFailures, "max_failures");
        c.oneOf(logLevel, "log_level", LOG_LEVELS);
    }
}
