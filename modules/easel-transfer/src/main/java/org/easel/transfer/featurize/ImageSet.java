package org.easel.transfer.featurize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.io.Hashing;

/** Image files with labels (indices into {@code classes}); the order is the feature order. */
public record ImageSet(List<Path> files, int[] labels, List<String> classes) {
    public int size() {
        return files.size();
    }

    public int[] classCounts() {
        int[] counts = new int[classes.size()];
        for (int l : labels) {
            counts[l]++;
        }
        return counts;
    }

    /**
     * A fingerprint of the file list: path, size and modification time of every file, with its label.
     * Any added, removed, relabelled or rewritten image changes it, and with it the cache key.
     */
    public String manifestHash() {
        StringBuilder sb = new StringBuilder(String.join(",", classes)).append('\n');
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            long size;
            long mtime;
            try {
                size = Files.size(f);
                mtime = Files.getLastModifiedTime(f).toMillis();
            } catch (IOException e) {
                size = -1;
                mtime = -1;
            }
            sb.append(f.toAbsolutePath().normalize()).append('|').append(size).append('|').append(mtime).append('|').append(labels[i]).append('\n');
        }
        return Hashing.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
