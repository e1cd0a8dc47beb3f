package org.easel.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one weights resolver: pretrained folder, download (from a file: URL here), verification, quarantine, offline. */
class WeightsStoreTest {
    @TempDir
    Path tmp;

    private WeightsFile published(String content, Digest digest) throws Exception {
        Path server = Files.createDirectories(tmp.resolve("server"));
        Path f = server.resolve("net_weights.h5");
        Files.writeString(f, content);
        Digest d = new Digest(digest.algorithm(), digest.of(f));
        return new WeightsFile("net_weights.h5", f.toUri().toString(), d, Files.size(f), "test weights");
    }

    @Test
    void downloadsToPartVerifiesAndRenames() throws Exception {
        WeightsFile spec = published("weights v1", Digest.sha256(""));
        Path dir = tmp.resolve("pretrained");
        Path got = new WeightsStore(dir, true).locate(spec);
        assertEquals(dir.resolve("net_weights.h5"), got);
        assertEquals("weights v1", Files.readString(got));
        assertFalse(Files.exists(dir.resolve("net_weights.h5.part")));
        assertEquals(got, new WeightsStore(dir, false).locate(spec), "found in the folder the second time, offline");
    }

    @Test
    void aDownloadWithTheWrongMd5IsQuarantined() throws Exception {
        WeightsFile right = published("weights v1", Digest.md5(""));
        WeightsFile spec = new WeightsFile(right.fileName(), right.url(), Digest.md5("0123456789abcdef0123456789abcdef"), right.size(), "x");
        Path dir = tmp.resolve("pretrained");
        EaselException e = assertThrows(EaselException.class, () -> new WeightsStore(dir, true).locate(spec));
        assertTrue(e.getMessage().contains("MD5 0123456789abcdef0123456789abcdef") && e.getMessage().contains(".bad"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("net_weights.h5.bad")));
        assertFalse(Files.exists(dir.resolve("net_weights.h5")));
    }

    @Test
    void aLocalFileOfTheWrongSizeOrDigestIsMovedAsideAndNotUsed() throws Exception {
        WeightsFile spec = published("weights v1", Digest.sha256(""));
        Path dir = Files.createDirectories(tmp.resolve("pretrained"));
        Files.writeString(dir.resolve(spec.fileName()), "truncated");
        EaselException e = assertThrows(EaselException.class, () -> new WeightsStore(dir, false).locate(spec));
        assertTrue(e.getMessage().contains("9 bytes") && e.getMessage().contains(spec.size() + " bytes") && e.getMessage().contains(spec.url())
                && e.getMessage().contains("SHA-256 " + spec.digest().hex()), e.getMessage());
        assertTrue(Files.exists(dir.resolve("net_weights.h5.bad")));

        Files.write(dir.resolve(spec.fileName()), "weights v2".getBytes(StandardCharsets.UTF_8)); // same size, other bytes
        e = assertThrows(EaselException.class, () -> new WeightsStore(dir, false).locate(spec));
        assertTrue(e.getMessage().contains("has SHA-256"), e.getMessage());
    }

    @Test
    void offlineAMissingFileNamesFileUrlChecksumAndFolder() {
        Path dir = tmp.resolve("empty");
        WeightsFile spec = Networks.VGG16_IMAGENET;
        EaselException e = assertThrows(EaselException.class, () -> new WeightsStore(dir, false).locate(spec));
        assertTrue(e.getMessage().contains(spec.fileName()) && e.getMessage().contains(spec.url()) && e.getMessage().contains("MD5 6d6bbae1")
                && e.getMessage().contains("58889256 bytes") && e.getMessage().contains(dir.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void anExplicitPathMustExistAndNamesTheKey() {
        EaselException e = assertThrows(EaselException.class, () -> WeightsStore.explicit(tmp.resolve("mine.h5"), "transfer.weights"));
        assertTrue(e.getMessage().startsWith("transfer.weights:") && e.getMessage().contains("mine.h5"), e.getMessage());
    }

    @Test
    void aWeightsNameTheNetworkCannotHaveFallsBackOnlyWhenAskedTo() {
        Network alex = Networks.ALEXNET;
        WeightsStore store = new WeightsStore(tmp, false);
        EaselException e = assertThrows(EaselException.class,
                () -> BackboneWeights.resolve(alex, alex.indexOf("pool5", "x"), "imagenet", false, 1, store, "transfer.weights"));
        assertTrue(e.getMessage().contains("no public ImageNet weights"), e.getMessage());
        BackboneWeights w = BackboneWeights.resolve(alex, alex.indexOf("pool1", "x"), "imagenet", true, 1, store, "transfer.weights");
        assertTrue(w.fellBack() && w.used().startsWith("random (fallback"), w.used());
        assertEquals(Preprocessing.UNIT, w.preprocessing());
        assertEquals(List.of("conv1"), List.copyOf(w.params().keySet()));
    }
}
