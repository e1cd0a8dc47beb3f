package org.easel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.easel.core.predict.Predictor;
import org.easel.keras.InputScaling;
import org.easel.keras.KerasClassifier;
import org.easel.keras.KerasImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Keras .h5 (R keras fruit CNN, 12x12 RGB, 82 classes, from ../shared) on Spark equals single-machine predict. */
class SparkKerasPredictTest {
    @TempDir
    Path tmp;

    @Test
    void kerasModelOnSparkEqualsSingleMachine() throws Exception {
        Path h5 = Path.of(System.getProperty("easel.test.shared", "../shared"), "fixtures/keras/rkeras_fruit_model_rgb12.h5");
        assumeTrue(Files.isRegularFile(h5), "fixture absent: " + h5);
        Path images = Fixtures.classFolders(tmp.resolve("imgs"), 8, 30, 3);
        Predictor.Results single = new Predictor(new KerasClassifier(KerasImporter.builder().build().importModel(h5))).predict(images);
        String out = tmp.resolve("out").toString();
        SparkPredictor.Summary s = SparkPredictor.run(new SparkPredictor.Options(h5, images, out, "local[2]", 3, false));
        assertEquals(16, s.predicted());
        assertTrue(s.modelId().startsWith("rkeras_fruit_model_rgb12.h5@"), s.modelId());
        Map<String, Predictor.Prediction> expected = new HashMap<>();
        single.predictions().forEach(p -> expected.put(p.file(), p));
        List<Row> rows = SparkPredictorTest.read(out).parquet();
        assertEquals(expected.size(), rows.size());
        for (Row r : rows) {
            Predictor.Prediction p = expected.get(r.<String>getAs("file"));
            assertEquals(p.label(), r.getAs("class"));
            assertEquals(p.probability(), r.<Double>getAs("probability"), 1e-6);
        }
    }

    /**
     * A raw Keras file's scaling sidecar travels in the payload, so executors label with it (before, they imported the
     * bare file and used pixel / 255); the sidecar also changes the model id. Checked on the payload the executors get,
     * without starting Spark.
     */
    @Test
    void sidecarScalingTravelsWithTheModel() throws Exception {
        Path fixture = Path.of(System.getProperty("easel.test.shared", "../shared"), "fixtures/keras/rkeras_fruit_model_rgb12.h5");
        assumeTrue(Files.isRegularFile(fixture), "fixture absent: " + fixture);
        Path h5 = Files.copy(fixture, tmp.resolve("fruit.h5"));
        String bare = ModelPayload.read(h5).modelId();
        Files.writeString(tmp.resolve("fruit.h5.scaling.json"), "{\"scale\": 1, \"mean\": [120, 110, 100], \"std\": 60}");
        ModelPayload payload = ModelPayload.read(h5);
        assertTrue(payload.scaling() != null && !payload.modelId().equals(bare), payload.modelId() + " vs " + bare);

        Path images = Fixtures.classFolders(tmp.resolve("imgs"), 4, 30, 5);
        List<Path> files = Predictor.listImages(images);
        InputScaling scaling = InputScaling.of(1.0, "120,110,100", "60");
        Predictor.Results expected = new Predictor(new KerasClassifier(KerasImporter.builder().build().importModel(fixture)
                .withInputScaling(scaling))).predict(files);
        Predictor.Results unscaled = new Predictor(new KerasClassifier(KerasImporter.builder().build().importModel(fixture))).predict(files);
        Predictor.Results onExecutor = payload.open(false).predict(files);
        assertEquals(expected.predictions(), onExecutor.predictions());
        assertTrue(!unscaled.predictions().equals(onExecutor.predictions()), "the scaling changes the predictions");
    }
}
