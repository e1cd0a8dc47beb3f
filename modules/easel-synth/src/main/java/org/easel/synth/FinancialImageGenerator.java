package org.easel.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Hashing;
import org.easel.core.io.Json;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.scene.SceneFactory;
import org.easel.synth.ui.ScreenFonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a synthetic financial / non-financial image dataset (generator 2: screenshots of programs of both
 * classes at screen resolution, photos of screens, document pages, graphics and pictures; see the module README
 * for what is drawn and the label rule):
 * <pre>
 *   outDir/train/financial/*.jpg      outDir/train/non_financial/*.jpg
 *   outDir/test/financial/*.jpg       outDir/test/non_financial/*.jpg
 *   outDir/samples.png                outDir/manifest.json   (written last)
 * </pre>
 * Image i of a class is drawn from a Random seeded by (seed, class, i) alone, so the output is
 * byte-identical whatever the thread count or order (on machines with the same fonts: the manifest records
 * which screen fonts were found). The first {@code testPerClass} indices of each class go to test/. Images keep
 * their natural size up to the spec's long-side cap.
 */
public final class FinancialImageGenerator {
    /**
     * Bump when any drawing changes: cached folders made by another version are regenerated, and the folder name
     * {@link SynthDataset#folderName} carries it, so a 1.0 dataset (224-px squares) is never mistaken for a 2.0 one.
     */
    public static final String GENERATOR_VERSION = "2.0";
    public static final String MANIFEST = "manifest.json";
    public static final String SAMPLES = "samples.png";
    /** Present while a folder is being written; a folder with it and no manifest was interrupted. */
    static final String MARKER = ".generating";
    static final List<String> SPLITS = List.of("train", "test");
    static final List<String> CLASSES = List.of("financial", "non_financial");

    private static final Logger LOG = LoggerFactory.getLogger(FinancialImageGenerator.class);

    private final SynthSpec spec;
    private final int threads;

    public FinancialImageGenerator(SynthSpec spec) {
        this(spec, Runtime.getRuntime().availableProcessors());
    }

