package org.easel.transfer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocTest {
    @TempDir
    Path tmp;

    @Test
    void aucOfPerfectReversedAndMixedRankings() {
        boolean[] truth = {true, true, false, false};
        assertEquals(1.0, Roc.of(new float[]{0.9f, 0.8f, 0.3f, 0.1f}, truth, "p").auc(), 1e-12);
        assertEquals(0.0, Roc.of(new float[]{0.1f, 0.2f, 0.8f, 0.9f}, truth, "p").auc(), 1e-12);
        // one of the four positive/negative pairs is ranked wrongly -> 0.75
        assertEquals(0.75, Roc.of(new float[]{0.9f, 0.4f, 0.6f, 0.1f}, truth, "p").auc(), 1e-12);
        // ties count half
        assertEquals(0.5, Roc.of(new float[]{0.5f, 0.5f, 0.5f, 0.5f}, truth, "p").auc(), 1e-12);
    }

    @Test
    void writesAPng() throws Exception {
        Roc.of(new float[]{0.9f, 0.4f, 0.6f, 0.1f}, new boolean[]{true, true, false, false}, "financial").writePng(tmp.resolve("roc.png"));
        assertTrue(Files.size(tmp.resolve("roc.png")) > 1000);
    }
}
