package org.easel.transfer.featurize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.data.DataSplits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
    @TempDir
    Path tmp;

    @Test
    void roundTripsAndAnyChangedInputChangesTheKey() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.png"), "a");
        Path b = Files.writeString(tmp.resolve("b.png"), "bb");
        Path c = Files.writeString(tmp.resolve("c.png"), "ccc");
        ImageSet set = new ImageSet(List.of(a, b, c), new int[]{0, 1, 1}, List.of("x", "y"));
        FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
        String key = FeatureStep.key("vgg16", "h5:abc", 64, "block4_pool", "avg", "CAFFE_BGR", set, null);
        Features f = new Features(new float[]{1, 2, 5, 6}, 2, new int[]{0, 1}, List.of(a, c), set.classes(),
                List.of(new DataSplits.SkippedFile(b.toString(), "broken")));
        cache.store(key, set, f);
        Features back = cache.load(key, set).orElseThrow();
        assertArrayEquals(f.x(), back.x());
        assertArrayEquals(new int[]{0, 1}, back.labels());
        assertEquals(List.of(a, c), back.files());
        assertEquals("broken", back.skipped().get(0).reason());

        assertNotEquals(key, FeatureStep.key("vgg16", "h5:abc", 96, "block4_pool", "avg", "CAFFE_BGR", set, null));
        assertNotEquals(key, FeatureStep.key("vgg16", "h5:abc", 64, "block5_pool", "avg", "CAFFE_BGR", set, null));
        assertNotEquals(key, FeatureStep.key("vgg16", "random:1", 64, "block4_pool", "avg", "UNIT", set, null));
        Files.writeString(c, "changed content");
        assertNotEquals(key, FeatureStep.key("vgg16", "h5:abc", 64, "block4_pool", "avg", "CAFFE_BGR", set, null));

        Files.writeString(cache.file(key), "garbage");
        assertTrue(cache.load(key, set).isEmpty());
    }

    @Test
    void aSetListingFilesMoreThanOnceKeepsEveryRowInOrder() throws Exception {
        // augmented views: every file once per copy; b is unreadable in both copies
        Path a = Files.writeString(tmp.resolve("a.png"), "a");
        Path b = Files.writeString(tmp.resolve("b.png"), "b");
        ImageSet views = new ImageSet(List.of(a, b, a, b), new int[]{0, 1, 0, 1}, List.of("x", "y"));
        FeatureCache cache = new FeatureCache(tmp.resolve("cache"));
        String key = FeatureStep.key("squeezenet", "random:1", 64, "fire3", "avg", "UNIT", views, "augment");
        assertNotEquals(key, FeatureStep.key("squeezenet", "random:1", 64, "fire3", "avg", "UNIT", views, null));
        Features f = new Features(new float[]{1, 2}, 1, new int[]{0, 0}, List.of(a, a), views.classes(),
                List.of(new DataSplits.SkippedFile(b.toString(), "broken"), new DataSplits.SkippedFile(b.toString(), "broken")));
        cache.store(key, views, f);
        Features back = cache.load(key, views).orElseThrow();
        assertArrayEquals(new float[]{1, 2}, back.x());
        assertEquals(List.of(a, a), back.files());
    }
}