    public FinancialImageGenerator(SynthSpec spec, int threads) {
        if (spec == null) {
            throw new EaselException("Synthetic data: no spec given. Use SynthSpec.DEFAULTS or build one with counts, size and seed.");
        }
        spec.validate();
        this.spec = spec;
        this.threads = Math.max(1, threads);
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    public SynthSpec spec() {
        return spec;
    }

    /** Reuses {@code outDir} when it holds a complete dataset of this spec; otherwise (re)generates it. */
    public Manifest generateIfAbsent(Path outDir, SynthProgress progress) {
        PhotoLibrary photos = PhotoLibrary.load(spec.photosDir());
        Optional<String> problem = checkComplete(outDir, photos.fingerprint(), ScreenFonts.fingerprint());
        if (problem.isEmpty()) {
            LOG.info("Synthetic dataset in {} is complete for this spec; reusing it", outDir);
            return readManifest(outDir).orElseThrow();
        }
        if (Files.exists(outDir)) {
            LOG.info("Regenerating synthetic dataset in {}: {}", outDir, problem.get());
        }
        return generate(outDir, photos, progress);
    }

    public Manifest generateIfAbsent(Path outDir) {
        return generateIfAbsent(outDir, SynthProgress.NONE);
    }

    /** Generates from scratch, replacing any earlier output of this generator in {@code outDir}. */
    public Manifest generate(Path outDir, SynthProgress progress) {
        return generate(outDir, PhotoLibrary.load(spec.photosDir()), progress);
    }

    private Manifest generate(Path outDir, PhotoLibrary photos, SynthProgress progress) {
        SynthProgress listener = progress == null ? SynthProgress.NONE : progress;
        prepare(outDir);
        long start = System.nanoTime();
        SceneFactory factory = new SceneFactory(spec.size(), spec.seed(), photos);
        int total = spec.total();
        Manifest.FileEntry[] entries = new Manifest.FileEntry[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Object progressLock = new Object();
        // a line every 10% on big runs; tiny runs (tests) only report the end
        int logEvery = total >= 500 ? total / 10 : total;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "easel-synth");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                futures.add(pool.submit(() -> {
                    try {
                        // every worker stops at the first failure anywhere, so a crash is reported at once
                        for (int job; failure.get() == null && !Thread.currentThread().isInterrupted()
                                && (job = next.getAndIncrement()) < total; ) {
                            entries[job] = makeOne(outDir, factory, job);
                            int d = done.incrementAndGet();
                            synchronized (progressLock) {
                                listener.onProgress(d, total);
                                if (d % logEvery == 0 || d == total) {
                                    double secs = (System.nanoTime() - start) / 1e9;
                                    LOG.info("Synthetic images {}/{} ({} s, ETA {} s)", d, total, Math.round(secs),
                                            Math.round(secs / d * (total - d)));
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (ExecutionException e) {
            failure.compareAndSet(null, e.getCause());
        } finally {
            pool.shutdownNow();
            try {
                // no worker may still be writing when the caller retries into the same folder
                pool.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable cause = failure.get();
        if (cause != null) {
            if (cause instanceof InterruptedException) {
                throw new EaselException("Synthetic data generation in " + outDir + " was interrupted; run it again to regenerate the folder.");
            }
            if (cause instanceof EaselException ee) {
                throw ee;
            }
            if (cause instanceof UncheckedIOException io) {
                throw new EaselException("Could not write synthetic images to " + outDir + ": " + io.getCause().getMessage()
                        + ". Check that the folder is writable and the disk is not full.", io);
            }
            throw new IllegalStateException("Synthetic image generation failed: " + cause, cause);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        writeSamples(outDir, entries);
        Manifest manifest = manifest(entries, photos.fingerprint(), ScreenFonts.fingerprint());
        AtomicFiles.writeString(outDir.resolve(MANIFEST), Json.pretty(manifest));
        try {
            Files.deleteIfExists(outDir.resolve(MARKER));
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", outDir.resolve(MARKER), e.getMessage());
        }
        LOG.info("Generated {} synthetic images (long side <= {} px) in {} s ({} images/s, {} MB) -> {}", total, spec.size(), String.format("%.1f", seconds),
                String.format("%.1f", total / seconds), Math.round(manifest.files().stream().mapToLong(Manifest.FileEntry::bytes).sum() / 1e6), outDir);
        return manifest;
    }

    private Manifest.FileEntry makeOne(Path outDir, SceneFactory factory, int job) {
        boolean financial = job < spec.financialCount();
        int index = financial ? job : job - spec.financialCount();
        String split = index < spec.testPerClass() ? "test" : "train";
        String cls = financial ? "financial" : "non_financial";
        SceneFactory.Made made = factory.make(financial, index);
        String rel = split + "/" + cls + "/" + String.format("%05d_%s.jpg", index, made.subtype());
        try {
            Files.write(outDir.resolve(rel), made.jpeg());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Manifest.FileEntry(rel, cls, made.subtype(), split, made.jpeg().length, Hashing.sha256(made.jpeg()), made.family(), made.renderer(),
                made.theme(), made.scene(), made.width(), made.height(), made.money());
    }

    private Manifest manifest(Manifest.FileEntry[] entries, String photosFingerprint, String fontsFingerprint) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String split : SPLITS) {
            for (String cls : CLASSES) {
                counts.put(split + "/" + cls, 0);
            }
        }
        Map<String, Integer> subtypes = new TreeMap<>();
        Map<String, Integer> families = new TreeMap<>();
        MessageDigest md = Hashing.sha256();
        for (Manifest.FileEntry e : entries) {
            counts.merge(e.split() + "/" + e.kind(), 1, Integer::sum);
            subtypes.merge(e.subtype(), 1, Integer::sum);
            families.merge(e.kind() + "/" + e.family(), 1, Integer::sum);
            md.update((e.path() + " " + e.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return new Manifest(GENERATOR_VERSION, Manifest.SpecEntry.of(spec), photosFingerprint, fontsFingerprint, counts, subtypes, families,
                HexFormat.of().formatHex(md.digest()), List.of(entries));
    }

    /** An 8x6 sheet: 24 financial and 24 non-financial images spread evenly over each class. */
    private void writeSamples(Path outDir, Manifest.FileEntry[] entries) {
        List<ContactSheet.Tile> fin = new ArrayList<>();
        List<ContactSheet.Tile> non = new ArrayList<>();
        int per = 24;
        for (boolean financial : new boolean[] {true, false}) {
            int offset = financial ? 0 : spec.financialCount();
            int count = financial ? spec.financialCount() : spec.nonFinancialCount();
            int n = Math.min(per, count);
            for (int k = 0; k < n; k++) {
                Manifest.FileEntry e = entries[offset + (int) ((long) k * count / n)];
                try {
                    BufferedImage img = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(outDir.resolve(e.path()))));
                    (financial ? fin : non).add(new ContactSheet.Tile(img, e.subtype()));
                } catch (IOException ex) {
                    throw new EaselException("Could not read back " + outDir.resolve(e.path()) + " for the contact sheet: " + ex.getMessage());
                }
            }
        }
        ContactSheet.write(outDir.resolve(SAMPLES), 8, fin, non);
    }

    /**
     * Clears earlier output of this generator, refusing to touch a folder that holds anything else
     * (a real dataset must never be overwritten by a typo in a cache path).
     */
    private void prepare(Path outDir) {
        try {
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new EaselException("Synthetic data output " + outDir.toAbsolutePath() + " is a file, not a folder. Choose a folder path.");
            }
            Files.createDirectories(outDir);
            boolean ours = Files.exists(outDir.resolve(MANIFEST)) || Files.exists(outDir.resolve(MARKER));
            List<String> foreign = new ArrayList<>();
            try (Stream<Path> s = Files.list(outDir)) {
                s.map(p -> p.getFileName().toString())
                        .filter(n -> !n.equals(MANIFEST) && !n.equals(MARKER) && !n.equals(SAMPLES) && !n.startsWith("." + MANIFEST)
                                && !n.startsWith("." + SAMPLES))
                        .filter(n -> !(ours && SPLITS.contains(n)))
                        .sorted()
                        .forEach(foreign::add);
            }
            if (!foreign.isEmpty()) {
                throw new EaselException("Synthetic data output folder " + outDir.toAbsolutePath() + " already holds files the generator did not make "
                        + foreign.subList(0, Math.min(5, foreign.size())) + ". Choose an empty folder (or the cache folder the generator made).");
            }
            // the marker goes first, the manifest goes last: a crash in between leaves a folder marked incomplete
            AtomicFiles.writeString(outDir.resolve(MARKER), Json.pretty(Manifest.SpecEntry.of(spec)));
            Files.deleteIfExists(outDir.resolve(MANIFEST));
            Files.deleteIfExists(outDir.resolve(SAMPLES));
            for (String split : SPLITS) {
                deleteTree(outDir.resolve(split));
                for (String cls : CLASSES) {
                    Files.createDirectories(outDir.resolve(split).resolve(cls));
                }
            }
        } catch (IOException e) {
            throw new EaselException("Cannot prepare synthetic data folder " + outDir.toAbsolutePath() + ": " + e.getMessage()
                    + ". Check that it is writable.", e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Empty when {@code outDir} holds a complete dataset for this spec; otherwise the reason it does not. */
    Optional<String> checkComplete(Path outDir, String photosFingerprint, String fontsFingerprint) {
        if (!Files.isDirectory(outDir)) {
            return Optional.of("folder does not exist");
        }
        if (Files.exists(outDir.resolve(MARKER))) {
            return Optional.of("an earlier run was interrupted (" + MARKER + " present)");
        }
        Optional<Manifest> read = readManifest(outDir);
        if (read.isEmpty()) {
            return Optional.of("no readable " + MANIFEST);
        }
        Manifest m = read.get();
        if (!GENERATOR_VERSION.equals(m.generatorVersion())) {
            return Optional.of("made by generator version " + m.generatorVersion() + ", current is " + GENERATOR_VERSION
                    + (m.generatorVersion() != null && m.generatorVersion().startsWith("1.") ? " (1.x drew 224-px squares of another mix)" : ""));
        }
        if (!fontsFingerprint.equals(m.fontsFingerprint())) {
            return Optional.of("made with other screen fonts installed (fonts " + m.fontsFingerprint() + ", here " + fontsFingerprint + ")");
        }
        if (m.spec() == null || !m.spec().sameImages(spec) || !photosFingerprint.equals(m.photosFingerprint())) {
            return Optional.of("made for another spec " + Json.line(m.spec()));
        }
        if (m.files() == null || m.files().size() != spec.total()) {
            return Optional.of("manifest lists " + (m.files() == null ? 0 : m.files().size()) + " files, expected " + spec.total());
        }
        for (Manifest.FileEntry e : m.files()) {
            Path p = outDir.resolve(e.path());
            try {
                if (!Files.isRegularFile(p) || Files.size(p) != e.bytes()) {
                    return Optional.of(e.path() + " is missing or has changed");
                }
            } catch (IOException ex) {
                return Optional.of(e.path() + " is unreadable: " + ex.getMessage());
            }
        }
        return Optional.empty();
    }

    static Optional<Manifest> readManifest(Path outDir) {
        Path file = outDir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.MAPPER.readValue(file.toFile(), Manifest.class));
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }
}
