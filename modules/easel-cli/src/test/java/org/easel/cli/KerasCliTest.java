package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `easel import`, `export` and `predict` with .h5 files, as a user runs them. */
class KerasCliTest {
    static Path fixture(String name) {
        String shared = System.getProperty("easel.test.shared");
        Path p = shared == null ? null : Path.of(shared, "fixtures/keras", name);
        assumeTrue(p != null && Files.isRegularFile(p), "../shared/fixtures/keras not available");
        return p;
    }

    @Test
    void importWritesZipAndReportAndComparesWithReference(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("mlp.zip");
        CliTest.Result r = CliTest.run("import", fixture("mnist_mlp_tf_keras_2_config.json").toString(),
                "--weights", fixture("mnist_mlp_tf_keras_2_weights.h5").toString(),
                "--reference", fixture("mnist_mlp_tf_keras_2_inputs_and_outputs.h5").toString(), "--out", zip.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Total params: 669,706"), r.out());
        String diff = r.out().lines().filter(l -> l.startsWith("Largest absolute difference")).findFirst().orElseThrow();
        assertTrue(Double.parseDouble(diff.substring(diff.lastIndexOf(' ') + 1)) < 1e-4, diff);
        assertTrue(Files.size(zip) > 1_000_000);
        assertTrue(Files.readString(dir.resolve("mlp-import-report.json")).contains("\"Dense\""));
    }

    @Test
    void notAnH5FileIsAUserError(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("model.h5");
        Files.writeString(bad, "definitely not hdf5");
        CliTest.Result r = CliTest.run("import", bad.toString());
        assertEquals(EaselCommand.USER_ERROR, r.code());
        assertTrue(r.err().contains("is not an HDF5 file"), r.err());
    }

    @Test
    void predictLabelsImagesWithAnRKerasModel(@TempDir Path dir) throws Exception {
        Path images = dir.resolve("imgs");
        Files.createDirectories(images);
        for (String f : new String[]{"coffee.jpg", "flower.jpg"}) {
            Path src = Path.of(System.getProperty("easel.test.shared"), "images/content", f);
            assumeTrue(Files.isRegularFile(src));
            Files.copy(src, images.resolve(f));
        }
        Path csv = dir.resolve("p.csv");
        CliTest.Result r = CliTest.run("predict", fixture("rkeras_fruit_model_rgb12.h5").toString(), images.toString(), "--out", csv.toString());
        assertEquals(0, r.code(), r.err());
        var lines = Files.readAllLines(csv);
        assertEquals("file,class,probability", lines.get(0));
        assertEquals(3, lines.size());
        for (String l : lines.subList(1, 3)) {
            int cls = Integer.parseInt(l.split(",")[1]);
            double p = Double.parseDouble(l.split(",")[2]);
            assertTrue(cls >= 0 && cls < 82 && p > 0 && p <= 1, l);
        }
    }
}
