package org.easel.spark;

import org.apache.spark.sql.SparkSession;
import org.slf4j.LoggerFactory;

/**
 * Starts Spark for Easel: the master from the flag, else the one spark-submit set, else local[*]; the
 * web UI and console progress bars off for local masters; Spark, Hadoop and Parquet logging at WARN.
 */
public final class Sessions {
    static final String[] NOISY = {"org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet", "parquet",
            "org.apache.orc", "io.netty", "org.apache.zookeeper", "org.eclipse.jetty"};

    private Sessions() {
    }

    /** The master to use: the given one, else spark-submit's (system property spark.master), else local[*]. */
    public static String master(String requested) {
        String m = requested != null ? requested : System.getProperty("spark.master", "local[*]");
        return Masters.check(m);
    }

    public static SparkSession start(String master, int maxFailures, String logLevel) {
        quiet(logLevel);
        if (Masters.isLocal(master)) {
            // "Your hostname resolves to a loopback address": irrelevant when driver and executors share a JVM.
            LogbackLevels.ifPresent("org.apache.spark.util.Utils", logLevel);
        }
        SparkSession.Builder b = SparkSession.builder().appName("easel").master(master)
                .config("spark.task.maxFailures", Integer.toString(maxFailures))
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", "8");
        if (Masters.isLocal(master)) {
            b.config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession s = b.getOrCreate();
        if (!isLogback()) {
            s.sparkContext().setLogLevel(logLevel); // spark-submit: Spark's own log4j2
        }
        return s;
    }

    /** Spark's loggers at {@code level} when logging goes through logback (the easel launcher, tests). */
    static void quiet(String level) {
        if (isLogback()) {
            LogbackLevels.set(NOISY, level);
        }
    }

    private static boolean isLogback() {
        return LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext");
    }

    /** Separate class: touched only when logback is present (it is not under spark-submit). */
    private static final class LogbackLevels {
        static void ifPresent(String logger, String level) {
            if (isLogback() && "WARN".equalsIgnoreCase(level)) {
                ((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(logger)
                        .setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }

        static void set(String[] loggers, String level) {
            ch.qos.logback.classic.LoggerContext ctx = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
            ch.qos.logback.classic.Level l = ch.qos.logback.classic.Level.toLevel(level, ch.qos.logback.classic.Level.WARN);
            for (String name : loggers) {
                ctx.getLogger(name).setLevel(l);
            }
            // "Unable to load native-hadoop library" is a WARN on every start and means nothing here.
            if (l.toInt() >= ch.qos.logback.classic.Level.WARN.toInt()) {
                ctx.getLogger("org.apache.hadoop.util.NativeCodeLoader").setLevel(ch.qos.logback.classic.Level.ERROR);
            }
        }
    }
}
