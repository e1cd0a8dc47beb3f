package org.easel.transfer.featurize;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.easel.core.data.DataSplits;

/**
 * Pooled backbone features of the readable images of an {@link ImageSet}: row i belongs to
 * {@code files.get(i)}. Unreadable images are left out and listed in {@code skipped}.
 */
public record Features(float[] x, int dim, int[] labels, List<Path> files, List<String> classes,
                       List<DataSplits.SkippedFile> skipped) {
    public int size() {
        return labels.length;
    }

    public float[] row(int i) {
        return Arrays.copyOfRange(x, i * dim, (i + 1) * dim);
    }
}
