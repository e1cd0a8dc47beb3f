package org.easel.spark;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;

/** Small generated images ("documents" vs "scenes") and a tiny transfer model trained on them in seconds. */
final class Fixtures {
    private Fixtures() {
    }

    static BufferedImage document(Random r, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(235 + r.nextInt(20), 235 + r.nextInt(20), 230 + r.nextInt(25)));
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(20 + r.nextInt(40), 20 + r.nextInt(40), 30 + r.nextInt(40)));
        for (int y = 4 + r.nextInt(3); y < size - 3; y += 4 + r.nextInt(2)) {
            int x0 = 3 + r.nextInt(4);
            g.fillRect(x0, y, size - x0 - 3 - r.nextInt(size / 3), 1 + r.nextInt(2));
        }
        g.dispose();
        return img;
    }

    static BufferedImage scene(Random r, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(r.nextInt(120), 80 + r.nextInt(120), r.nextInt(160)));
        g.fillRect(0, 0, size, size);
        for (int i = 0; i < 5; i++) {
            g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256)));
            int s = size / 4 + r.nextInt(size / 3);
            g.fillOval(r.nextInt(size) - s / 2, r.nextInt(size) - s / 2, s, s);
        }
        g.dispose();
        return img;
    }

    /** root/financial and root/non_financial with {@code perClass} distinct PNGs each. */
    static Path classFolders(Path root, int perClass, int size, long seed) throws IOException {
        Random r = new Random(seed);
        Files.createDirectories(root.resolve("financial"));
        Files.createDirectories(root.resolve("non_financial"));
        for (int i = 0; i < perClass; i++) {
            ImageIO.write(document(r, size), "png", root.resolve("financial").resolve("doc" + i + ".png").toFile());
            ImageIO.write(scene(r, size), "png", root.resolve("non_financial").resolve("scene" + i + ".png").toFile());
        }
        return root;
    }

    /** A file with an image name and bytes no decoder reads. */
    static Path corrupt(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, "\u0089PNG\r\n this is not an image".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
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
