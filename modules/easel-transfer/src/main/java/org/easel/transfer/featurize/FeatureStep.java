package org.easel.transfer.featurize;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.easel.core.io.Hashing;
import org.easel.core.train.TrainingListener;
import org.easel.transfer.backbone.Backbone;

/**
 * One featurizing step: the cache key of (backbone, weights, input size, layer, pooling, preprocessing,
 * images), a cache hit, or the features computed and stored. {@code easel run} computes them on this
 * machine, {@code easel featurize} on Spark; both go through here, so they share the key and the file.
 */
public final class FeatureStep {
    private FeatureStep() {
    }

    /** How one step went, for the log and the report. */
    public record Outcome(Features features, boolean cacheHit, double seconds, double imagesPerSecond, Path file) {
        public String describe(String what, int images) {
            return cacheHit
                    ? String.format("%s: %d images, features loaded from the cache `%s` in %.1f s", what, images, file, seconds)
                    : String.format("%s: %d images featurized in %.1f s (%.2f images/s), cached as `%s`", what, images, seconds,
                    imagesPerSecond, file);
        }
    }

    /**
     * The cache key of {@code images} featurized by {@code backbone} up to {@code layer} with {@code pooling};
     * {@code variant} (null for plain images) names what else changes the pixels (augmentation settings).
     */
    public static String key(Backbone backbone, String layer, String pooling, ImageSet images, String variant) {
        return key(backbone.cacheName(), backbone.weights().identity(), backbone.inputSize(), layer, pooling,
                backbone.weights().preprocessing().name(), images, variant);
    }

    /** The same key from its parts (file format v1: keys of earlier Easel versions still hit). */
    static String key(String backbone, String weightsIdentity, int inputSize, String layer, String pooling, String preprocessing, ImageSet images,
                      String variant) {
        String s = String.join("\n", "v1", backbone, weightsIdentity, Integer.toString(inputSize), layer, pooling, preprocessing,
                images.manifestHash());
        String key = Hashing.sha256(s.getBytes(StandardCharsets.UTF_8));
        return variant == null ? key : Hashing.sha256((key + "\n" + variant).getBytes(StandardCharsets.UTF_8));
    }

    /** Features from the cache under {@code key}, else {@code compute}d (rate: {@code rate} after it) and stored. */
    public static Outcome run(String what, ImageSet images, String key, FeatureCache cache, Supplier<Features> compute,
                              Supplier<Double> rate, TrainingListener listener) {
        long t = System.nanoTime();
        Path file = cache.file(key);
        Optional<Features> hit = cache.load(key, images);
        if (hit.isPresent()) {
            double seconds = (System.nanoTime() - t) / 1e9;
            listener.onMessage(String.format("Features of the %s: cache hit (%s), %.1f s", what, file.getFileName(), seconds));
            return new Outcome(hit.get(), true, seconds, Double.NaN, file);
        }
        Features f = compute.get();
        double seconds = (System.nanoTime() - t) / 1e9;
        cache.store(key, images, f);
        if (!f.skipped().isEmpty()) {
            listener.onMessage("Skipped " + f.skipped().size() + " unreadable image(s) among the " + what + ": "
                    + f.skipped().stream().limit(5).map(s -> s.path() + " (" + s.reason() + ")").collect(Collectors.joining("; ")));
        }
        return new Outcome(f, false, seconds, rate.get(), file);
    }
}
