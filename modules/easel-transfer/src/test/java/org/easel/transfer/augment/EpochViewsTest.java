package org.easel.transfer.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.easel.core.data.LabeledData;
import org.junit.jupiter.api.Test;

class EpochViewsTest {
    @Test
    void eachEpochGivesOneDeterministicViewPerImageWithLabelsUnchanged() {
        List<Path> files = List.of(Path.of("a"), Path.of("b"), Path.of("c"));
        float[] target = {0, 0, 1, 1, 2, 2}; // 3 images x 2 features; view c of image i = 10 * c + i
        List<Path> viewFiles = List.of(Path.of("a"), Path.of("b"), Path.of("c"), Path.of("a"), Path.of("b"), Path.of("c"));
        float[] views = {10, 10, 11, 11, 12, 12, 20, 20, 21, 21, 22, 22};
        LabeledData originals = new LabeledData(target, new int[]{0, 1, 0}, List.of("x", "y"), 2, 1, 1);
        EpochViews ev = new EpochViews(originals, files, views, viewFiles, 2, 5);
        assertArrayEquals(ev.choices(3), new EpochViews(originals, files, views, viewFiles, 2, 5).choices(3), "same seed and epoch, same views");
        boolean differs = false;
        int[] used = new int[3];
        for (int epoch = 1; epoch <= 30; epoch++) {
            int[] c = ev.choices(epoch);
            differs |= !Arrays.equals(c, ev.choices(1));
            LabeledData data = ev.forEpoch(epoch);
            assertArrayEquals(originals.labels(), data.labels());
            for (int i = 0; i < 3; i++) {
                used[c[i]]++;
                float expected = c[i] == 0 ? i : 10 * c[i] + i;
                assertEquals(expected, data.pixels()[2 * i], "epoch " + epoch + " image " + i);
                assertEquals(expected, data.pixels()[2 * i + 1]);
            }
        }
        assertArrayEquals(new float[]{0, 0, 1, 1, 2, 2}, target, "the originals are never overwritten");
        assertTrue(differs, "views change between epochs");
        assertTrue(used[0] > 0 && used[1] > 0 && used[2] > 0, "original and both views are drawn: " + Arrays.toString(used));
    }
}
