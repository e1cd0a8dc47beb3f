package org.easel.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDatasetsTest {
    static Path sharedDatasets() {
        String shared = System.getProperty("easel.test.shared");
        Path p = shared == null ? null : Path.of(shared, "datasets");
        assumeTrue(p != null && Files.isDirectory(p.resolve("mnist")), "../shared/datasets not available");
        return p;
    }

    @Test
    void loadsMnistWithKnownCountsAndScaling() {
        DataSplits s = IdxDatasets.load(IdxDatasets.MNIST, sharedDatasets(), false, null);
        assertEquals(60000, s.train().size());
        assertEquals(10000, s.test().size());
        assertEquals(784, s.train().featureSize());
        assertEquals(980, s.test().classCounts()[0]);
        float max = 0;
        for (float v : s.test().pixels()) {
            max = Math.max(max, v);
        }
        assertEquals(1.0f, max);
    }

    @Test
    void missingFilesOfflineSayWhatToPlaceWhere(@TempDir Path empty) {
        EaselException e = assertThrows(EaselException.class, () -> IdxDatasets.load(IdxDatasets.FASHION_MNIST, empty, false, null));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains(empty.resolve("fashion-mnist").toAbsolutePath().toString()),
                e.getMessage());
    }

    @Test
    void downloadsFromAMirrorAndVerifiesContent(@TempDir Path dataDir) {
        Path mirror = sharedDatasets().resolve("fashion-mnist");
        DataSplits s = IdxDatasets.load(IdxDatasets.FASHION_MNIST, dataDir, true, mirror.toUri().toString());
        assertEquals(60000, s.train().size());
        assertTrue(Files.exists(dataDir.resolve("fashion-mnist/t10k-labels-idx1-ubyte.gz")));
    }

    @Test
    void mirrorWithWrongFilesIsRejected(@TempDir Path dataDir) {
        // MNIST files served under Fashion-MNIST names: the content checksum must catch it.
        Path wrong = sharedDatasets().resolve("mnist");
        EaselException e = assertThrows(EaselException.class,
                () -> IdxDatasets.load(IdxDatasets.FASHION_MNIST, dataDir, true, wrong.toUri().toString()));
        assertTrue(e.getMessage().contains("Checksum mismatch"), e.getMessage());
    }
}
