package org.easel.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.easel.core.data.DataSplits;
import org.easel.core.error.EaselException;
import org.easel.core.io.Json;
import org.easel.core.predict.Predictor;

/**
 * {@code easel predict --spark}: labels an image collection on Spark. The image list is cut into
 * contiguous partitions; the model's bytes are broadcast and each executor loads them once per task
 * thread ({@link LoadedModels}); each partition runs the single-machine code path
 * ({@link Predictor#predict(List)} / {@code TransferModel.predict(List)}), so preprocessing and results are
 * the same. Output folder:
 * <pre>
 *   predictions.parquet/   file, class, probability, model_id   (Spark part files)
 *   predictions.csv/       the same as CSV with a header per part file
 *   errors.csv/            file, error, model_id: images that could not be read (the job still succeeds)
 *   summary.json           counts, model id, master, partitions, seconds, images/s
 * </pre>
 * Outputs go through Spark's file commit protocol: a task attempt writes under
 * {@code _temporary/<job>/_temporary/<attempt>/} and only a committed attempt is renamed into place, so a
 * failed and retried task replaces its rows instead of duplicating them.
 */
public final class SparkPredictor {
    public static final String PREDICTIONS_PARQUET = "predictions.parquet";
    public static final String PREDICTIONS_CSV = "predictions.csv";
    public static final String ERRORS_CSV = "errors.csv";
    public static final String SUMMARY = "summary.json";

    static final StructType SCHEMA = new StructType()
            .add("file", DataTypes.StringType, false)
            .add("class", DataTypes.StringType, true)
            .add("probability", DataTypes.DoubleType, true)
            .add("model_id", DataTypes.StringType, false)
            .add("error", DataTypes.StringType, true);

    /**
     * @param master                  null = spark-submit's master, else local[*]
     * @param partitions              0 = four per core of Spark's default parallelism (at most one per image)
     * @param failFirstAttemptOf      fault injection for tests: the first attempt of this partition's write tasks fails after
     *                                handing half of its rows to the output writer (-1: none)
     */
    public record Options(Path model, Path input, String out, String master, int partitions, boolean overwrite, int maxFailures,
                          String logLevel, int failFirstAttemptOf) {
        public Options(Path model, Path input, String out, String master, int partitions, boolean overwrite) {
            this(model, input, out, master, partitions, overwrite, SparkConfig.DEFAULTS.maxFailures(), SparkConfig.DEFAULTS.logLevel(), -1);
        }
    }

    /** What a run did. */
    public record Summary(String out, String modelId, String master, int partitions, long images, long predicted, long errors,
                          double seconds) {
        public double imagesPerSecond() {
            return images / seconds;
        }

        public String describe() {
            return String.format("Labelled %d of %d images on Spark (%s, %d partitions) in %.1f s (%.1f images/s); %d unreadable "
                            + "(see %s).%nModel %s. Output: %s/{%s, %s, %s, %s}",
                    predicted, images, master, partitions, seconds, imagesPerSecond(), errors, ERRORS_CSV, modelId, out,
                    PREDICTIONS_PARQUET, PREDICTIONS_CSV, ERRORS_CSV, SUMMARY);
        }
    }

    private SparkPredictor() {
    }

    /** Checks everything it can before Spark starts, runs the job, stops Spark. */
    public static Summary run(Options o) {
        String master = Sessions.master(o.master());
        if (o.partitions() < 0) {
            throw new EaselException("--partitions must be >= 1 (or 0 for automatic), found " + o.partitions());
        }
        if (o.out() == null || o.out().isBlank()) {
            throw new EaselException("--spark needs --out <dir>: the folder for predictions.parquet, predictions.csv and errors.csv.");
        }
        OutputDir.checkLocal(o.out(), o.overwrite());
        ModelPayload model = ModelPayload.read(o.model());
        List<Path> files = ImageList.of(o.input());
        // Loading it here fails fast on a bad model; in local mode the executors reuse this instance. A Keras file is
        // first read in a child JVM (as the CLI does) only from the launcher: under spark-submit the application jar
        // is not on java.class.path, so the child could not find Easel's classes.
        Labeler checked = model.open(Masters.isLocal(master) && System.getProperty("spark.app.submitTime") == null
                && System.getProperty("spark.submit.deployMode") == null);
        LoadedModels.giveBack(model, checked);
        SparkSession spark = Sessions.start(master, o.maxFailures(), o.logLevel());
        try {
            return run(spark, model, files, o, master);
        } finally {
            spark.stop();
        }
    }

