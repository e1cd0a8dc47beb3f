package org.easel.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.easel.core.data.DataSplits;
import org.easel.core.data.ImageFolderDataset;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import org.easel.synth.ui.ScreenFonts;
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
    void theFolderNameCarriesTheGeneratorVersionAndAVersion1FolderIsLeftAsItIs() throws Exception {
        SynthSpec spec = new SynthSpec(4, 4, 1, 48, 5L, null);
        String name = SynthDataset.folderName(spec);
        assertTrue(name.startsWith("financial-synth-v" + FinancialImageGenerator.GENERATOR_VERSION + "-"), name);
        assertEquals("2.0", FinancialImageGenerator.GENERATOR_VERSION);
        // a generator-1 cache of the same counts, size and seed beside it: another folder, untouched
        Path v1 = cache.resolve(name.replace("-v2.0-", "-v1.0-"));
        Files.createDirectories(v1.resolve("train/financial"));
        Files.writeString(v1.resolve("manifest.json"), "{\"generatorVersion\":\"1.0\",\"files\":[]}");
        Files.writeString(v1.resolve("train/financial/00000_invoice.jpg"), "v1 image");
        Path root = SynthDataset.ensure(spec, cache);
        assertNotEquals(v1, root);
        assertEquals("v1 image", Files.readString(v1.resolve("train/financial/00000_invoice.jpg")));
        // the generator pointed at the 1.0 folder itself says why it does not reuse it
        Optional<String> why = new FinancialImageGenerator(spec).checkComplete(v1, "none", ScreenFonts.fingerprint());
        assertTrue(why.isPresent() && why.get().contains("generator version 1.0"), why.toString());
        // and a version-1 manifest still reads (fields added in 2.0 are simply absent)
        Manifest old = FinancialImageGenerator.readManifest(v1).orElseThrow();
        assertEquals("1.0", old.generatorVersion());
    }

    @Test
    void missingCacheDirIsAClearError() {
        assertThrows(EaselException.class, () -> SynthDataset.ensure(SynthSpec.DEFAULTS, null));
    }
}
