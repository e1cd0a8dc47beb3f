package org.easel.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.ui.ScreenFonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinancialImageGeneratorTest {
    /** 12 financial + 8 non-financial, long side capped at 64 px, 3 of each held out: tiny but every code path runs. */
    private static final SynthSpec TINY = new SynthSpec(12, 8, 3, 64, 7L, null);

    @TempDir
    Path tmp;

    @Test
    void sameSpecGivesByteIdenticalFilesWhateverTheThreadCount() throws IOException {
        Manifest a = new FinancialImageGenerator(TINY, 1).generate(tmp.resolve("a"), SynthProgress.NONE);
        Manifest b = new FinancialImageGenerator(TINY, 2).generate(tmp.resolve("b"), SynthProgress.NONE);
        assertEquals(a.contentHash(), b.contentHash());
        assertEquals(a.files(), b.files());
        for (Manifest.FileEntry e : a.files()) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(e.path())), Files.readAllBytes(tmp.resolve("b").resolve(e.path())), e.path());
        }
        assertEquals(Files.readString(tmp.resolve("a/manifest.json")), Files.readString(tmp.resolve("b/manifest.json")));
        Manifest other = new FinancialImageGenerator(new SynthSpec(12, 8, 3, 64, 8L, null), 2).generate(tmp.resolve("c"), SynthProgress.NONE);
        assertNotEquals(a.contentHash(), other.contentHash(), "another seed must give other images");
    }

    @Test
    void writesTheFourFoldersCountsSamplesAndManifest() throws IOException {
        Path out = tmp.resolve("data");
        int[] calls = {0};
        Manifest m = new FinancialImageGenerator(TINY).generate(out, (done, total) -> {
            calls[0]++;
            assertEquals(20, total);
        });
        assertEquals(20, calls[0], "one progress call per image");
        assertEquals(9, jpgs(out.resolve("train/financial")).size());
        assertEquals(3, jpgs(out.resolve("test/financial")).size());
        assertEquals(5, jpgs(out.resolve("train/non_financial")).size());
        assertEquals(3, jpgs(out.resolve("test/non_financial")).size());
        assertEquals(Map.of("train/financial", 9, "test/financial", 3, "train/non_financial", 5, "test/non_financial", 3), m.counts());
        assertEquals(20, m.subtypes().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(FinancialImageGenerator.GENERATOR_VERSION, m.generatorVersion());
        assertEquals(64, m.spec().size());
        assertEquals("none", m.photosFingerprint());
        assertEquals(64, m.contentHash().length());
        for (Manifest.FileEntry e : m.files()) {
            BufferedImage img = ImageIO.read(out.resolve(e.path()).toFile());
            // every drawn image is larger than 64 px, so the cap shrinks its long side to exactly 64, aspect kept
            assertEquals(64, Math.max(img.getWidth(), img.getHeight()), e.path());
            assertEquals(e.width(), img.getWidth(), e.path());
            assertEquals(e.height(), img.getHeight(), e.path());
            assertTrue(e.path().contains(e.subtype()), e.path());
            assertTrue(e.path().startsWith(e.split() + "/" + e.kind() + "/"), e.path());
            assertTrue(e.subtype().startsWith(e.family() + "-"), e.subtype());
            assertTrue(e.theme() != null && e.scene() != null && e.renderer() != null, e.toString());
            // the label rule, as recorded: financial images show money (or are generator-1 kinds, -1); others show none
            assertTrue(e.kind().equals("financial") ? e.money() != 0 && (e.money() == -1 || e.money() >= 2) : e.money() <= 0, e.toString());
        }
        assertFalse(m.files().stream().anyMatch(e -> e.kind().equals("financial") && e.family().equals("picture")), "pictures are never financial");
        assertEquals(20, m.families().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(ScreenFonts.fingerprint(), m.fontsFingerprint());
        BufferedImage sheet = ImageIO.read(out.resolve("samples.png").toFile());
        assertEquals(8 * ContactSheet.CELL, sheet.getWidth());
        assertTrue(Files.exists(out.resolve("manifest.json")));
        assertFalse(Files.exists(out.resolve(FinancialImageGenerator.MARKER)), "marker removed once complete");
        assertEquals(m, FinancialImageGenerator.readManifest(out).orElseThrow(), "manifest round-trips");
    }

    @Test
    void interruptedRunLeavesNoManifestAndIsRegenerated() throws IOException {
        Path out = tmp.resolve("data");
        FinancialImageGenerator gen = new FinancialImageGenerator(TINY, 2);
        RuntimeException crash = assertThrows(RuntimeException.class, () -> gen.generate(out, (done, total) -> {
            if (done == 7) {
                throw new IllegalStateException("simulated crash");
            }
        }));
        assertTrue(crash.getMessage().contains("simulated crash"), crash.getMessage());
        assertFalse(Files.exists(out.resolve("manifest.json")), "no manifest for a half-written folder");
        assertTrue(Files.exists(out.resolve(FinancialImageGenerator.MARKER)));
        assertTrue(gen.checkComplete(out, "none", ScreenFonts.fingerprint()).isPresent());

        Manifest m = gen.generateIfAbsent(out);
        assertEquals(20, m.files().size());
        assertTrue(gen.checkComplete(out, "none", ScreenFonts.fingerprint()).isEmpty());
        Manifest fresh = new FinancialImageGenerator(TINY, 1).generate(tmp.resolve("fresh"), SynthProgress.NONE);
        assertEquals(fresh.contentHash(), m.contentHash(), "regenerated folder equals a clean run");
    }

    @Test
    void completeFolderIsReusedAndDamagedOrOtherSpecFolderIsRebuilt() throws IOException {
        Path out = tmp.resolve("data");
        FinancialImageGenerator gen = new FinancialImageGenerator(TINY);
        Manifest first = gen.generate(out, SynthProgress.NONE);
        Path probe = out.resolve(first.files().get(0).path());
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(probe, old);

        gen.generateIfAbsent(out);
        assertEquals(old, Files.getLastModifiedTime(probe), "complete folder must be reused, not rewritten");

        Files.delete(out.resolve(first.files().get(5).path()));
        Manifest repaired = gen.generateIfAbsent(out);
        assertTrue(Files.exists(out.resolve(first.files().get(5).path())));
        assertEquals(first.contentHash(), repaired.contentHash());

        SynthSpec bigger = new SynthSpec(12, 8, 3, 72, 7L, null);
        Manifest other = new FinancialImageGenerator(bigger).generateIfAbsent(out);
        assertEquals(72, other.spec().size());
        BufferedImage first0 = ImageIO.read(out.resolve(other.files().get(0).path()).toFile());
        assertEquals(72, Math.max(first0.getWidth(), first0.getHeight()));
    }

    @Test
    void photosFolderIsUsedWhenGiven() throws IOException {
        Path photos = tmp.resolve("photos");
        Files.createDirectories(photos);
        for (int k = 0; k < 2; k++) {
            BufferedImage img = new BufferedImage(120, 90, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 90; y++) {
                for (int x = 0; x < 120; x++) {
                    img.setRGB(x, y, (x * 2 << 16) | (y * 2 << 8) | (k * 200));
                }
            }
            ImageIO.write(img, "png", photos.resolve("p" + k + ".png").toFile());
        }
        Files.writeString(photos.resolve("notes.txt"), "not an image");
        // seed 12 draws 2 photo pictures among its first 14 non-financial images: a small, fast spec that still uses the folder
        SynthSpec spec = new SynthSpec(2, 14, 1, 48, 12L, photos);
        Manifest m = new FinancialImageGenerator(spec).generate(tmp.resolve("out"), SynthProgress.NONE);
        assertTrue(m.subtypes().getOrDefault("picture-photo", 0) > 0, "photos appear as non-financial images: " + m.subtypes());
        assertNotEquals("none", m.photosFingerprint());
        assertTrue(m.files().stream().filter(e -> e.subtype().equals("picture-photo")).allMatch(e -> e.kind().equals("non_financial")));

        Manifest without = new FinancialImageGenerator(spec.withPhotos(null)).generate(tmp.resolve("out2"), SynthProgress.NONE);
        assertFalse(without.subtypes().containsKey("picture-photo"), "no photos folder, no photo images: " + without.subtypes());

        Files.writeString(photos.resolve("p0.png"), "changed");
        FinancialImageGenerator changed = new FinancialImageGenerator(spec);
        assertTrue(changed.checkComplete(tmp.resolve("out"), PhotoLibrary.load(photos).fingerprint(),
                ScreenFonts.fingerprint()).isPresent(),
                "a changed photos folder invalidates the cache");
    }

    @Test
    void sharedContentPhotosWork() {
        String shared = System.getProperty("easel.test.shared");
        Path content = shared == null ? null : Path.of(shared, "images", "content");
        Assumptions.assumeTrue(content != null && Files.isDirectory(content), "shared images not available");
        Manifest m = new FinancialImageGenerator(new SynthSpec(2, 14, 1, 48, 12L, content)).generate(tmp.resolve("o"), SynthProgress.NONE);
        assertNotEquals("none", m.photosFingerprint());
        assertTrue(m.files().stream().anyMatch(e -> e.subtype().equals("picture-photo")), m.subtypes().toString());
    }

    @Test
    void photosFolderWithoutImagesIsAClearError() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        EaselException e = assertThrows(EaselException.class,
                () -> new FinancialImageGenerator(new SynthSpec(4, 4, 1, 48, 1L, empty)).generate(tmp.resolve("o"), SynthProgress.NONE));
        assertTrue(e.getMessage().contains("no readable images"), e.getMessage());
    }

    @Test
    void invalidSpecsFailFastWithTheKeyInTheMessage() {
        assertMessage(new SynthSpec(10, 10, 10, 64, 1L, null), "financial_count");
        assertMessage(new SynthSpec(10, 5, 5, 64, 1L, null), "non_financial_count");
        assertMessage(new SynthSpec(10, 10, 0, 64, 1L, null), "test_per_class");
        assertMessage(new SynthSpec(10, 10, 2, 31, 1L, null), "size");
        assertMessage(new SynthSpec(10, 10, 2, 8192, 1L, null), "size");
        assertMessage(new SynthSpec(10, 10, 2, 64, 1L, tmp.resolve("no-such-folder")), "photos_dir");
        assertMessage(new SynthSpec(2_000_000, 10, 2, 64, 1L, null), "financial_count");
        assertThrows(EaselException.class, () -> new FinancialImageGenerator(null));
        SynthSpec.DEFAULTS.validate();
        assertEquals(2777, SynthSpec.DEFAULTS.financialCount());
        assertEquals(5000, SynthSpec.DEFAULTS.nonFinancialCount());
        assertEquals(500, SynthSpec.DEFAULTS.testPerClass());
        assertEquals(SynthSpec.NATURAL, SynthSpec.DEFAULTS.size(), "images keep their natural size by default");
    }

    @Test
    void refusesToOverwriteAFolderItDidNotMake() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("mine"));
        Files.createDirectories(out.resolve("train/cats"));
        Files.writeString(out.resolve("train/cats/keep.txt"), "precious");
        Files.writeString(out.resolve("README.md"), "my data");
        EaselException e = assertThrows(EaselException.class, () -> new FinancialImageGenerator(TINY).generateIfAbsent(out));
        assertTrue(e.getMessage().contains("did not make"), e.getMessage());
        assertEquals("precious", Files.readString(out.resolve("train/cats/keep.txt")));
    }

    private static void assertMessage(SynthSpec spec, String key) {
        EaselException e = assertThrows(EaselException.class, () -> new FinancialImageGenerator(spec));
        assertTrue(e.getMessage().contains(key), "message should name " + key + ": " + e.getMessage());
    }

    private static List<Path> jpgs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jpg")).toList();
        }
    }
}