    static Summary run(SparkSession spark, ModelPayload model, List<Path> files, Options o, String master) {
        long t0 = System.nanoTime();
        OutputDir.prepare(spark, o.out(), o.overwrite());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = o.partitions() > 0 ? o.partitions() : 4 * sc.defaultParallelism();
        partitions = Math.max(1, Math.min(partitions, files.size()));
        List<String> names = new ArrayList<>(files.size());
        files.forEach(f -> names.add(f.toString()));
        Broadcast<ModelPayload> bModel = sc.broadcast(model);
        int failPartition = o.failFirstAttemptOf();
        LongAccumulator predictNanos = sc.sc().longAccumulator("easel predict nanoseconds");
        // The rows are cached as plain Java objects (cheaper than a columnar Dataset cache) for the three writes.
        JavaRDD<Row> rows = sc.parallelize(names, partitions)
                .mapPartitions(it -> labelPartition(it, bModel.value(), predictNanos))
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Fault injection (tests): the first attempt of one write task fails after the writer has taken half its rows.
        JavaRDD<Row> written = failPartition < 0 ? rows : rows.mapPartitions(it -> failFirstAttempt(it, failPartition));
        Dataset<Row> all = spark.createDataFrame(written, SCHEMA);
        try {
            Dataset<Row> ok = all.filter("error IS NULL").select("file", "class", "probability", "model_id");
            ok.write().mode(SaveMode.ErrorIfExists).parquet(OutputDir.child(o.out(), PREDICTIONS_PARQUET));
            ok.write().mode(SaveMode.ErrorIfExists).option("header", "true").csv(OutputDir.child(o.out(), PREDICTIONS_CSV));
            Dataset<Row> bad = all.filter("error IS NOT NULL").select("file", "error", "model_id");
            bad.coalesce(1).write().mode(SaveMode.ErrorIfExists).option("header", "true").csv(OutputDir.child(o.out(), ERRORS_CSV));
            long errors = rows.filter(r -> !r.isNullAt(4)).count();
            long predicted = rows.count() - errors;
            Summary s = new Summary(o.out(), model.modelId(), master, partitions, files.size(), predicted, errors,
                    (System.nanoTime() - t0) / 1e9);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("model_id", s.modelId());
            json.put("model_kind", model.kind().name().toLowerCase(Locale.ROOT));
            json.put("master", master);
            json.put("partitions", partitions);
            json.put("images", s.images());
            json.put("predicted", predicted);
            json.put("errors", errors);
            json.put("seconds", s.seconds());
            json.put("images_per_second", s.imagesPerSecond());
            // time inside the model's predict (decode + network), summed over tasks: the rest of "seconds" is Spark
            json.put("task_predict_seconds", predictNanos.value() / 1e9);
            OutputDir.writeText(spark, OutputDir.child(o.out(), SUMMARY), Json.pretty(json));
            return s;
        } finally {
            rows.unpersist(false);
        }
    }

    private static Iterator<Row> labelPartition(Iterator<String> it, ModelPayload model, LongAccumulator nanos) {
        List<Path> files = new ArrayList<>();
        it.forEachRemaining(s -> files.add(Path.of(s)));
        List<Row> out = new ArrayList<>(files.size());
        if (!files.isEmpty()) {
            Labeler labeler = LoadedModels.borrow(model);
            try {
                long t = System.nanoTime();
                Predictor.Results r = labeler.predict(files);
                nanos.add(System.nanoTime() - t);
                for (Predictor.Prediction p : r.predictions()) {
                    out.add(RowFactory.create(p.file(), p.label(), p.probability(), model.modelId(), null));
                }
                for (DataSplits.SkippedFile s : r.skipped()) {
                    out.add(RowFactory.create(s.path(), null, null, model.modelId(), s.reason()));
                }
            } finally {
                LoadedModels.giveBack(model, labeler);
            }
        }
        return out.iterator();
    }

