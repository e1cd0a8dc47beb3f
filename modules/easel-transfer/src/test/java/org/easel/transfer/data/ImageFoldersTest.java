package org.easel.transfer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {
    @TempDir
    Path tmp;

    private void touch(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve("img" + i + ".jpg"), "x");
        }
    }

    @Test
    void usesTrainAndTestFoldersAndShufflesTrainingOrderWithTheSeed() throws Exception {
        touch(tmp.resolve("train/financial"), 5);
        touch(tmp.resolve("train/non_financial"), 9);
        touch(tmp.resolve("test/financial"), 2);
        touch(tmp.resolve("test/non_financial"), 2);
        ImageFolders.Split s = ImageFolders.load(tmp, 0.5, 3);
        assertEquals(List.of("financial", "non_financial"), s.train().classes());
        assertArrayEquals(new int[]{5, 9}, s.train().classCounts());
        assertArrayEquals(new int[]{2, 2}, s.test().classCounts());
        // the validation split takes the tail, so the order must not be class-sorted
        int[] labels = s.train().labels();
        boolean sorted = true;
        for (int i = 1; i < labels.length; i++) {
            sorted &= labels[i - 1] <= labels[i];
        }
        assertTrue(!sorted, Arrays.toString(labels));
        assertArrayEquals(s.train().labels(), ImageFolders.load(tmp, 0.5, 3).train().labels());
    }

    @Test
    void splitsAFlatFolderPerClass() throws Exception {
        touch(tmp.resolve("a"), 10);
        touch(tmp.resolve("b"), 4);
        ImageFolders.Split s = ImageFolders.load(tmp, 0.25, 1);
        assertArrayEquals(new int[]{7, 3}, s.train().classCounts()); // round(2.5) = 3 and round(1.0) = 1 held out
        assertArrayEquals(new int[]{3, 1}, s.test().classCounts());
    }

    @Test
    void mismatchedClassFoldersAreAnError() throws Exception {
        touch(tmp.resolve("train/a"), 2);
        touch(tmp.resolve("train/b"), 2);
        touch(tmp.resolve("test/a"), 2);
        touch(tmp.resolve("test/c"), 2);
        EaselException e = assertThrows(EaselException.class, () -> ImageFolders.load(tmp, 0.2, 1));
        assertTrue(e.getMessage().contains("Class folders differ"), e.getMessage());
    }
}
