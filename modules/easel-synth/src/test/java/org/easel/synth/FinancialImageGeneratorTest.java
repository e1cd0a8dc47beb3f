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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinancialImageGeneratorTest {
    /** 12 financial + 8 non-financial at 64 px, 3 of each held out: tiny but every code path runs. */
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
            assertEquals(64, img.getWidth(), e.path());
            assertEquals(64, img.getHeight(), e.path());
            assertTrue(e.path().contains(e.subtype()), e.path());
            assertTrue(e.path().startsWith(e.split() + "/" + e.kind() + "/"), e.path());
        }
        // the files' kinds come from the right catalogue
        assertTrue(m.files().stream().filter(e -> e.kind().equals("financial")).allMatch(e -> List.of("candlestick_chart", "line_chart",
                "area_chart", "bar_chart", "income_statement", "balance_sheet", "spreadsheet", "invoice", "receipt", "ticker_board",
                "trading_screen", "dashboard").contains(e.subtype())));
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
        assertTrue(gen.checkComplete(out, "none").isPresent());

        Manifest m = gen.generateIfAbsent(out);
        assertEquals(20, m.files().size());
        assertTrue(gen.checkComplete(out, "none").isEmpty());
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
        assertEquals(72, ImageIO.read(out.resolve(other.files().get(0).path()).toFile()).getWidth());
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
        SynthSpec spec = new SynthSpec(4, 40, 2, 48, 3L, photos);
        Manifest m = new FinancialImageGenerator(spec).generate(tmp.resolve("out"), SynthProgress.NONE);
        assertTrue(m.subtypes().getOrDefault("photo", 0) > 0, "photos appear as non-financial images: " + m.subtypes());
        assertNotEquals("none", m.photosFingerprint());
        assertTrue(m.files().stream().filter(e -> e.subtype().equals("photo")).allMatch(e -> e.kind().equals("non_financial")));

        Manifest without = new FinancialImageGenerator(spec.withPhotos(null)).generate(tmp.resolve("out2"), SynthProgress.NONE);
        assertFalse(without.subtypes().containsKey("photo"), "no photos folder, no photo images: " + without.subtypes());

        Files.writeString(photos.resolve("p0.png"), "changed");
        FinancialImageGenerator changed = new FinancialImageGenerator(spec);
        assertTrue(changed.checkComplete(tmp.resolve("out"), PhotoLibrary.load(photos).fingerprint()).isPresent(),
                "a changed photos folder invalidates the cache");
    }

    @Test
    void sharedContentPhotosWork() {
        String shared = System.getProperty("easel.test.shared");
        Path content = shared == null ? null : Path.of(shared, "images", "content");
        Assumptions.assumeTrue(content != null && Files.isDirectory(content), "shared images not available");
        Manifest m = new FinancialImageGenerator(new SynthSpec(3, 30, 1, 48, 11L, content)).generate(tmp.resolve("o"), SynthProgress.NONE);
        assertTrue(m.subtypes().getOrDefault("photo", 0) > 0, m.subtypes().toString());
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
        assertMessage(new SynthSpec(10, 10, 2, 4096, 1L, null), "size");
        assertMessage(new SynthSpec(10, 10, 2, 64, 1L, tmp.resolve("no-such-folder")), "photos_dir");
        assertMessage(new SynthSpec(2_000_000, 10, 2, 64, 1L, null), "financial_count");
        assertThrows(EaselException.class, () -> new FinancialImageGenerator(null));
        SynthSpec.DEFAULTS.validate();
        assertEquals(2777, SynthSpec.DEFAULTS.financialCount());
        assertEquals(5000, SynthSpec.DEFAULTS.nonFinancialCount());
        assertEquals(500, SynthSpec.DEFAULTS.testPerClass());
        assertEquals(224, SynthSpec.DEFAULTS.size());
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
