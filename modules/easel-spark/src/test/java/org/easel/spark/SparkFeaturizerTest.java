package org.easel.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.ConfigException;
import org.easel.core.error.EaselException;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.train.TrainingListener;
import org.easel.transfer.backbone.Backbone;
import org.easel.transfer.config.TransferConfig;
import org.easel.transfer.data.ImageFolders;
import org.easel.transfer.featurize.FeatureCache;
import org.easel.transfer.featurize.FeatureStep;
import org.easel.transfer.featurize.Featurizer;
import org.easel.transfer.featurize.Features;
import org.easel.transfer.featurize.ImageSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark featurization fills the experiment's feature cache with the single-machine features; easel run then hits it. */
class SparkFeaturizerTest {
    @TempDir
    Path tmp;

    static final class Messages implements TrainingListener {
        final List<String> lines = new ArrayList<>();

        @Override
        public void onMessage(String message) {
            lines.add(message);
        }
    }

    @Test
    void sparkFeaturesAreTheSingleMachineFeaturesAndEaselRunReusesThem() throws Exception {
        Path data = Fixtures.classFolders(tmp.resolve("imgs"), 10, 40, 5);
        Fixtures.corrupt(data.resolve("non_financial").resolve("zz-broken.png"));
        Path cache = tmp.resolve("cache");
        ExperimentConfig cfg = ConfigLoader.parse(Fixtures.transferYaml(data, cache) + "spark:\n  master: local[2]\n  partitions: 3\n",
                "tiny.yaml", List.of("output.dir=" + tmp.resolve("runs")));

        Messages m = new Messages();
        SparkFeaturizer.Summary s = SparkFeaturizer.run(cfg, null, 0, false, m);
        assertEquals("local[2]", s.master());
        assertEquals(2, s.splits().size());
        assertFalse(s.splits().get(0).cacheHit());
        assertEquals(1, s.splits().get(0).skipped() + s.splits().get(1).skipped(), "the corrupt image is skipped, not fatal");

        // the cache, read with the key the experiment computes, holds the single-machine features
        TransferConfig t = cfg.section("transfer", TransferConfig.class);
        Backbone bb = Backbone.resolve(t, false, cfg.seed());
        ImageFolders.Split split = ImageFolders.load(data, cfg.data().testFraction(), cfg.seed());
        Featurizer single = new Featurizer(bb.extractor(), bb.reader(), t.featurizeBatch(), TrainingListener.NONE);
        FeatureCache fc = new FeatureCache(cache);
        for (ImageSet images : List.of(split.train(), split.test())) {
            String key = FeatureStep.key(bb, bb.freeze(), t.pooling(), images, null);
            Optional<Features> fromSpark = fc.load(key, images);
            assertTrue(fromSpark.isPresent(), "cache file " + fc.file(key));
            Features expected = single.featurize(images, "test");
            Features got = fromSpark.get();
            assertEquals(expected.files(), got.files());
            assertArrayEquals(expected.labels(), got.labels());
            assertEquals(expected.skipped(), got.skipped());
            assertEquals(expected.x().length, got.x().length);
            double maxRel = 0;
            for (int i = 0; i < expected.x().length; i++) {
                maxRel = Math.max(maxRel, Math.abs(expected.x()[i] - got.x()[i]) / Math.max(1e-3, Math.abs(expected.x()[i])));
            }
            assertTrue(maxRel < 1e-4, "max relative difference " + maxRel);
        }

        // easel run (task transfer) now loads both splits from the cache
        Messages run = new Messages();
        Experiments.run(cfg, new RunOptions(null, null, run));
        assertEquals(2, run.lines.stream().filter(l -> l.contains("cache hit")).count(), String.join("\n", run.lines));

        // and featurizing again finds everything cached (no Spark job)
        SparkFeaturizer.Summary again = SparkFeaturizer.run(cfg, null, 0, false, new Messages());
        assertTrue(again.splits().stream().allMatch(SparkFeaturizer.SplitResult::cacheHit));
    }

    @Test
    void sparkSectionIsValidated() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(
                "name: x\ntask: transfer\nspark:\n  master: locl[2]\n  partitions: -1\n", "bad.yaml", List.of()));
        assertTrue(e.getMessage().contains("spark.master") && e.getMessage().contains("not a Spark master"), e.getMessage());
        assertTrue(e.getMessage().contains("spark.partitions"), e.getMessage());
        ExperimentConfig ok = ConfigLoader.parse("name: x\ntask: transfer\nspark: {master: 'spark://h:7077', max_failures: 2}\n", "ok.yaml",
                List.of());
        assertEquals("spark://h:7077", ok.section("spark", SparkConfig.class).master());
        assertEquals(SparkConfig.DEFAULTS.logLevel(), ok.section("spark", SparkConfig.class).logLevel());
    }

    @Test
    void aStageTwoConfigIsRefusedBeforeSparkStarts() {
        ExperimentConfig cfg = ConfigLoader.parse("name: x\ntask: transfer\ntransfer:\n  backbone: squeezenet\n  weights: random\n"
                + "  fine_tune: {unfreeze_from: fire8}\n", "ft.yaml", List.of());
        EaselException e = assertThrows(EaselException.class,
                () -> SparkFeaturizer.run(cfg, "local[1]", 0, false, new Messages()));
        assertTrue(e.getMessage().contains("fine_tune.unfreeze_from") && e.getMessage().contains("easel run"), e.getMessage());
    }
}
