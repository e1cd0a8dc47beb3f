package org.easel.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.easel.core.data.DataSplits;
import org.easel.core.data.ImageFolderDataset;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthDatasetTest {
    @TempDir
    Path cache;

    @Test
    void ensureGeneratesOnceAndReturnsAFolderTheImageLoaderReads() throws Exception {
        SynthSpec spec = new SynthSpec(6, 6, 2, 40, 5L, null);
        List<String> messages = new ArrayList<>();
        Path root = SynthDataset.ensure(spec, cache, SynthDataset.toListener(new TrainingListener() {
            @Override
            public void onMessage(String message) {
                messages.add(message);
            }
        }));
        assertEquals(cache.resolve(SynthDataset.folderName(spec)), root);
        assertTrue(Files.isRegularFile(root.resolve("manifest.json")));
        assertTrue(messages.contains("Generating synthetic images: 12/12"), messages.toString());
        long stamp = Files.getLastModifiedTime(root.resolve("manifest.json")).toMillis();
        Thread.sleep(20);
        assertEquals(root, SynthDataset.ensure(spec, cache));
        assertEquals(stamp, Files.getLastModifiedTime(root.resolve("manifest.json")).toMillis(), "second call reuses the folder");

        DataSplits train = ImageFolderDataset.load(root.resolve("train"), 32, 32, 3, 0.0, 1L);
        assertEquals(List.of("financial", "non_financial"), train.train().classes());
        assertEquals(8, train.train().labels().length);
        assertNotEquals(SynthDataset.folderName(spec), SynthDataset.folderName(new SynthSpec(6, 6, 2, 40, 6L, null)));
    }

    @Test
    void missingCacheDirIsAClearError() {
        assertThrows(EaselException.class, () -> SynthDataset.ensure(SynthSpec.DEFAULTS, null));
    }
}
