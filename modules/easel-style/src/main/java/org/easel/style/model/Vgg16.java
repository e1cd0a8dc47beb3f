package org.easel.style.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.weights.WeightsFile;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * VGG16 convolutional part (Keras applications names block1_conv1 ... block5_pool): the network
 * Gatys et al. style transfer is usually run with. About 20x the work of SqueezeNet per pixel.
 */
public final class Vgg16 implements Backbone {
    /**
     * Keras publishes only an MD5 for this file (keras/applications/vgg16.py, file_hash); no SHA-256
     * was found, so {@link Networks} verifies the MD5 and the size of a local copy instead.
     */
    public static final String MD5 = "6d6bbae143d832006294945121d1f1fc";
    public static final long BYTES = 58_889_256L;
    public static final WeightsFile WEIGHTS = new WeightsFile("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://storage.googleapis.com/tensorflow/keras-applications/vgg16/vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5",
            null, "VGG16 ImageNet weights, no top (Keras applications, 58.9 MB, MD5 " + MD5 + ")");

    private static final int[][] BLOCKS = {{2, 64}, {2, 128}, {3, 256}, {3, 512}, {3, 512}}; // convs, filters

    @Override
    public String name() {
        return "vgg16";
    }

    @Override
    public List<String> layers() {
        List<String> l = new ArrayList<>();
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int c = 1; c <= BLOCKS[b][0]; c++) {
                l.add("block" + (b + 1) + "_conv" + c);
            }
            l.add("block" + (b + 1) + "_pool");
        }
        return l;
    }

    @Override
    public String defaultContentLayer() {
        return "block4_conv2";
    }

    @Override
    public List<String> defaultStyleLayers() {
        return List.of("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1");
    }

    @Override
    public List<Double> defaultStyleLayerWeights() {
        return List.of(1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Override
    public WeightsFile weightsFile() {
        return WEIGHTS;
    }

    @Override
    public Map<String, long[]> convShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        long in = 3;
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int c = 1; c <= BLOCKS[b][0]; c++) {
                m.put("block" + (b + 1) + "_conv" + c, new long[] {3, 3, in, BLOCKS[b][1]});
                in = BLOCKS[b][1];
            }
        }
        return m;
    }

    @Override
    public Map<String, SDVariable> build(GraphBuilder g, GraphBuilder.T input, String last) {
        Map<String, SDVariable> out = new LinkedHashMap<>();
        GraphBuilder.T x = input;
        for (int b = 0; b < BLOCKS.length; b++) {
            for (int c = 1; c <= BLOCKS[b][0]; c++) {
                String name = "block" + (b + 1) + "_conv" + c;
                x = g.conv(x, name, 3, 1, true);
                out.put(name, x.v());
                if (name.equals(last)) {
                    return out;
                }
            }
            String pool = "block" + (b + 1) + "_pool";
            x = g.maxPool(x, pool, 2, 2);
            out.put(pool, x.v());
            if (pool.equals(last)) {
                return out;
            }
        }
        return out;
    }
}
