package org.easel.nets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;
import org.easel.keras.KerasWeights;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weights of a backbone: kernel (Keras HWIO, float) and bias per Keras layer name, how inputs must be
 * prepared for them, and what they really are (for the report: a run that fell back to random weights
 * says so). Model-file backbones use an instance without parameters as their descriptor.
 *
 * @param used     human-readable: "imagenet (file, sha256 ...)", "random (fallback: ...)"
 * @param identity a stable id for cache keys (file hash, or random + seed)
 */
public record BackboneWeights(Map<String, INDArray[]> params, Preprocessing preprocessing, String used, String identity,
                              boolean fellBack) {
    private static final Logger LOG = LoggerFactory.getLogger(BackboneWeights.class);
    private static final Pattern KERNEL = Pattern.compile("kernel|.*_W(_\\d+)?");
    private static final Pattern BIAS = Pattern.compile("bias|.*_b(_\\d+)?");

    /** Kernel of a convolution, [height, width, in, out]. */
    public INDArray kernel(String conv) {
        return params.get(conv)[0];
    }

    public INDArray bias(String conv) {
        return params.get(conv)[1];
    }

    /**
     * The weights a config names for layers 0..last of {@code net}: {@code imagenet} (the pretrained folder,
     * else a verified download), {@code random}, or the path of a Keras .h5 weights file. With
     * {@code fallbackRandom} a failure is logged and random weights are used (and said so); else it is an error.
     * {@code key} is the config key of {@code weights}, for messages.
     */
    public static BackboneWeights resolve(Network net, int last, String weights, boolean fallbackRandom, long seed, WeightsStore store,
                                          String key) {
        try {
            return switch (weights) {
                case "random" -> random(net, last, seed, "random (He-normal init, seed " + seed + ")", false);
                case "imagenet" -> imagenet(net, last, store, key);
                default -> fromKerasFile(net, last, WeightsStore.explicit(Path.of(weights), key), "file " + weights);
            };
        } catch (EaselException e) {
            if (!fallbackRandom || "random".equals(weights)) {
                throw e;
            }
            LOG.warn("Weights '{}' for {} unavailable; using RANDOM weights because the config asks for fallback: random. Reason: {}",
                    weights, net.name(), e.getMessage());
            return random(net, last, seed, "random (fallback: '" + weights + "' unavailable: " + e.getMessage() + ")", true);
        }
    }

    private static BackboneWeights imagenet(Network net, int last, WeightsStore store, String key) {
        if (net.imagenet() == null) {
            throw new EaselException(key + ": imagenet is not available for " + net.name() + ". " + net.noImagenet());
        }
        Path file = store.locate(net.imagenet());
        return fromKerasFile(net, last, file, "imagenet (" + file.getFileName() + ")");
    }

    /**
     * He-normal kernels (std sqrt(2 / fan-in)) and zero biases from {@code seed}: reproducible, so cache keys can
     * name the seed. Drawn in DL4J's OIHW order (so runs keep the numbers they had) and stored HWIO.
     */
    public static BackboneWeights random(Network net, int last, long seed, String label, boolean fellBack) {
        Nd4j.getRandom().setSeed(seed);
        Map<String, INDArray[]> params = new LinkedHashMap<>();
        for (ConvSpec p : net.convs(last)) {
            double std = Math.sqrt(2.0 / (p.in() * p.kernel() * p.kernel()));
            INDArray oihw = Nd4j.randn(DataType.FLOAT, p.oihw()).muli(std);
            params.put(p.kerasName(), new INDArray[]{oihw.permute(2, 3, 1, 0).dup('c'), Nd4j.zeros(DataType.FLOAT, p.out())});
        }
        return new BackboneWeights(params, Network.RANDOM_PREPROCESSING, label, "random:" + seed, fellBack);
    }

    /**
     * The convolutions of layers 0..last from a Keras weights file (save_weights, keras.applications, or a full
     * model file), read by easel-keras' reader (HDF5 precheck first). Wrong layers or shapes name the file and layer.
     */
    public static BackboneWeights fromKerasFile(Network net, int last, Path file, String label) {
        Map<String, Map<String, INDArray>> all = KerasWeights.read(file);
        Map<String, INDArray[]> params = new LinkedHashMap<>();
        for (ConvSpec p : net.convs(last)) {
            Map<String, INDArray> layer = all.get(p.kerasName());
            if (layer == null) {
                throw new EaselException("Weights file " + file.getFileName() + " has no layer '" + p.kerasName() + "'; it has: "
                        + String.join(", ", all.keySet()) + ". Is it the weights file of " + net.name() + "?");
            }
            INDArray kernel = find(layer, KERNEL, file, p, "kernel");
            INDArray bias = find(layer, BIAS, file, p, "bias");
            if (!Arrays.equals(kernel.shape(), p.hwio())) {
                throw new EaselException("Weights file " + file.getFileName() + ": layer '" + p.kerasName() + "' kernel has shape "
                        + Arrays.toString(kernel.shape()) + ", expected " + Arrays.toString(p.hwio())
                        + " (height, width, in, out). The file belongs to another architecture or input channel count.");
            }
            if (bias.length() != p.out()) {
                throw new EaselException("Weights file " + file.getFileName() + ": layer '" + p.kerasName() + "' bias has " + bias.length()
                        + " values, expected " + p.out() + ".");
            }
            params.put(p.kerasName(), new INDArray[]{kernel.castTo(DataType.FLOAT).dup('c'),
                    bias.castTo(DataType.FLOAT).reshape(p.out()).dup()});
        }
        String sha;
        try {
            sha = Hashing.sha256(file);
        } catch (IOException e) {
            throw new EaselException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return new BackboneWeights(params, Network.IMAGENET_PREPROCESSING, label + ", sha256 " + sha, "h5:" + sha, false);
    }

    private static INDArray find(Map<String, INDArray> layer, Pattern name, Path file, ConvSpec p, String what) {
        List<String> hits = layer.keySet().stream().filter(k -> name.matcher(k).matches()).toList();
        if (hits.size() != 1) {
            throw new EaselException("Weights file " + file.getFileName() + ": layer '" + p.kerasName() + "' has " + hits.size() + " " + what
                    + " weights (it has " + layer.keySet() + "); expected one.");
        }
        return layer.get(hits.get(0));
    }
}
