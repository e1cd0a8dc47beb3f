package org.easel.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.error.EaselException;
import org.easel.core.io.Json;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** transfer.augment: cached augmented views of the head-training images only, reused from the cache, validated. */
class AugmentedTransferTest {
    @TempDir
    Path tmp;

    RunResult run(String yaml) {
        return Experiments.run(ConfigLoader.parse(yaml, "tiny.yaml", List.of("output.dir=" + tmp.resolve("out"))), RunOptions.defaults());
    }

    static long featureFiles(Path cache) throws Exception {
        try (var s = Files.list(cache)) {
            return s.filter(p -> p.toString().endsWith(".features")).count();
        }
    }

    @Test
    void oneCopyCachesOneMoreViewPerHeadTrainingImageAndNoneForValidationOrTest() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 16, 40, 1);
        Path cache = tmp.resolve("cache");
        String y = TransferExperimentTest.yaml(data, cache, "squeezenet", "random", "fire3", 64, "  augment: {copies: 1, crop_scale: 0.8, jitter: 0.1}");
        RunResult r = run(y);
        // 32 images: 24 training (12 per class) of which round(24 * 0.2) = 5 validate, 8 test; views only for the 19 head-training images
        var result = Json.MAPPER.readTree(Files.readString(r.runDir().resolve("result.json")));
        assertEquals(19, result.get("augmented_views").asInt());
        assertEquals(3, featureFiles(cache), "training, test and the views of the 19 head-training images");
        String report = Files.readString(r.runDir().resolve("report.md"));
        assertTrue(report.contains("1 cached view(s) per head-training image") && report.contains("views: 19 images featurized"), report);
        assertTrue(r.metrics().get("test_accuracy") >= 0.75, "accuracy " + r.metrics());

        RunResult again = run(y);
        assertTrue(Files.readString(again.runDir().resolve("report.md")).contains("views: 19 images, features loaded from the cache"));
        assertEquals(r.metrics().get("test_accuracy"), again.metrics().get("test_accuracy"), 1e-9, "same seed, same views, same result");
        assertEquals(Files.readString(r.runDir().resolve("metrics.jsonl")).replaceAll("\"seconds\":[^,}]*", ""),
                Files.readString(again.runDir().resolve("metrics.jsonl")).replaceAll("\"seconds\":[^,}]*", ""));

        // other augmentation settings: new views; the unaugmented features still come from the cache
        run(y.replace("jitter: 0.1", "jitter: 0.2"));
        assertEquals(4, featureFiles(cache));
    }

    @Test
    void badAugmentSettingsNameTheirYamlPath() throws Exception {
        Path data = TestImages.folder(tmp.resolve("imgs"), 4, 32, 2);
        for (String[] bad : new String[][]{{"copies: -1", "transfer.augment.copies"}, {"copies: 99", "transfer.augment.copies"},
                {"crop_scale: 1.5", "transfer.augment.crop_scale"}, {"jitter: 1.0", "transfer.augment.jitter"},
                {"copies: 2, flip: false, crop_scale: 1.0, jitter: 0", "every view would equal the original"}}) {
            EaselException e = assertThrows(EaselException.class, () -> run(TransferExperimentTest.yaml(data, tmp.resolve("cache"), "squeezenet",
                    "random", "fire3", 64, "  augment: {" + bad[0] + "}")));
            assertTrue(e.getMessage().contains(bad[1]) && e.getMessage().contains("tiny.yaml:"), e.getMessage());
        }
    }
}
