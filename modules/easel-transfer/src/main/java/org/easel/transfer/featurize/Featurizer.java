package org.easel.transfer.featurize;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.easel.core.data.DataSplits;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runs every image through the frozen backbone once. The next batch is decoded on a second thread
 * while the current one is in the backbone, so JPEG decoding and resizing hide behind the convolutions.
 * Progress (images/s, ETA) goes to the listener about every 10 seconds.
 */
public final class Featurizer {
    private final FeatureExtractor backbone;
    private final ImageReader reader;
    private final int batchSize;
    private final TrainingListener listener;
    private double lastImagesPerSecond = Double.NaN;

    public Featurizer(FeatureExtractor backbone, ImageReader reader, int batchSize, TrainingListener listener) {
        this.backbone = backbone;
        this.reader = reader;
        this.batchSize = batchSize;
        this.listener = listener;
    }

    /** Images per second of the last {@link #featurize} call (NaN before). */
    public double imagesPerSecond() {
        return lastImagesPerSecond;
    }

    private record Batch(float[] pixels, List<Integer> kept, List<DataSplits.SkippedFile> skipped) {
    }

    /**
     * Writes the preprocessed pixels of image {@code index} of the set at {@code offset}; the plain source
     * reads the file, an augmenting one draws a transformed view of it.
     */
    public interface Source {
        void read(int index, float[] out, int offset) throws IOException;
    }

    public Features featurize(ImageSet images, String what) {
        return featurize(images, what, (i, out, offset) -> reader.read(images.files().get(i), out, offset));
    }

    /** Features of every image of the set, with pixels from {@code source}; unreadable images are skipped and listed. */
    public Features featurize(ImageSet images, String what, Source source) {
        int n = images.size();
        int per = reader.pixelsPerImage();
        int dim = backbone.featureSize();
        if ((long) n * dim > Integer.MAX_VALUE - 8) {
            throw new EaselException(String.format("%d %s x %d features per image do not fit in one array (%.1f GB); "
                    + "use fewer images, a smaller transfer.input_size, or a later layer", n, what, dim, 4.0 * n * dim / 1e9));
        }
        float[] x = new float[n * dim];
        int[] labels = new int[n];
        List<Path> files = new ArrayList<>(n);
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        int rows = 0;
        long t0 = System.nanoTime();
        long nextReport = t0 + 10_000_000_000L;
        ExecutorService decoder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "easel-image-decoder");
            t.setDaemon(true);
            return t;
        });
        try {
            Future<Batch> pending = decoder.submit(() -> decode(images, source, 0, per));
            for (int from = 0; from < n; from += batchSize) {
                Batch batch = pending.get();
                int next = from + batchSize;
                if (next < n) {
                    pending = decoder.submit(() -> decode(images, source, next, per));
                }
                skipped.addAll(batch.skipped());
                int m = batch.kept().size();
                if (m > 0) {
                    try (INDArray in = reader.batch(batch.pixels(), m); INDArray out = backbone.features(in)) {
                        float[] f = out.castTo(DataType.FLOAT).data().asFloat();
                        System.arraycopy(f, 0, x, rows * dim, m * dim);
                    }
                    for (int idx : batch.kept()) {
                        labels[rows] = images.labels()[idx];
                        files.add(images.files().get(idx));
                        rows++;
                    }
                }
                long now = System.nanoTime();
                if (now > nextReport || Math.min(n, next) == n) {
                    double done = Math.min(n, next);
                    double rate = done / ((now - t0) / 1e9);
                    listener.onMessage(String.format("Featurizing %s (backbone up to %s): %d/%d images, %.1f images/s, ETA %.0f s",
                            what, backbone.lastLayer(), (int) done, n, rate,
                            (n - done) / Math.max(rate, 1e-9)));
                    nextReport = now + 10_000_000_000L;
                }
            }
        } catch (ExecutionException e) {
            throw new EaselException("Featurizing failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EaselException("Featurizing interrupted", e);
        } finally {
            decoder.shutdownNow();
        }
        lastImagesPerSecond = n / ((System.nanoTime() - t0) / 1e9);
        // no copy when every image was readable: stage-2 feature maps can take gigabytes
        return new Features(rows == n ? x : Arrays.copyOf(x, rows * dim), dim, Arrays.copyOf(labels, rows), files,
                images.classes(), skipped);
    }

    private Batch decode(ImageSet images, Source source, int from, int per) {
        int to = Math.min(images.size(), from + batchSize);
        float[] pixels = new float[(to - from) * per];
        List<Integer> kept = new ArrayList<>();
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        for (int i = from; i < to; i++) {
            try {
                source.read(i, pixels, kept.size() * per);
                kept.add(i);
            } catch (IOException | RuntimeException e) {
                skipped.add(new DataSplits.SkippedFile(images.files().get(i).toString(), String.valueOf(e.getMessage())));
            }
        }
        return new Batch(kept.size() == to - from ? pixels : Arrays.copyOf(pixels, kept.size() * per), kept, skipped);
    }
}
