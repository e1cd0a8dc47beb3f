package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `easel predict MODEL DIR --spark` on Keras models equals single-machine predict: an 'easel import' zip with
 * recorded scaling, a raw .h5 with a scaling sidecar (which travels to the executors), and a raw .h5 with the
 * scaling given as flags (imported on the driver first).
 */
class KerasSparkCliTest {
    @Test
    void sparkPredictEqualsSingleMachinePredict(@TempDir Path dir) throws IOException {
        SmallKerasModel m = SmallKerasModel.write(dir);
        String[] flags = {"--scale", "1", "--mean", "100", "--std", "50"};
        Path zip = dir.resolve("scaled.zip");
        assertEquals(0, CliTest.run(concat(new String[] {"import", m.h5().toString(), "--out", zip.toString()}, flags)).code());
        Map<String, String[]> single = KerasModelCliTest.predict(zip.toString(), m.images().toString());
        assertEquals(12, single.size());

        Path sidecarModel = Files.copy(m.h5(), dir.resolve("side.h5"));
        Files.writeString(dir.resolve("side.h5.scaling.json"), "{\"scale\": 1, \"mean\": 100, \"std\": 50}");
        List<String[]> runs = List.of(new String[] {zip.toString()}, new String[] {sidecarModel.toString()},
                concat(new String[] {m.h5().toString()}, flags));
        int i = 0;
        for (String[] model : runs) {
            Path out = dir.resolve("spark" + i++);
            List<String> args = new ArrayList<>(List.of("predict", model[0], m.images().toString(), "--spark", "--master", "local[2]",
                    "--out", out.toString()));
            args.addAll(List.of(model).subList(1, model.length));
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            StringBuilder csv = new StringBuilder("file,class,probability\n");
            try (Stream<Path> parts = Files.list(out.resolve("predictions.csv"))) {
                for (Path part : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                    Files.readAllLines(part).stream().skip(1).forEach(l -> csv.append(l, 0, l.lastIndexOf(',')).append('\n'));
                }
            }
            KerasModelCliTest.assertSameCsv(single, KerasModelCliTest.csv(csv.toString()), "spark on " + String.join(" ", model));
        }
        assertTrue(Files.list(dir).noneMatch(p -> p.getFileName().toString().startsWith("easel-spark-model")), "temporary model removed");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }
}
