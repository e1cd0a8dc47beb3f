package org.easel.nets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.easel.core.config.Names;
import org.easel.core.error.EaselException;

/**
 * The built-in networks, each defined here and nowhere else (a test fails if a second definition appears):
 * layer tables in Keras naming, so they run in SameDiff and load the Keras weight files directly.
 * Transfer learning, style transfer, Grad-CAM and Spark all take their networks from here.
 */
public final class Networks {
    /** Keras applications VGG16, no top. Keras publishes only this MD5 for it (keras/applications/vgg16.py, file_hash). */
    public static final WeightsFile VGG16_IMAGENET = new WeightsFile("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            Digest.md5("6d6bbae143d832006294945121d1f1fc"), 58_889_256L, "Keras applications VGG16 ImageNet weights, no top");

    public static final WeightsFile SQUEEZENET_IMAGENET = new WeightsFile("squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://github.com/rcmalli/keras-squeezenet/releases/download/v1.0/squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5",
            Digest.sha256("2d935d8c102ad1232484a77da8e6fbdf3ff4ab608974a0d8b6283115ffff204f"), 3_032_184L,
            "SqueezeNet v1.1 ImageNet weights, no top (rcmalli/keras-squeezenet v1.0 release)");

    public static final Network VGG16 = vgg16();
    public static final Network ALEXNET = alexnet();
    public static final Network SQUEEZENET = squeezenet();

    private static final Map<String, Network> BUILT_IN = new LinkedHashMap<>();

    static {
        for (Network n : List.of(VGG16, ALEXNET, SQUEEZENET)) {
            if (BUILT_IN.putIfAbsent(n.name(), n) != null) {
                throw new IllegalStateException("duplicate network " + n.name());
            }
        }
    }

    private Networks() {
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** True if {@code name} is a built-in network. */
    public static boolean isBuiltIn(String name) {
        return name != null && BUILT_IN.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** The network called {@code name}; an unknown name is an error naming the config {@code key} and listing the valid names. */
    public static Network get(String name, String key) {
        Network n = name == null ? null : BUILT_IN.get(name.toLowerCase(Locale.ROOT));
        if (n == null) {
            String near = name == null ? null : Names.nearest(name, BUILT_IN.keySet());
            throw new EaselException(key + ": unknown backbone '" + name + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                    + ". Built-in backbones: " + String.join(", ", BUILT_IN.keySet()) + ".");
        }
        return n;
    }

    private static Network vgg16() {
        List<Layer> layers = new ArrayList<>();
        int[][] blocks = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}}; // filters, convolutions
        for (int b = 0; b < blocks.length; b++) {
            for (int c = 1; c <= blocks[b][1]; c++) {
                layers.add(new Layer.Conv("block" + (b + 1) + "_conv" + c, blocks[b][0], 3, 1, true));
            }
            layers.add(new Layer.Pool("block" + (b + 1) + "_pool", 2, 2));
        }
        return new Network("vgg16", "VGG16 (Simonyan & Zisserman 2014), the DL4J zoo / Keras applications layout, 13 conv layers",
                List.copyOf(layers), "block5_pool", VGG16_IMAGENET, null);
    }

    private static Network alexnet() {
        // The DL4J zoo AlexNet's conv layout (single tower); local response normalisation is left out:
        // it only exists to match weights, and no public AlexNet weights load into DL4J.
        List<Layer> layers = List.of(
                new Layer.Conv("conv1", 96, 11, 4, true), new Layer.Pool("pool1", 3, 2),
                new Layer.Conv("conv2", 256, 5, 1, true), new Layer.Pool("pool2", 3, 2),
                new Layer.Conv("conv3", 384, 3, 1, true), new Layer.Conv("conv4", 384, 3, 1, true),
                new Layer.Conv("conv5", 256, 3, 1, true), new Layer.Pool("pool5", 3, 2));
        return new Network("alexnet", "AlexNet (Krizhevsky 2012) conv layers as in the DL4J zoo, without LRN", layers, "pool5", null,
                "AlexNet has no public ImageNet weights that DL4J can load (the DL4J zoo has none: AlexNet.initPretrained throws). "
                        + "Use weights: random, set fallback: random, or give a path to your own Keras .h5 file with layers conv1..conv5.");
    }

    private static Network squeezenet() {
        // SqueezeNet v1.1 without its classifier (rcmalli/keras-squeezenet layout); small (0.7 M parameters)
        List<Layer> layers = List.of(
                new Layer.Conv("conv1", 64, 3, 2, false), new Layer.Pool("pool1", 3, 2),
                new Layer.Fire("fire2", 16, 64), new Layer.Fire("fire3", 16, 64), new Layer.Pool("pool3", 3, 2),
                new Layer.Fire("fire4", 32, 128), new Layer.Fire("fire5", 32, 128), new Layer.Pool("pool5", 3, 2),
                new Layer.Fire("fire6", 48, 192), new Layer.Fire("fire7", 48, 192),
                new Layer.Fire("fire8", 64, 256), new Layer.Fire("fire9", 64, 256));
        return new Network("squeezenet", "SqueezeNet v1.1 (Iandola et al. 2016), keras-squeezenet layout", layers, "fire9",
                SQUEEZENET_IMAGENET, null);
    }
}
