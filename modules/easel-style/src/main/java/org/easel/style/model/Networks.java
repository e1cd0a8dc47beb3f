package org.easel.style.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.easel.core.error.EaselException;
import org.easel.core.weights.PretrainedStore;
import org.nd4j.linalg.api.buffer.DataType;

/** Chooses the feature network from the config (network, weights, pretrained_dir) and loads its weights. */
public final class Networks {
    private Networks() {
    }

    /** The network plus notes for the user and the report (fallbacks, random-weight warnings). */
    public record Resolved(FeatureNetwork network, Path weightsFile, List<String> notes) {
    }

    public static Resolved resolve(String network, String weights, String pretrainedDir, long seed, DataType type) {
        List<String> notes = new ArrayList<>();
        Path dir = PretrainedStore.defaultDir(pretrainedDir);
        if ("random".equals(weights)) {
            Backbone b = Backbone.named("auto".equals(network) ? "squeezenet" : network);
            notes.add("WARNING: weights: random. " + b.name() + " has random weights, so its features carry no notion of "
                    + "style or content: the result is NOT a style transfer. Use weights: imagenet for real use.");
            return new Resolved(FeatureNetwork.random(b, seed, type), null, notes);
        }
        Path vggFile = dir.resolve(Vgg16.WEIGHTS.fileName());
        boolean useVgg = "vgg16".equals(network) || ("auto".equals(network) && Files.isRegularFile(vggFile));
        if (useVgg) {
            verifyVgg(vggFile);
            return new Resolved(FeatureNetwork.pretrained(new Vgg16(), KerasH5Weights.read(vggFile), type,
                    "vgg16 (ImageNet weights, " + vggFile.getFileName() + ")"), vggFile, notes);
        }
        if ("auto".equals(network)) {
            notes.add("network: auto chose squeezenet: " + Vgg16.WEIGHTS.fileName() + " is not in " + dir.toAbsolutePath()
                    + " (place it there, from " + Vgg16.WEIGHTS.url() + ", to use VGG16).");
        }
        Path file = new PretrainedStore(dir, true).locate(SqueezeNet.WEIGHTS);
        return new Resolved(FeatureNetwork.pretrained(new SqueezeNet(), KerasH5Weights.read(file), type,
                "squeezenet v1.1 (ImageNet weights, " + file.getFileName() + ")"), file, notes);
    }

    /**
     * Keras publishes an MD5 (not a SHA-256) for the VGG16 file, so a local copy is checked against
     * that MD5 and the byte size; it is never downloaded automatically.
     */
    static void verifyVgg(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("network: vgg16 needs " + Vgg16.WEIGHTS.fileName() + " in " + file.getParent().toAbsolutePath()
                    + ". Download " + Vgg16.WEIGHTS.url() + " (" + Vgg16.BYTES + " bytes, MD5 " + Vgg16.MD5 + ") and place it there, "
                    + "or use network: squeezenet / auto.");
        }
        try {
            long size = Files.size(file);
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buf = new byte[1 << 16];
                for (int n; (n = in.read(buf)) > 0; ) {
                    md5.update(buf, 0, n);
                }
            }
            String actual = HexFormat.of().formatHex(md5.digest());
            if (size != Vgg16.BYTES || !actual.equals(Vgg16.MD5)) {
                throw new EaselException("VGG16 weights " + file.toAbsolutePath() + " have " + size + " bytes and MD5 " + actual
                        + ", expected " + Vgg16.BYTES + " bytes and MD5 " + Vgg16.MD5 + ". Download it again from " + Vgg16.WEIGHTS.url() + ".");
            }
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new EaselException("Cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }
}
