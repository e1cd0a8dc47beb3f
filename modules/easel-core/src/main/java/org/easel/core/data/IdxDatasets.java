package org.easel.core.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;

/**
 * MNIST and Fashion-MNIST: where their files live, where they come from, and how to check them.
 * Checksums are of the decompressed IDX content, so any faithful gzip of the data is accepted.
 */
public final class IdxDatasets {
    /** One dataset: its folder under the data dir, canonical base URL, files and class names. */
    public record Spec(String name, String folder, String baseUrl, Map<String, String> sha256ByFile, List<String> classes) {
    }

    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte.gz";
    public static final String TRAIN_LABELS = "train-labels-idx1-ubyte.gz";
    public static final String TEST_IMAGES = "t10k-images-idx3-ubyte.gz";
    public static final String TEST_LABELS = "t10k-labels-idx1-ubyte.gz";

    public static final Spec MNIST = new Spec("mnist", "mnist", "https://storage.googleapis.com/cvdf-datasets/mnist/", Map.of(
            TRAIN_IMAGES, "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            TRAIN_LABELS, "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            TEST_IMAGES, "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            TEST_LABELS, "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    public static final Spec FASHION_MNIST = new Spec("fashion-mnist", "fashion-mnist",
            "https://storage.googleapis.com/tensorflow/tf-keras-datasets/", Map.of(
            TRAIN_IMAGES, "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
            TRAIN_LABELS, "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
            TEST_IMAGES, "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
            TEST_LABELS, "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"));

    private IdxDatasets() {
    }

    public static Spec byName(String name) {
        return switch (name) {
            case "mnist" -> MNIST;
            case "fashion-mnist" -> FASHION_MNIST;
            default -> throw new EaselException("Unknown IDX dataset '" + name + "'; known: mnist, fashion-mnist");
        };
    }

    /** Loads train and test splits, fetching missing files when {@code download} is true. */
    public static DataSplits load(Spec spec, Path dataDir, boolean download, String baseUrlOverride) {
        Path folder = dataDir.resolve(spec.folder());
        List<String> missing = new ArrayList<>();
        for (String file : List.of(TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS)) {
            if (locate(folder, file) == null) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty() && (!download || Downloader.offline())) {
            throw new EaselException("Dataset " + spec.name() + " is missing " + String.join(", ", missing) + " in "
                    + folder.toAbsolutePath() + ". Place the files there (raw or .gz), point data.dir or $EASEL_DATA at a "
                    + "folder that has " + spec.folder() + "/, or " + (download ? "unset EASEL_OFFLINE" : "set data.download: true")
                    + " to fetch them from " + spec.baseUrl());
        }
        String base = baseUrlOverride != null ? baseUrlOverride : spec.baseUrl();
        for (String file : missing) {
            Downloader.fetch(URI.create(base + file), folder.resolve(file), spec.sha256ByFile().get(file), IdxDatasets::contentSha256);
        }
        LabeledData train = toLabeled(IdxReader.read(locate(folder, TRAIN_IMAGES)), IdxReader.read(locate(folder, TRAIN_LABELS)), spec, folder);
        LabeledData test = toLabeled(IdxReader.read(locate(folder, TEST_IMAGES)), IdxReader.read(locate(folder, TEST_LABELS)), spec, folder);
        return new DataSplits(spec.name(), train, test, List.of());
    }

    /** The .gz file, or the same file already decompressed. */
    static Path locate(Path folder, String gzName) {
        Path gz = folder.resolve(gzName);
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = folder.resolve(gzName.substring(0, gzName.length() - 3));
        return Files.isRegularFile(raw) ? raw : null;
    }

    private static LabeledData toLabeled(IdxReader.IdxArray images, IdxReader.IdxArray labels, Spec spec, Path folder) {
        if (images.dims().length != 3 || labels.dims().length != 1) {
            throw new EaselException("Dataset " + spec.name() + " in " + folder + ": expected image files of rank 3 and label files of rank 1;"
                    + " are the file names swapped?");
        }
        if (images.count() != labels.count()) {
            throw new EaselException("Dataset " + spec.name() + " in " + folder + ": " + images.count() + " images but "
                    + labels.count() + " labels; one of the files belongs to another split or dataset.");
        }
        int n = images.count();
        byte[] src = images.data();
        float[] pixels = new float[src.length];
        for (int i = 0; i < src.length; i++) {
            pixels[i] = (src[i] & 0xff) / 255f;
        }
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= spec.classes().size()) {
                throw new EaselException("Dataset " + spec.name() + ": label " + y[i] + " at index " + i + " is out of range 0.."
                        + (spec.classes().size() - 1) + " in " + folder);
            }
        }
        return new LabeledData(pixels, y, spec.classes(), 1, images.dims()[1], images.dims()[2]);
    }

    /** SHA-256 of the decompressed content (or the raw content if the file is not gzip). */
    public static String contentSha256(Path file) throws IOException {
        MessageDigest md = Hashing.sha256();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw) : raw;
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
