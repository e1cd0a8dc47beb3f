package org.easel.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.easel.core.error.EaselException;

/** One run's folder, {@code outputs/<name>-<yyyyMMdd-HHmmss>/}, and the names of what goes in it. */
public record RunFolder(Path dir) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    public static RunFolder create(Path parent, String name) {
        String base = name + "-" + LocalDateTime.now().format(STAMP);
        Path dir = parent.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = parent.resolve(base + "-" + i);
        }
        try {
            Files.createDirectories(dir.resolve("checkpoints"));
        } catch (IOException e) {
            throw new EaselException("Cannot create run folder " + dir.toAbsolutePath() + ": " + e.getMessage()
                    + ". Set output.dir (or --output) to a writable folder.");
        }
        return new RunFolder(dir);
    }

    public static RunFolder existing(Path dir) {
        if (!Files.isRegularFile(dir.resolve("config.resolved.yaml"))) {
            throw new EaselException(dir.toAbsolutePath() + " is not an Easel run folder (no config.resolved.yaml). "
                    + "Pass the folder a previous 'easel run' printed, e.g. outputs/mnist-mlp-20260101-120000.");
        }
        return new RunFolder(dir);
    }

    public Path config() {
        return dir.resolve("config.resolved.yaml");
    }

    public Path provenance() {
        return dir.resolve("provenance.json");
    }

    public Path metrics() {
        return dir.resolve("metrics.jsonl");
    }

    public Path history() {
        return dir.resolve("history.png");
    }

    public Path confusion() {
        return dir.resolve("confusion.png");
    }

    public Path model() {
        return dir.resolve("model.zip");
    }

    public Path summary() {
        return dir.resolve("summary.txt");
    }

    public Path report() {
        return dir.resolve("report.md");
    }

    public Path result() {
        return dir.resolve("result.json");
    }

    public Path checkpointModel() {
        return dir.resolve("checkpoints").resolve("last.zip");
    }

    public Path checkpointState() {
        return dir.resolve("checkpoints").resolve("state.json");
    }

    public Path checkpointBest() {
        return dir.resolve("checkpoints").resolve("best-params.bin");
    }
}
