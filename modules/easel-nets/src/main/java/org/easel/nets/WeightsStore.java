package org.easel.nets;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.easel.core.data.Downloader;
import org.easel.core.error.EaselException;

/**
 * The one place weight files are found: an explicit path if the config gives one, else the pretrained
 * folder (config key, else $EASEL_PRETRAINED, else {@code pretrained/}), else a download from the file's
 * canonical URL to {@code <file>.part}, verified (size and digest) and renamed. With $EASEL_OFFLINE=1 or true (or
 * {@code download = false}) nothing is downloaded: a missing file is an error naming the file, its URL,
 * its checksum and the folder to put it in. A file whose size or digest is wrong is moved aside as
 * {@code <file>.bad} and never used.
 */
public final class WeightsStore {
    public static final String PRETRAINED_ENV = "EASEL_PRETRAINED";

    private final Path dir;
    private final boolean download;

    public WeightsStore(Path dir, boolean download) {
        this.dir = dir;
        this.download = download && !Downloader.offline();
    }

    /** The store of a config: its {@code pretrained_dir} (may be null) and whether downloads are allowed. */
    public static WeightsStore of(String configuredDir, boolean download) {
        return new WeightsStore(defaultDir(configuredDir), download);
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

    /** True if {@code spec} is already in the pretrained folder (not verified). */
    public boolean has(WeightsFile spec) {
        return Files.isRegularFile(dir.resolve(spec.fileName()));
    }

    /** The verified local copy of {@code spec}: from the pretrained folder, else downloaded if allowed. */
    public Path locate(WeightsFile spec) {
        Path local = dir.resolve(spec.fileName());
        if (Files.isRegularFile(local)) {
            verify(spec, local);
            return local;
        }
        if (!download) {
            throw new EaselException("Pretrained weights " + spec.fileName() + " (" + spec.description() + ") are not in "
                    + dir.toAbsolutePath() + ". Download " + spec.url() + " (" + spec.size() + " bytes, " + spec.digest()
                    + ") and place it there, or point $" + PRETRAINED_ENV + " at the folder that has it"
                    + (Downloader.offline() ? " ($EASEL_OFFLINE forbids downloading)." : "."));
        }
        Path fetched = Downloader.fetch(URI.create(spec.url()), local, spec.digest().algorithm(), spec.digest().hex(), spec.digest()::of);
        verify(spec, fetched);
        return fetched;
    }

    /** A weight file the config names by path: it must exist; its contents are checked when it is read. */
    public static Path explicit(Path file, String key) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException(key + ": weights file " + file.toAbsolutePath() + " does not exist. Give the path of a Keras .h5 "
                    + "weights file, or imagenet / random.");
        }
        return file;
    }

    private static void verify(WeightsFile spec, Path local) {
        try {
            long size = Files.size(local);
            String actual = size == spec.size() ? spec.digest().of(local) : null;
            if (actual == null || !spec.digest().matches(actual)) {
                Path bad = local.resolveSibling(local.getFileName() + ".bad");
                Files.move(local, bad, StandardCopyOption.REPLACE_EXISTING);
                String found = actual == null ? size + " bytes" : spec.digest().algorithm() + " " + actual;
                String expected = actual == null ? spec.size() + " bytes" : spec.digest().toString();
                throw new EaselException("Pretrained file " + local.toAbsolutePath() + " has " + found + ", expected " + expected
                        + " (" + spec.digest() + ", " + spec.size() + " bytes). It was moved aside to " + bad.getFileName()
                        + " and not used; place a correct copy of " + spec.url() + " in " + local.getParent().toAbsolutePath() + ".");
            }
        } catch (IOException e) {
            throw new EaselException("Cannot read " + local + ": " + e.getMessage(), e);
        }
    }
}
