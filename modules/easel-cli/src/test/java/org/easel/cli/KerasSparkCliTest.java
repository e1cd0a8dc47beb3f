package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `easel predict MODEL DIR --spark` on Keras models equals single-machine predict: a raw .h5 with a scaling sidecar
 * (which travels to the executors), an 'easel import' zip with recorded scaling and a raw .h5 with the scaling given as
 * flags (imported on the driver first). Slow tier: each Spark run starts a local session (20-50 s here); the fast tier
 * checks the sidecar on the executors' payload without Spark (easel-spark SparkKerasPredictTest).
 */
class KerasSparkCliTest {
    private static final String[] SCALING = {"--scale", "1", "--mean", "100", "--std", "50"};

    /**
     * A raw .h5 whose scaling is in its sidecar (before: the executors imported the bare file and used pixel / 255)
     * gives the predictions single-machine predict gives for the zip 'easel import --scale ...' writes.
     */
    @Test
    @Tag("slow")
    void sparkPredictOnARawKerasFileAppliesItsSidecar(@TempDir Path dir) throws IOException {
        SmallKerasModel m = SmallKerasModel.write(dir);
        Map<String, String[]> single = KerasModelCliTest.predict(importScaled(dir, m).toString(), m.images().toString());
        assertEquals(12, single.size());
        Path sidecarModel = Files.copy(m.h5(), dir.resolve("side.h5"));
        Files.writeString(dir.resolve("side.h5.scaling.json"), "{\"scale\": 1, \"mean\": 100, \"std\": 50}");
        KerasModelCliTest.assertSameCsv(single, spark(dir, "sidecar", m, sidecarModel.toString()), "spark on a raw .h5 with a sidecar");
    }

    /** The import zip itself, and scaling given as flags (the driver imports the model into a temporary zip). */
    @Test
    @Tag("slow")
    void sparkPredictOnTheImportZipAndWithScalingFlags(@TempDir Path dir) throws IOException {
        SmallKerasModel m = SmallKerasModel.write(dir);
        Path zip = importScaled(dir, m);
        Map<String, String[]> single = KerasModelCliTest.predict(zip.toString(), m.images().toString());
        KerasModelCliTest.assertSameCsv(single, spark(dir, "zip", m, zip.toString()), "spark on the import zip");
        KerasModelCliTest.assertSameCsv(single, spark(dir, "flags", m, concat(new String[] {m.h5().toString()}, SCALING)), "spark with flags");
    }

    private static Path importScaled(Path dir, SmallKerasModel m) {
        Path zip = dir.resolve("scaled.zip");
        CliTest.Result r = CliTest.run(concat(new String[] {"import", m.h5().toString(), "--out", zip.toString()}, SCALING));
        assertEquals(0, r.code(), r.err());
        return zip;
    }

    /** Runs predict --spark (local[2]) and returns its predictions as file -> (class, probability). */
    private static Map<String, String[]> spark(Path dir, String name, SmallKerasModel m, String... model) throws IOException {
        Path out = dir.resolve("spark-" + name);
        List<String> args = new ArrayList<>(List.of("predict", model[0], m.images().toString(), "--spark", "--master", "local[2]",
                "--out", out.toString()));
        args.addAll(List.of(model).subList(1, model.length));
        CliTest.Result r = CliTest.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        StringBuilder csv = new StringBuilder("file,class,probability\n");
        try (Stream<Path> parts = Files.list(out.resolve("predictions.csv"))) {
            for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                // file,class,probability,model_id: the model id is Spark's addition
                Files.readAllLines(part).stream().skip(1).forEach(l -> csv.append(l, 0, l.lastIndexOf(',')).append('\n'));
            }
        }
        return KerasModelCliTest.csv(csv.toString());
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
