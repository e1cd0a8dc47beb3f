package org.easel.style.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.weights.WeightsFile;
import org.nd4j.autodiff.samediff.SDVariable;

/**
 * SqueezeNet v1.1 without its classifier (rcmalli/keras-squeezenet layout): conv1 3x3/2 + ReLU,
 * max-pool 3x3/2, fire2..fire9 (squeeze 1x1 -> expand 1x1 | expand 3x3, concatenated on channels),
 * pools after fire3 and fire5. Small (0.7 M parameters), so an iteration is cheap on a CPU.
 */
public final class SqueezeNet implements Backbone {
    public static final WeightsFile WEIGHTS = new WeightsFile("squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "https://github.com/rcmalli/keras-squeezenet/releases/download/v1.0/squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5",
            "2d935d8c102ad1232484a77da8e6fbdf3ff4ab608974a0d8b6283115ffff204f",
            "SqueezeNet v1.1 ImageNet weights, no top (Keras, rcmalli/keras-squeezenet v1.0, 3.0 MB)");

    private static final int[][] FIRE = { // id, squeeze, expand
        {2, 16, 64}, {3, 16, 64}, {4, 32, 128}, {5, 32, 128}, {6, 48, 192}, {7, 48, 192}, {8, 64, 256}, {9, 64, 256}};

    @Override
    public String name() {
        return "squeezenet";
    }

    @Override
    public List<String> layers() {
        return List.of("conv1", "pool1", "fire2", "fire3", "pool3", "fire4", "fire5", "pool5", "fire6", "fire7", "fire8", "fire9");
    }

    @Override
    public String defaultContentLayer() {
        return "fire5";
    }

    @Override
    public List<String> defaultStyleLayers() {
        return List.of("conv1", "fire2", "fire3", "fire4", "fire5", "fire6");
    }

    @Override
    public List<Double> defaultStyleLayerWeights() {
        return List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Override
    public WeightsFile weightsFile() {
        return WEIGHTS;
    }

    @Override
    public Map<String, long[]> convShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put("conv1", new long[] {3, 3, 3, 64});
        long in = 64;
        for (int[] f : FIRE) {
            String p = "fire" + f[0] + "/";
            m.put(p + "squeeze1x1", new long[] {1, 1, in, f[1]});
            m.put(p + "expand1x1", new long[] {1, 1, f[1], f[2]});
            m.put(p + "expand3x3", new long[] {3, 3, f[1], f[2]});
            in = 2L * f[2];
        }
        return m;
    }

    @Override
    public Map<String, SDVariable> build(GraphBuilder g, GraphBuilder.T input, String last) {
        Map<String, SDVariable> out = new LinkedHashMap<>();
        GraphBuilder.T x = g.conv(input, "conv1", 3, 2, false);
        if (put(out, "conv1", x, last)) {
            return out;
        }
        x = g.maxPool(x, "pool1", 3, 2);
        if (put(out, "pool1", x, last)) {
            return out;
        }
        for (int[] f : FIRE) {
            String p = "fire" + f[0];
            GraphBuilder.T s = g.conv(x, p + "/squeeze1x1", 1, 1, false);
            x = g.concatChannels(g.conv(s, p + "/expand1x1", 1, 1, false), g.conv(s, p + "/expand3x3", 3, 1, true));
            if (put(out, p, x, last)) {
                return out;
            }
            if (f[0] == 3 || f[0] == 5) {
                x = g.maxPool(x, "pool" + f[0], 3, 2);
                if (put(out, "pool" + f[0], x, last)) {
                    return out;
                }
            }
        }
        return out;
    }

    private static boolean put(Map<String, SDVariable> out, String name, GraphBuilder.T x, String last) {
        out.put(name, x.v());
        return name.equals(last);
    }
}
