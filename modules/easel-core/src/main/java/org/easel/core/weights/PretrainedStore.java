package org.easel.core.weights;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.data.Downloader;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;

/**
 * Finds pretrained weight files: in the pretrained dir (config key, else $EASEL_PRETRAINED, else
 * pretrained/), else downloads them from their canonical URL into it, verified by SHA-256.
 * With $EASEL_OFFLINE=1 (or download=false) a missing file is an error naming the file and the folder.
 */
public final class PretrainedStore {
    public static final String PRETRAINED_ENV = "EASEL_PRETRAINED";
    public static final String OFFLINE_ENV = "EASEL_OFFLINE";

    private final Path dir;
    private final boolean download;

    public PretrainedStore(Path dir, boolean download) {
        this.dir = dir;
        this.download = download && !org.easel.core.data.Downloader.offline();
    }

    /** Config value (may be null), then $EASEL_PRETRAINED, then ./pretrained. */
    public static Path defaultDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String env = System.getenv(PRETRAINED_ENV);
        return Path.of(env != null && !env.isBlank() ? env : "pretrained");
    }

    public Path dir() {
        return dir;
    }

    /** The verified local file, downloading it if needed and allowed. */
    public Path locate(WeightsFile spec) {
        Path local = dir.resolve(spec.fileName());
        if (Files.isRegularFile(local)) {
            verify(spec, local);
            return local;
        }
        if (!download) {
            throw new EaselException("Pretrained weights " + spec.fileName() + " (" + spec.description() + ") are not in "
                    + dir.toAbsolutePath() + ". Download " + spec.url() + " (SHA-256 " + spec.sha256() + ") and place it there, "
                    + "or point $" + PRETRAINED_ENV + " at the folder that has it.");
        }
        return Downloader.fetch(URI.create(spec.url()), local, spec.sha256(), Hashing::sha256);
    }

    private static void verify(WeightsFile spec, Path local) {
        try {
            String actual = Hashing.sha256(local);
            if (!actual.equalsIgnoreCase(spec.sha256())) {
                Path bad = local.resolveSibling(local.getFileName() + ".bad");
                Files.move(local, bad, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                throw new EaselException("Pretrained file " + local.toAbsolutePath() + " has SHA-256 " + actual + ", expected "
                        + spec.sha256() + ". It was moved aside to " + bad.getFileName() + " and not used; place a correct copy of "
                        + spec.url() + " there.");
            }
        } catch (IOException e) {
            throw new EaselException("Cannot read " + local + ": " + e.getMessage(), e);
        }
    }
}
