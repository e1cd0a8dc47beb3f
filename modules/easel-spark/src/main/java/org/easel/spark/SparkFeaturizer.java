package org.easel.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.data.DataSplits;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import org.easel.nets.Networks;
import org.easel.transfer.backbone.Backbone;
import org.easel.transfer.backbone.BuiltInBackbone;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.config.TransferSection;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.data.TransferData;
import org.easel.transfer.featurize.FeatureCache;
import org.easel.transfer.featurize.FeatureStep;
import org.easel.transfer.featurize.Featurizer;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.featurize.FrozenBackbone;
import org.easel.transfer.featurize.ImageSet;

/**
 * {@code easel featurize --config FILE --spark}: runs the frozen backbone of a {@code task: transfer}
 * experiment over its training and test images on Spark and stores the features in the experiment's
 * feature cache ({@code transfer.cache_dir}) under the very key {@code easel run} computes, so the next
 * {@code easel run --config FILE} reports a cache hit and only trains the head. Each partition runs the
 * single-machine {@link Featurizer} on its slice of the image list; the driver puts the rows back in
 * image-list order and writes the cache file (binary layout: {@link FeatureCache}).
 */
public final class SparkFeaturizer {
    /** How one split (training or test images) went. */
    public record SplitResult(String what, Path cacheFile, boolean cacheHit, int images, int featurized, int skipped, double seconds) {
        public String describe() {
            return cacheHit ? String.format("%s: %d images, already in the cache (%s)", what, images, cacheFile)
                    : String.format("%s: %d images featurized on Spark in %.1f s (%.1f images/s), %d unreadable; cached as %s", what, images,
                    seconds, images / seconds, skipped, cacheFile);
        }
    }

    public record Summary(String master, List<SplitResult> splits, double seconds) {
    }

    /** One image of the list: its position (the feature order), path and label. */
    record Item(int index, String file, int label) implements Serializable {
    }

    /** Features of one image, or why it could not be read. */
    record Row(int index, float[] features, String error) implements Serializable {
    }

    private static final Map<String, Queue<FrozenBackbone>> IDLE = new ConcurrentHashMap<>();

    private SparkFeaturizer() {
    }

    /**
     * @param master     null = {@code spark.master} of the config, else spark-submit's, else local[*]
     * @param partitions 0 = {@code spark.partitions} of the config (0 there: four per core)
     * @param force      featurize even where the cache already has the features
     */
    public static Summary run(ExperimentConfig config, String master, int partitions, boolean force, TrainingListener listener) {
        if (!TransferSection.KEY.equals(config.task())) {
            throw new EaselException("easel featurize needs a 'task: transfer' config (this one has task: " + config.task()
                    + "); it fills that experiment's feature cache.");
        }
        TransferConfig cfg = config.section(TransferSection.KEY, TransferConfig.class);
        SparkConfig sparkCfg = config.section(SparkSection.KEY, SparkConfig.class);
        String m = Sessions.master(master != null ? master : sparkCfg.master());
        int parts = partitions > 0 ? partitions : sparkCfg.partitions();
        if (Backbone.isModelFile(cfg.backbone())) {
            throw new EaselException("transfer.backbone '" + cfg.backbone() + "': easel featurize runs only the built-in backbones ("
                    + String.join(", ", Networks.names()) + ") on Spark. For a model-file backbone run 'easel run' directly; "
                    + "it featurizes once itself and caches the features.");
        }
        if (cfg.fineTune().enabled()) {
            // with stage 2 the run caches the maps below transfer.fine_tune.unfreeze_from, not pooled features
            throw new EaselException("transfer.fine_tune.unfreeze_from is set ('" + cfg.fineTune().unfreezeFrom() + "'): that run caches the "
                    + "feature maps of the layer below it, which easel featurize does not write (it writes stage-1 pooled features). "
                    + "Run 'easel run' directly (it featurizes once itself), or remove transfer.fine_tune for a stage-1-only run.");
        }
        // the same backbone, data step, cache key and cache file as 'easel run' (transfer's Backbone and FeatureStep)
        BuiltInBackbone bb = Backbone.resolve(cfg, config.data().download(), config.seed()).builtIn("easel featurize");
        ImageFolders.Split split = TransferData.split(config, listener);
        if (bb.weights().fellBack()) {
            listener.onMessage("WARNING: using random backbone weights (transfer.fallback: random): " + bb.weights().used());
        }
        BackbonePayload payload = BackbonePayload.of(bb, cfg.pooling(), cfg.featurizeBatch());
        FeatureCache cache = new FeatureCache(Path.of(cfg.cacheDir()));
        long t0 = System.nanoTime();
        List<SplitResult> results = new ArrayList<>();
        SparkSession[] spark = {null};
        try {
            for (var s : List.of(Map.entry("training images", split.train()), Map.entry("test images", split.test()))) {
                ImageSet images = s.getValue();
                String key = FeatureStep.key(bb, bb.freeze(), cfg.pooling(), images, null);
                if (force) {
                    cache.delete(key);
                }
                FeatureStep.Outcome o = FeatureStep.run(s.getKey(), images, key, cache, () -> {
                    if (spark[0] == null) {
                        spark[0] = Sessions.start(m, sparkCfg.maxFailures(), sparkCfg.logLevel());
                    }
                    return featurize(spark[0], payload, images, parts);
                }, () -> Double.NaN, listener);
                results.add(new SplitResult(s.getKey(), o.file(), o.cacheHit(), images.size(), o.cacheHit() ? 0 : o.features().size(),
                        o.cacheHit() ? 0 : o.features().skipped().size(), o.seconds()));
                listener.onMessage(results.get(results.size() - 1).describe());
            }
        } finally {
            if (spark[0] != null) {
                spark[0].stop();
            }
        }
        return new Summary(m, results, (System.nanoTime() - t0) / 1e9);
    }

