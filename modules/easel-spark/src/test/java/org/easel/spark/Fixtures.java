package org.easel.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;
import org.easel.transfer.TestImages;

/** Small generated image folders and a tiny transfer model trained on them in seconds. */
final class Fixtures {
    private Fixtures() {
    }

    /** root/financial and root/non_financial with {@code perClass} distinct PNGs each (the transfer tests' images). */
    static Path classFolders(Path root, int perClass, int size, long seed) throws IOException {
        return TestImages.folder(root, perClass, size, seed);
    }

    /** A file with an image name and bytes no decoder reads. */
    static Path corrupt(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, "\u0089PNG\r\n this is not an image".getBytes(StandardCharsets.ISO_8859_1));
        return file;
    }

    static String transferYaml(Path data, Path cache) {
        return """
                name: spark-tiny
                seed: 7
                task: transfer
                data:
                  dataset: image-folder
                  path: %s
                  test_fraction: 0.25
                training:
                  epochs: 6
                  batch_size: 8
                  learning_rate: 0.01
                  validation_split: 0.2
                transfer:
                  backbone: squeezenet
                  weights: random
                  freeze_up_to: fire3
                  input_size: 64
                  cache_dir: %s
                  head: {dense: [16], dropout: 0.1}
                  gradcam_images: 0
                  gallery_images: 0
                  featurize_batch: 8
                """.formatted(data, cache);
    }

    /** Trains the tiny transfer model (featurize + head, a few seconds) and returns its model.zip. */
    static Path trainTransferModel(Path work) throws IOException {
        Path data = classFolders(work.resolve("train-images"), 12, 40, 1);
        ExperimentConfig cfg = ConfigLoader.parse(transferYaml(data, work.resolve("cache")), "tiny.yaml",
                List.of("output.dir=" + work.resolve("runs")));
        RunResult r = Experiments.run(cfg, RunOptions.defaults());
        return r.runDir().resolve("model.zip");
    }
}
