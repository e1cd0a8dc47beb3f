package org.easel.transfer;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real SqueezeNet v1.1 ImageNet weights at 224 px on drawn documents vs scenes (about a minute). */
@Tag("slow")
class SqueezeNetImagenetSlowTest {
    @TempDir
    Path tmp;

    @Test
    void imagenetFeaturesSeparateDocumentsFromScenes() throws Exception {
        String shared = System.getProperty("easel.test.shared");
        Path fixtures = shared == null ? null : Path.of(shared, "fixtures", "keras");
        assumeTrue(fixtures != null && Files.isRegularFile(fixtures.resolve("squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5")));
        Path data = TestImages.folder(tmp.resolve("imgs"), 60, 224, 11);
        String yaml = TransferExperimentTest.yaml(data, tmp.resolve("cache"), "squeezenet", "imagenet", "fire9", 224,
                "  pretrained_dir: " + fixtures).replace("epochs: 12", "epochs: 15");
        RunResult r = Experiments.run(ConfigLoader.parse(yaml, "slow.yaml", List.of("output.dir=" + tmp.resolve("out"))), RunOptions.defaults());
        assertTrue(r.metrics().get("test_accuracy") >= 0.95, r.headline());
        String report = Files.readString(r.runDir().resolve("report.md"));
        assertTrue(report.contains("imagenet (squeezenet_weights") && report.contains("CAFFE_BGR"), report);
    }
}
