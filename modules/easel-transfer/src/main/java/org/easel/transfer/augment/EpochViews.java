package org.easel.transfer.augment;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.TrainingListener;

/**
 * Puts one of each training image's 1 + copies cached views into the head's training array at the start
 * of every epoch: view 0 is the original, 1..copies the augmented ones. The choice depends only on the
 * seed and the epoch, so a rerun (or --resume, which retrains the head) sees the same views. The core
 * trainer reads the training array batch by batch during the epoch, after {@code onEpochStart}; the other
 * listener calls are passed on.
 */
public final class EpochViews implements TrainingListener {
    private final float[] target;
    private final float[] originals;
    private final float[] views;
    private final int[][] viewRows;
    private final int dim;
    private final long seed;
    private final TrainingListener next;

    /**
     * @param target    the head's training array (n x dim), overwritten every epoch
     * @param trainFiles the n training images, in the order of {@code target}
     * @param views     the augmented rows (same scaling as {@code target}), row r belonging to {@code viewFiles.get(r)}
     */
    public EpochViews(float[] target, List<Path> trainFiles, float[] views, List<Path> viewFiles, int copies, int dim, long seed,
                      TrainingListener next) {
        this.target = target;
        this.originals = target.clone();
        this.views = views;
        this.dim = dim;
        this.seed = seed;
        this.next = next;
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

    /** Fills the training array with the views of {@code epoch}. */
    public void apply(int epoch) {
        int[] choice = choices(epoch);
        for (int i = 0; i < choice.length; i++) {
            int row = choice[i] == 0 ? -1 : viewRows[i][choice[i] - 1];
            System.arraycopy(row < 0 ? originals : views, (row < 0 ? i : row) * dim, target, i * dim, dim);
        }
    }

    @Override
    public void onEpochStart(int epoch, int totalEpochs, int batches) {
        apply(epoch);
        next.onEpochStart(epoch, totalEpochs, batches);
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        next.onBatch(epoch, batch, batches, loss);
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        next.onEpochEnd(metrics);
    }

    @Override
    public void onMessage(String message) {
        next.onMessage(message);
    }
}