    /** The features of {@code images}, in their order, computed on Spark; equal to {@link Featurizer#featurize}'s. */
    static Features featurize(SparkSession spark, BackbonePayload payload, ImageSet images, int partitions) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = images.size();
        int parts = Math.max(1, Math.min(partitions > 0 ? partitions : 4 * sc.defaultParallelism(), n));
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item(i, images.files().get(i).toString(), images.labels()[i]));
        }
        Broadcast<BackbonePayload> b = sc.broadcast(payload);
        List<String> classes = images.classes();
        List<Row> rows = new ArrayList<>(sc.parallelize(items, parts).mapPartitions(it -> featurizePartition(it, b.value(), classes))
                .collect());
        rows.sort(Comparator.comparingInt(Row::index));
        int dim = -1;
        for (Row r : rows) {
            if (r.features() != null) {
                dim = r.features().length;
                break;
            }
        }
        int kept = (int) rows.stream().filter(r -> r.features() != null).count();
        float[] x = new float[Math.max(0, kept * dim)];
        int[] labels = new int[kept];
        List<Path> files = new ArrayList<>(kept);
        List<DataSplits.SkippedFile> skipped = new ArrayList<>();
        int k = 0;
        for (Row r : rows) {
            if (r.features() == null) {
                skipped.add(new DataSplits.SkippedFile(images.files().get(r.index()).toString(), r.error()));
                continue;
            }
            System.arraycopy(r.features(), 0, x, k * dim, dim);
            labels[k] = images.labels()[r.index()];
            files.add(images.files().get(r.index()));
            k++;
        }
        if (rows.size() != n) {
            throw new IllegalStateException("Spark returned " + rows.size() + " rows for " + n + " images");
        }
        return new Features(x, Math.max(dim, 0), labels, files, classes, skipped);
    }

    private static Iterator<Row> featurizePartition(Iterator<Item> it, BackbonePayload payload, List<String> classes) {
        List<Item> items = new ArrayList<>();
        it.forEachRemaining(items::add);
        if (items.isEmpty()) {
            return Collections.emptyIterator();
        }
        List<Path> files = new ArrayList<>(items.size());
        int[] labels = new int[items.size()];
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Path p = Path.of(items.get(i).file());
            files.add(p);
            labels[i] = items.get(i).label();
            index.put(p.toString(), items.get(i).index());
        }
        Queue<FrozenBackbone> idle = IDLE.computeIfAbsent(payload.id(), k -> new ConcurrentLinkedQueue<>());
        FrozenBackbone backbone = Optional.ofNullable(idle.poll()).orElseGet(payload::frozenBackbone);
        Features f;
        try {
            f = new Featurizer(backbone, payload.reader(), payload.featurizeBatch(), new TrainingListener() {
            }).featurize(new ImageSet(files, labels, classes), "partition");
        } finally {
            idle.offer(backbone);
        }
        List<Row> out = new ArrayList<>(items.size());
        for (int i = 0; i < f.size(); i++) {
            out.add(new Row(index.get(f.files().get(i).toString()), f.row(i), null));
        }
        for (DataSplits.SkippedFile s : f.skipped()) {
            out.add(new Row(index.get(s.path()), null, s.reason()));
        }
        return out.iterator();
    }

    static void clearExecutorCache() {
        IDLE.clear();
    }
}
