package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark options of easel predict and the featurize command: help, and user errors exit 2 with one message. */
class SparkCliTest {
    @Test
    void helpShowsTheSparkOptions() {
        CliTest.Result predict = CliTest.run("predict", "--help");
        assertEquals(0, predict.code());
        for (String opt : new String[]{"--spark", "--master", "--partitions", "--overwrite", "--out"}) {
            assertTrue(predict.out().contains(opt), opt + " in " + predict.out());
        }
        CliTest.Result featurize = CliTest.run("featurize", "--help");
        assertEquals(0, featurize.code());
        assertTrue(featurize.out().contains("Usage: easel featurize") && featurize.out().contains("--config"), featurize.out());
        assertTrue(CliTest.run("--help").out().contains("featurize"));
    }

    @Test
    void userErrorsExitWithCodeTwo(@TempDir Path dir) throws Exception {
        Path images = Files.createDirectories(dir.resolve("imgs"));
        CliTest.Result noSpark = CliTest.run("predict", "m.zip", images.toString(), "--master", "local[2]");
        assertEquals(2, noSpark.code());
        assertTrue(noSpark.err().contains("only with --spark"), noSpark.err());

        CliTest.Result badMaster = CliTest.run("predict", "m.zip", images.toString(), "--spark", "--master", "local[two]", "--out",
                dir.resolve("o").toString());
        assertEquals(2, badMaster.code());
        assertTrue(badMaster.err().contains("error: --master 'local[two]' is not a Spark master"), badMaster.err());

        CliTest.Result noOut = CliTest.run("predict", "m.zip", images.toString(), "--spark");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--spark needs --out"), noOut.err());

        CliTest.Result noModel = CliTest.run("predict", dir.resolve("m.zip").toString(), images.toString(), "--spark", "--out",
                dir.resolve("o").toString());
        assertEquals(2, noModel.code());
        assertTrue(noModel.err().contains("Model not found"), noModel.err());

        Path notTransfer = Files.writeString(dir.resolve("c.yaml"), "name: c\ntask: classify\nmodel: {layers: [{type: dense, units: 2, activation: softmax}]}\n");
        CliTest.Result wrongTask = CliTest.run("featurize", "--config", notTransfer.toString());
        assertEquals(2, wrongTask.code(), wrongTask.err());
        assertTrue(wrongTask.err().contains("needs a 'task: transfer' config"), wrongTask.err());
    }
}
