package org.easel.transfer.backbone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.easel.core.weights.WeightsFile;

/**
 * Backbones by name. The three built-in ones are defined here stage by stage, in Keras naming, so
 * they run in SameDiff (fast) and load Keras weight files directly; see docs/transfer.md.
 */
public final class BackboneRegistry {
    /** Keras applications VGG16, no top. Keras publishes its MD5 (below), not a SHA-256; see {@link #VGG16_MD5}. */
    public static final WeightsFile VGG16_IMAGENET = new WeightsFile("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            null, "Keras applications VGG16 ImageNet weights, no top (58,889,256 bytes)");
    /** The checksum keras.applications.vgg16 itself verifies this file with (file_hash=...). */
    public static final String VGG16_MD5 = "6d6bbae143d832006294945121d1f1fc";
    public static final long VGG16_BYTES = 58_889_256L;

    public static final WeightsFile SQUEEZENET_IMAGENET = new WeightsFile("squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://github.com/rcmalli/keras-squeezenet/releases/download/v1.0/squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "2d935d8c102ad1232484a77da8e6fbdf3ff4ab608974a0d8b6283115ffff204f",
            "SqueezeNet v1.1 ImageNet weights, no top (rcmalli/keras-squeezenet v1.0 release)");

    private static final Map<String, Architecture> BUILT_IN = new LinkedHashMap<>();

    static {
        register(vgg16());
        register(alexnet());
        register(squeezenet());
    }

    private BackboneRegistry() {
    }

    private static void register(Architecture a) {
        if (BUILT_IN.putIfAbsent(a.name(), a) != null) {
            throw new IllegalStateException("duplicate backbone " + a.name());
        }
    }

    public static List<String> names() {
        return List.copyOf(BUILT_IN.keySet());
    }

    /** True when {@code backbone} names a model file rather than a built-in architecture. */
    public static boolean isModelFile(String backbone) {
        String b = backbone.toLowerCase(java.util.Locale.ROOT);
        return b.endsWith(".zip") || b.endsWith(".h5") || b.endsWith(".hdf5") || b.contains("/") || b.contains("\\");
    }

    public static Architecture get(String name) {
        Architecture a = BUILT_IN.get(name.toLowerCase(java.util.Locale.ROOT));
        if (a == null) {
            String near = org.easel.core.config.Names.nearest(name, BUILT_IN.keySet());
            throw new EaselException("transfer.backbone: unknown backbone '" + name + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "") + ". Valid: " + String.join(", ", BUILT_IN.keySet())
                    + ", or a path to a model file (a DL4J model .zip or a full Keras model .h5).");
        }
        return a;
    }

    static Architecture vgg16() {
        List<Stage> s = new ArrayList<>();
        int[][] blocks = {{64, 2}, {128, 2}, {256, 3}, {512, 3}, {512, 3}};
        for (int b = 0; b < blocks.length; b++) {
            for (int c = 1; c <= blocks[b][1]; c++) {
                s.add(new Stage.Conv("block" + (b + 1) + "_conv" + c, blocks[b][0], 3, 1, true));
            }
            s.add(new Stage.Pool("block" + (b + 1) + "_pool", 2, 2));
        }
        return new Architecture("vgg16", "VGG16 (Simonyan & Zisserman 2014), the DL4J zoo / Keras applications layout, 13 conv layers",
                List.copyOf(s), "block5_pool", VGG16_IMAGENET, null);
    }

    static Architecture alexnet() {
        // The DL4J zoo AlexNet's conv layout (single tower); local response normalisation is left out:
        // it only exists to match weights, and no public AlexNet weights load into DL4J.
        List<Stage> s = List.of(
                new Stage.Conv("conv1", 96, 11, 4, true), new Stage.Pool("pool1", 3, 2),
                new Stage.Conv("conv2", 256, 5, 1, true), new Stage.Pool("pool2", 3, 2),
                new Stage.Conv("conv3", 384, 3, 1, true), new Stage.Conv("conv4", 384, 3, 1, true),
                new Stage.Conv("conv5", 256, 3, 1, true), new Stage.Pool("pool5", 3, 2));
        return new Architecture("alexnet", "AlexNet (Krizhevsky 2012) conv layers as in the DL4J zoo, without LRN", s, "pool5", null,
                "AlexNet has no public ImageNet weights that DL4J can load (the DL4J zoo has none: AlexNet.initPretrained throws). "
                        + "Use weights: random, set fallback: random, or give a path to your own Keras .h5 file with layers conv1..conv5.");
    }

    static Architecture squeezenet() {
        List<Stage> s = List.of(
                new Stage.Conv("conv1", 64, 3, 2, false), new Stage.Pool("pool1", 3, 2),
                new Stage.Fire("fire2", 16, 64), new Stage.Fire("fire3", 16, 64), new Stage.Pool("pool3", 3, 2),
                new Stage.Fire("fire4", 32, 128), new Stage.Fire("fire5", 32, 128), new Stage.Pool("pool5", 3, 2),
                new Stage.Fire("fire6", 48, 192), new Stage.Fire("fire7", 48, 192),
                new Stage.Fire("fire8", 64, 256), new Stage.Fire("fire9", 64, 256));
        return new Architecture("squeezenet", "SqueezeNet v1.1 (Iandola et al. 2016), keras-squeezenet layout", s, "fire9",
                SQUEEZENET_IMAGENET, null);
    }
}
