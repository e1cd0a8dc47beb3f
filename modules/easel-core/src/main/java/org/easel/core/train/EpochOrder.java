package org.easel.core.train;

import java.util.Random;

/**
 * The order in which an epoch visits the training examples. Seeded from the run seed and the epoch
 * alone, so a resumed run visits them exactly as an uninterrupted one would; every training loop in
 * Easel (classifier, VAE, transfer stage 2) uses this one definition.
 */
public final class EpochOrder {
    private EpochOrder() {
    }

    /** 0..n-1, Fisher-Yates shuffled with {@code Random(seed * 31 + epoch)} when {@code shuffle} is set. */
    public static int[] of(int n, boolean shuffle, long seed, int epoch) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (shuffle) {
            Random random = new Random(seed * 31 + epoch);
            for (int i = n - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
        }
        return order;
    }
}
