package org.easel.transfer.weights;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.data.Downloader;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;
import org.easel.core.weights.PretrainedStore;
import org.easel.core.weights.WeightsFile;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.backbone.BackboneRegistry;
import org.easel.transfer.backbone.ConvParam;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code transfer.weights} ("imagenet", "random" or a path) into loaded backbone weights.
 * ImageNet files are found offline first (pretrained dir), else downloaded and verified; a failure
 * is an error unless the config asked for {@code fallback: random}, which is logged and reported.
 */
public final class WeightsResolver {
    private static final Logger LOG = LoggerFactory.getLogger(WeightsResolver.class);

    private final Path pretrainedDir;
    private final boolean download;

    public WeightsResolver(Path pretrainedDir, boolean download) {
        this.pretrainedDir = pretrainedDir;
        this.download = download;
    }

    public BackboneWeights resolve(Architecture arch, int lastStage, String weights, String fallback, long seed) {
        List<ConvParam> needed = arch.convParams(lastStage);
        try {
            return switch (weights) {
                case "random" -> random(needed, seed, "random (He-normal init, seed " + seed + ")", false);
                case "imagenet" -> imagenet(arch, needed);
                default -> fromFile(Path.of(weights), needed, "file " + weights);
            };
        } catch (EaselException e) {
            if (!"random".equals(fallback) || "random".equals(weights)) {
                throw e;
            }
            LOG.warn("Weights '{}' for {} unavailable; using RANDOM weights because transfer.fallback is random. Reason: {}",
                    weights, arch.name(), e.getMessage());
            return random(needed, seed, "random (fallback: '" + weights + "' unavailable: " + e.getMessage() + ")", true);
        }
    }

    private BackboneWeights imagenet(Architecture arch, List<ConvParam> needed) {
        if (arch.imagenet() == null) {
            throw new EaselException("transfer.weights: imagenet is not available for " + arch.name() + ". " + arch.noImagenet());
        }
        Path file = arch.imagenet().sha256() != null
                ? new PretrainedStore(pretrainedDir, download).locate(arch.imagenet())
                : locateByMd5(arch.imagenet());
        return fromFile(file, needed, "imagenet (" + file.getFileName() + ")");
    }

    /**
     * Keras publishes only an MD5 for its VGG16 file; we verify that (plus the size) the same way the
     * core store verifies SHA-256: a mismatching file is moved aside as .bad and not used.
     */
    private Path locateByMd5(WeightsFile spec) {
        String md5 = BackboneRegistry.VGG16_MD5;
        Path local = pretrainedDir.resolve(spec.fileName());
        if (!Files.isRegularFile(local)) {
            if (!download || "1".equals(System.getenv(PretrainedStore.OFFLINE_ENV))) {
                throw new EaselException("Pretrained weights " + spec.fileName() + " (" + spec.description() + ") are not in "
                        + pretrainedDir.toAbsolutePath() + ". Download " + spec.url() + " (MD5 " + md5 + ") and place it there, "
                        + "or point $" + PretrainedStore.PRETRAINED_ENV + " at the folder that has it.");
            }
            try {
                return Downloader.fetch(URI.create(spec.url()), local, md5, WeightsResolver::md5);
            } catch (EaselException e) {
                // the core downloader words its messages for SHA-256; this file is checked by MD5
                throw new EaselException(e.getMessage().replace("SHA-256 " + md5, "MD5 " + md5).replace("expected SHA-256", "expected MD5"), e.getCause());
            }
        }
        try {
            String actual = md5(local);
            if (!actual.equalsIgnoreCase(md5)) {
                Path bad = local.resolveSibling(local.getFileName() + ".bad");
                Files.move(local, bad, StandardCopyOption.REPLACE_EXISTING);
                throw new EaselException("Pretrained file " + local.toAbsolutePath() + " has MD5 " + actual + ", expected " + md5
                        + ". It was moved aside to " + bad.getFileName() + " and not used; place a correct copy of " + spec.url() + " there.");
            }
        } catch (IOException e) {
            throw new EaselException("Cannot read " + local + ": " + e.getMessage(), e);
        }
        return local;
    }

    static String md5(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("MD5");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BackboneWeights fromFile(Path file, List<ConvParam> needed, String label) {
        Map<String, INDArray[]> params = KerasWeightsReader.read(file, needed);
        String sha;
        try {
            sha = Hashing.sha256(file);
        } catch (IOException e) {
            throw new EaselException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new BackboneWeights(params, Preprocessing.CAFFE_BGR, label + ", sha256 " + sha, "h5:" + sha, false);
    }

    /** He-normal kernels, zero biases, from the run seed: reproducible, so the cache key can name the seed. */
    public static BackboneWeights random(List<ConvParam> needed, long seed, String label, boolean fellBack) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray[]> params = new LinkedHashMap<>();
        for (ConvParam p : needed) {
            double std = Math.sqrt(2.0 / (p.in() * p.kernel() * p.kernel()));
            INDArray k = Nd4j.randn(DataType.FLOAT, p.oihw()).muli(std);
            params.put(p.kerasName(), new INDArray[]{k, Nd4j.zeros(DataType.FLOAT, p.out())});
        }
        return new BackboneWeights(params, Preprocessing.UNIT, label, "random:" + seed, fellBack);
    }
}
