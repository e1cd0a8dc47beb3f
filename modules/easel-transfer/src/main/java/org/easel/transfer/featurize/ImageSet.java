package org.easel.transfer.featurize;

import java.util.List;
import org.easel.core.io.Hashing;

/** Image files with labels (indices into {@code classes}); the order is the feature order. */
public record ImageSet(List<java.nio.file.Path> files, int[] labels, List<String> classes) {
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
            java.nio.file.Path f = files.get(i);
            long size;
            long mtime;
            try {
                size = java.nio.file.Files.size(f);
                mtime = java.nio.file.Files.getLastModifiedTime(f).toMillis();
            } catch (java.io.IOException e) {
                size = -1;
                mtime = -1;
            }
            sb.append(f.toAbsolutePath().normalize()).append('|').append(size).append('|').append(mtime).append('|').append(labels[i]).append('\n');
        }
        return Hashing.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
