package org.easel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.easel.core.error.EaselException;
import org.easel.core.predict.Predictor;
import org.easel.transfer.model.TransferModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark predict against single-machine predict on the same tiny transfer model and images (local[2]),
 * the errors output, the retried-task commit, and the user errors.
 */
class SparkPredictorTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static Path model;
    static Path images;
    static Predictor.Results single;

    @BeforeAll
    static void trainModelAndPredictOnOneMachine() throws Exception {
        model = Fixtures.trainTransferModel(shared);
        images = Fixtures.classFolders(shared.resolve("to-label"), 14, 48, 99);
        Fixtures.corrupt(images.resolve("financial").resolve("broken.png"));
        single = TransferModel.load(model).predict(images);
        assertEquals(28, single.predictions().size());
        assertEquals(1, single.skipped().size());
    }

    record Out(List<Row> parquet, List<Row> csv, List<String> csvColumns, List<Row> errors, List<String> errorColumns) {
    }

    /** Reads the three outputs back with Spark (a local[1] session of its own). */
    static Out read(String out) {
        SparkSession s = Sessions.start("local[1]", 1, "WARN");
        try {
            Dataset<Row> csv = s.read().option("header", "true").csv(out + "/" + SparkPredictor.PREDICTIONS_CSV);
            Dataset<Row> errors = s.read().option("header", "true").csv(out + "/" + SparkPredictor.ERRORS_CSV);
            return new Out(s.read().parquet(out + "/" + SparkPredictor.PREDICTIONS_PARQUET).collectAsList(), csv.collectAsList(),
                    List.of(csv.columns()), errors.collectAsList(), List.of(errors.columns()));
        } finally {
            s.stop();
        }
    }

    static void assertSameAsSingleMachine(List<Row> rows, String modelId) {
        Map<String, Predictor.Prediction> expected = new HashMap<>();
        single.predictions().forEach(p -> expected.put(p.file(), p));
        assertEquals(expected.size(), rows.size(), "one row per readable image, none duplicated");
        assertEquals(rows.size(), new HashSet<>(rows.stream().map(r -> r.<String>getAs("file")).toList()).size(), "files are unique");
        for (Row r : rows) {
            Predictor.Prediction p = expected.get(r.<String>getAs("file"));
            assertNotNull(p, "unexpected file " + r);
            assertEquals(p.label(), r.getAs("class"), p.file());
            Object prob = r.getAs("probability");
            double v = prob instanceof String str ? Double.parseDouble(str) : (Double) prob;
            assertEquals(p.probability(), v, 1e-6, p.file());
            assertEquals(modelId, r.getAs("model_id"));
        }
    }

    @Test
    void sparkLocal2EqualsSingleMachineAndReportsTheCorruptImage() throws Exception {
        String out = tmp.resolve("out").toString();
        int loadsBefore = LoadedModels.loads();
        SparkPredictor.Summary s = SparkPredictor.run(new SparkPredictor.Options(model, images, out, "local[2]", 5, false));
        assertEquals(29, s.images());
        assertEquals(28, s.predicted());
        assertEquals(1, s.errors());
        assertEquals(5, s.partitions());
        assertTrue(s.modelId().matches("model\\.zip@[0-9a-f]{12}"), s.modelId());
        // driver check + at most one per task thread, not one per partition
        assertTrue(LoadedModels.loads() - loadsBefore <= 2, "model loads: " + (LoadedModels.loads() - loadsBefore));

        Out o = read(out);
        assertSameAsSingleMachine(o.parquet(), s.modelId());
        assertEquals(List.of("file", "class", "probability", "model_id"), o.csvColumns());
        assertSameAsSingleMachine(o.csv(), s.modelId());
        assertEquals(List.of("file", "error", "model_id"), o.errorColumns());
        assertEquals(1, o.errors().size());
        assertTrue(o.errors().get(0).<String>getAs("file").endsWith("broken.png"));
        assertTrue(!o.errors().get(0).<String>getAs("error").isBlank());
        String summary = Files.readString(Path.of(out, SparkPredictor.SUMMARY));
        assertTrue(summary.contains("\"predicted\" : 28") && summary.contains("\"errors\" : 1"), summary);
    }

    @Test
    void aTaskThatFailsOnceIsRetriedWithoutDuplicatingRows() {
        List<Path> files = ImageList.of(images);
        ModelPayload payload = ModelPayload.read(model);
        String out = tmp.resolve("retried").toString();
        SparkSession spark = Sessions.start("local[2,3]", 3, "WARN"); // local[N,F]: F attempts per task
        AtomicInteger failedTasks = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failedTasks.incrementAndGet();
                }
            }
        });
        SparkPredictor.Summary s;
        try {
            s = SparkPredictor.run(spark, payload, files,
                    new SparkPredictor.Options(model, images, out, "local[2,3]", 4, false, 3, "WARN", 1), "local[2,3]");
        } finally {
            spark.stop();
        }
        // partition 1's first attempt failed in the Parquet write and again in the CSV write, after the writer had rows
        assertEquals(2, failedTasks.get(), "injected failures");
        assertEquals(28, s.predicted());
        Out o = read(out);
        assertSameAsSingleMachine(o.parquet(), payload.modelId());
        assertSameAsSingleMachine(o.csv(), payload.modelId());
        assertEquals(1, o.errors().size());
    }

    @Test
    void withoutRetriesTheInjectedFailureFailsTheJob() {
        // the control for the test above: the failure is real, and only the retry saves the job
        SparkSession spark = Sessions.start("local[2]", 1, "WARN");
        try {
            Exception e = assertThrows(Exception.class, () -> SparkPredictor.run(spark, ModelPayload.read(model), ImageList.of(images),
                    new SparkPredictor.Options(model, images, tmp.resolve("nope").toString(), "local[2]", 4, false, 1, "WARN", 1),
                    "local[2]"));
            assertTrue(String.valueOf(e.getMessage()).contains("injected failure"), e.getMessage());
        } finally {
            spark.stop();
        }
    }

    @Test
    void listFileInputAndOverwrite() throws Exception {
        Path list = tmp.resolve("images.txt");
        List<String> lines = new ArrayList<>(List.of("# two images and a missing one", ""));
        lines.add(images.resolve("financial/doc0.png").toString());
        lines.add(tmp.relativize(images.resolve("non_financial/scene3.png")).toString()); // relative to the list file's folder
        lines.add("does/not/exist.png");
        Files.write(list, lines);
        List<Path> listed = ImageList.of(list);
        assertEquals(3, listed.size());
        assertTrue(Files.isRegularFile(listed.get(1)), listed.get(1).toString());

        Path out = tmp.resolve("listed");
        Files.createDirectories(out);
        Files.writeString(out.resolve("old.txt"), "left from before");
        EaselException e = assertThrows(EaselException.class,
                () -> SparkPredictor.run(new SparkPredictor.Options(model, list, out.toString(), "local[2]", 0, false)));
        assertTrue(e.getMessage().contains("not empty") && e.getMessage().contains("--overwrite"), e.getMessage());

        SparkPredictor.Summary s = SparkPredictor.run(new SparkPredictor.Options(model, list, out.toString(), "local[2]", 0, true));
        assertEquals(2, s.predicted());
        assertEquals(1, s.errors());
        assertTrue(!Files.exists(out.resolve("old.txt")));
    }

    @Test
    void clearErrorsBeforeSparkStarts() throws Exception {
        String out = tmp.resolve("o").toString();
        EaselException missing = assertThrows(EaselException.class,
                () -> SparkPredictor.run(new SparkPredictor.Options(tmp.resolve("none.zip"), images, out, "local[2]", 0, false)));
        assertTrue(missing.getMessage().startsWith("Model not found"), missing.getMessage());

        Path notModel = Files.writeString(tmp.resolve("model.zip"), "not a zip");
        EaselException bad = assertThrows(EaselException.class,
                () -> SparkPredictor.run(new SparkPredictor.Options(notModel, images, out, "local[2]", 0, false)));
        assertTrue(bad.getMessage().contains("is not a model"), bad.getMessage());

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        EaselException none = assertThrows(EaselException.class,
                () -> SparkPredictor.run(new SparkPredictor.Options(model, empty, out, "local[2]", 0, false)));
        assertTrue(none.getMessage().contains("holds no images"), none.getMessage());

        for (String master : List.of("local[x]", "locl[2]", "spark://nohost", "")) {
            EaselException m = assertThrows(EaselException.class,
                    () -> SparkPredictor.run(new SparkPredictor.Options(model, images, out, master, 0, false)), master);
            assertTrue(m.getMessage().startsWith("--master"), m.getMessage());
        }
        for (String ok : List.of("local", "local[*]", "local[4]", "local[2,3]", "spark://h1:7077,h2:7077", "yarn", "k8s://https://k:6443")) {
            assertEquals(null, Masters.problem(ok), ok);
        }
        EaselException noOut = assertThrows(EaselException.class,
                () -> SparkPredictor.run(new SparkPredictor.Options(model, images, null, "local[2]", 0, false)));
        assertTrue(noOut.getMessage().contains("--out"), noOut.getMessage());
    }
}