    private static Iterator<Row> failFirstAttempt(Iterator<Row> it, int failPartition) {
        TaskContext tc = TaskContext.get();
        if (tc == null || tc.partitionId() != failPartition || tc.attemptNumber() != 0) {
            return it;
        }
        List<Row> rows = new ArrayList<>();
        it.forEachRemaining(rows::add);
        return failHalfWay(rows, tc);
    }

    /** Hands out half of the rows (the writer has them in its attempt file by then), then fails the task. */
    private static Iterator<Row> failHalfWay(List<Row> rows, TaskContext tc) {
        int half = rows.size() / 2;
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                if (i >= half) {
                    throw new IllegalStateException("injected failure of partition " + tc.partitionId() + ", attempt " + tc.attemptNumber()
                            + " after " + i + " rows");
                }
                return true;
            }

            @Override
            public Row next() {
                return rows.get(i++);
            }
        };
    }

    /** Output folder checks and small files, for local paths and Hadoop URIs (hdfs://, s3a://) alike. */
    static final class OutputDir {
        private OutputDir() {
        }

        static boolean isLocal(String out) {
            return !out.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || out.startsWith("file:");
        }

        static String child(String out, String name) {
            return out.endsWith("/") ? out + name : out + "/" + name;
        }

        /** Before Spark starts: a local output folder that exists and is not empty needs --overwrite. */
        static void checkLocal(String out, boolean overwrite) {
            if (!isLocal(out) || overwrite) {
                return;
            }
            Path p = Path.of(out.startsWith("file:") ? URI.create(out).getPath() : out);
            if (Files.isRegularFile(p)) {
                throw new EaselException("--out " + out + " is a file; pass a folder (it will hold predictions.parquet, predictions.csv, errors.csv).");
            }
            try (var s = Files.list(p)) {
                if (s.findAny().isPresent()) {
                    throw nonEmpty(out);
                }
            } catch (NoSuchFileException | NotDirectoryException e) {
                // fine: created by the job
            } catch (IOException e) {
                throw new EaselException("Cannot read the output folder " + out + ": " + e.getMessage());
            }
        }

        private static EaselException nonEmpty(String out) {
            return new EaselException("Output folder " + out + " exists and is not empty; pass --overwrite to replace it, or choose another --out.");
        }

        /** With Spark up: the same check through Hadoop's file system, and --overwrite deletes the old folder. */
        static void prepare(SparkSession spark, String out, boolean overwrite) {
            try {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(out);
                FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
                if (fs.exists(p)) {
                    FileStatus[] content = fs.isDirectory(p) ? fs.listStatus(p) : new FileStatus[]{fs.getFileStatus(p)};
                    if (content.length > 0) {
                        if (!overwrite) {
                            throw nonEmpty(out);
                        }
                        fs.delete(p, true);
                    }
                }
                fs.mkdirs(p);
            } catch (IOException e) {
                throw new EaselException("Cannot prepare the output folder " + out + ": " + e.getMessage(), e);
            }
        }

        /** Written to a temporary name and renamed, so a reader never sees half a file. */
        static void writeText(SparkSession spark, String file, String text) {
            try {
                org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
                org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(file + ".tmp");
                FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
                try (OutputStream os = fs.create(tmp, true)) {
                    os.write(text.getBytes(StandardCharsets.UTF_8));
                }
                fs.delete(p, false);
                if (!fs.rename(tmp, p)) {
                    throw new IOException("rename " + tmp + " -> " + p + " failed");
                }
            } catch (IOException e) {
                throw new EaselException("Cannot write " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
