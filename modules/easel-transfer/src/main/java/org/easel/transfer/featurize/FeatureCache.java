package org.easel.transfer.featurize;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.easel.core.data.DataSplits;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The featurize-once cache: one file per (backbone, weights, input size, freeze layer, pooling,
 * preprocessing, image list). The key ({@link FeatureStep#key}) is a SHA-256 of all of them, so a change to any one of them
 * misses the cache instead of silently reusing stale features. Written atomically; a corrupt file
 * is ignored (and rewritten), never trusted.
 */
public final class FeatureCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureCache.class);
    private static final int MAGIC = 0x45464331; // "EFC1"

    private final Path dir;

    public FeatureCache(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String key) {
        return dir.resolve(key.substring(0, 24) + ".features");
    }

    public Optional<Features> load(String key, ImageSet images) {
        Path f = file(key);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a feature cache file");
            }
            int dim = in.readInt();
            int total = in.readInt();
            int kept = in.readInt();
            if (total != images.size() || kept > total) {
                throw new IOException("written for " + total + " images, now " + images.size());
            }
            int[] index = new int[kept];
            for (int i = 0; i < kept; i++) {
                index[i] = in.readInt();
            }
            float[] x = new float[kept * dim];
            for (int i = 0; i < x.length; i++) {
                x[i] = in.readFloat();
            }
            int nSkipped = in.readInt();
            List<DataSplits.SkippedFile> skipped = new ArrayList<>();
            for (int i = 0; i < nSkipped; i++) {
                skipped.add(new DataSplits.SkippedFile(in.readUTF(), in.readUTF()));
            }
            int[] labels = new int[kept];
            List<Path> files = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                labels[i] = images.labels()[index[i]];
                files.add(images.files().get(index[i]));
            }
            return Optional.of(new Features(x, dim, labels, files, images.classes(), skipped));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable feature cache {} ({}); featurizing again.", f, e.getMessage());
            return Optional.empty();
        }
    }

    /** Forgets the features stored under {@code key} (easel featurize --force). */
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new EaselException("Cannot delete the cached features " + file(key) + ": " + e.getMessage(), e);
        }
    }

    public void store(String key, ImageSet images, Features features) {
        // rows are the readable images in set order; a set may list a file more than once (augmented views)
        int[] index = new int[features.size()];
        int j = 0;
        for (int i = 0; i < features.size(); i++) {
            while (!images.files().get(j).equals(features.files().get(i))) {
                j++;
            }
            index[i] = j++;
        }
        AtomicFiles.writeStream(file(key), os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16));
            out.writeInt(MAGIC);
            out.writeInt(features.dim());
            out.writeInt(images.size());
            out.writeInt(features.size());
            for (int i : index) {
                out.writeInt(i);
            }
            for (float v : features.x()) {
                out.writeFloat(v);
            }
            out.writeInt(features.skipped().size());
            for (DataSplits.SkippedFile s : features.skipped()) {
                out.writeUTF(s.path());
                out.writeUTF(s.reason());
            }
            out.flush();
        });
    }
}
