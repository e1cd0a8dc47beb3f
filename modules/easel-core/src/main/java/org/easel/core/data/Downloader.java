package org.easel.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.easel.core.error.EaselException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a file into a cache folder the safe way: download to {@code <file>.part}, verify its
 * checksum (SHA-256 unless the caller names another algorithm), then rename. A mismatching file is kept aside as {@code <file>.bad} (never used, never
 * silently deleted) and the error says what to do. Works for http(s) and file: URLs.
 */
public final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final int CONNECT_TIMEOUT_MS = 15_000;
    private static final int READ_TIMEOUT_MS = 60_000;

    /** Computes the checksum that is compared with the expected one (of the file, or of its decoded content). */
    @FunctionalInterface
    public interface Checksum {
        String of(Path file) throws IOException;
    }

    private Downloader() {
    }

    /** Same switch as $EASEL_OFFLINE, as a system property (-Deasel.offline=1; tests set it in-process). */
    public static final String OFFLINE_PROPERTY = "easel.offline";

    /** True when $EASEL_OFFLINE (or -Deasel.offline) is 1 or true: no download is attempted anywhere. */
    public static boolean offline() {
        return on(System.getenv("EASEL_OFFLINE")) || on(System.getProperty(OFFLINE_PROPERTY));
    }

    private static boolean on(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    public static Path fetch(URI url, Path target, String expectedSha256, Checksum checksum) {
        return fetch(url, target, "SHA-256", expectedSha256, checksum);
    }

    /** {@code checksum} computes the {@code algorithm} digest that must equal {@code expected}. */
    public static Path fetch(URI url, Path target, String algorithm, String expected, Checksum checksum) {
        if (offline()) {
            // Checked before anything is created: an offline lookup never leaves folders in a data tree.
            throw new EaselException("EASEL_OFFLINE is set, so " + url + " is not downloaded. Place the file at "
                    + target.toAbsolutePath() + " yourself (" + algorithm + " " + expected + "), or unset EASEL_OFFLINE.");
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            LOG.info("Downloading {} -> {}", url, target);
            URLConnection connection = url.toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            long declared = connection.getContentLengthLong();
            try (InputStream in = connection.getInputStream(); OutputStream out = Files.newOutputStream(part)) {
                byte[] buf = new byte[1 << 16];
                long total = 0;
                long nextLog = 16L << 20;
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.write(buf, 0, n);
                    total += n;
                    if (total >= nextLog) {
                        LOG.info("  {} MB{}", total >> 20, declared > 0 ? " of " + (declared >> 20) + " MB" : "");
                        nextLog += 16L << 20;
                    }
                }
            }
        } catch (IOException e) {
            deleteQuietly(part);
            throw new EaselException("Could not download " + url + " (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "). If this machine is offline, place the file at " + target.toAbsolutePath()
                    + " yourself (" + algorithm + " " + expected + ").", e);
        }
        try {
            String actual = checksum.of(part);
            if (!actual.equalsIgnoreCase(expected)) {
                Path bad = target.resolveSibling(target.getFileName() + ".bad");
                Files.move(part, bad, StandardCopyOption.REPLACE_EXISTING);
                throw new EaselException("Checksum mismatch for " + url + ": expected " + algorithm + " " + expected
                        + ", found " + actual + ". The download was kept aside as " + bad.toAbsolutePath()
                        + " and not used. Try again, or place a correct copy at " + target.toAbsolutePath() + ".");
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            deleteQuietly(part);
            throw new EaselException("Could not verify download " + part + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // nothing more to do; the .part name keeps it from being used
        }
    }
}
