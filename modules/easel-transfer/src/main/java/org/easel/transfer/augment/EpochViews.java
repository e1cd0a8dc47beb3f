package org.easel.transfer.augment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.easel.core.data.LabeledData;
import org.easel.core.train.EpochData;

/**
 * The head's training examples for each epoch: one of each training image's 1 + copies cached views
 * (view 0 is the original, 1..copies the augmented ones). The choice depends only on the seed and the epoch,
 * so a rerun (or --resume, which retrains the head) sees the same views. Labels and order never change.
 */
public final class EpochViews implements EpochData {
    private final LabeledData originals;
    private final float[] views;
    private final int[][] viewRows;
    private final int dim;
    private final long seed;

    /**
     * @param originals  the head's training examples (n x dim) with their labels
     * @param trainFiles the n training images, in the order of {@code originals}
     * @param views      the augmented rows (same scaling as {@code originals}), row r belonging to {@code viewFiles.get(r)}
     */
    public EpochViews(LabeledData originals, List<Path> trainFiles, float[] views, List<Path> viewFiles, int copies, long seed) {
        this.originals = originals;
        this.views = views;
        this.dim = originals.featureSize();
        this.seed = seed;
        Map<Path, Integer> index = new HashMap<>();
        for (int i = 0; i < trainFiles.size(); i++) {
            index.put(trainFiles.get(i), i);
        }
        this.viewRows = new int[trainFiles.size()][copies];
        for (int[] row : viewRows) {
            Arrays.fill(row, -1); // a view that could not be read falls back to the original
        }
        int[] seen = new int[trainFiles.size()];
        for (int r = 0; r < viewFiles.size(); r++) {
            Integer i = index.get(viewFiles.get(r));
            if (i != null && seen[i] < copies) {
                viewRows[i][seen[i]++] = r;
            }
        }
    }

    /** The view (0 = original, 1..copies) each training image gets in {@code epoch}. */
    public int[] choices(int epoch) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7919L * epoch);
        int[] out = new int[viewRows.length];
        int copies = viewRows.length == 0 ? 0 : viewRows[0].length;
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextInt(copies + 1);
        }
        return out;
    }

    /** The training examples of {@code epoch}: the chosen view of every image, labels unchanged. */
    @Override
    public LabeledData forEpoch(int epoch) {
        int[] choice = choices(epoch);
        float[] x = new float[originals.pixels().length];
        for (int i = 0; i < choice.length; i++) {
            int row = choice[i] == 0 ? -1 : viewRows[i][choice[i] - 1];
            System.arraycopy(row < 0 ? originals.pixels() : views, (row < 0 ? i : row) * dim, x, i * dim, dim);
        }
        return new LabeledData(x, originals.labels(), originals.classes(), originals.channels(), originals.height(), originals.width());
    }
}
