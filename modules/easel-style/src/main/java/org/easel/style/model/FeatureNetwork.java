package org.easel.style.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.easel.core.error.EaselException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A backbone with its weights, ready to be built into SameDiff graphs. Weights become constants
 * (no gradients are computed for them) and are kept in Keras' HWIO order (SameDiff's YXIO). OIYX
 * works for the forward pass but M2.1's conv2d_bp mis-reads OIYX 1x1 kernels (SqueezeNet's
 * squeeze/expand layers) and fails with a wrong-shape error, so the native layout is used.
 */
public final class FeatureNetwork {
    private final Backbone backbone;
    private final Map<String, INDArray[]> params;
    private final boolean pretrained;
    private final String description;

    private FeatureNetwork(Backbone backbone, Map<String, INDArray[]> params, boolean pretrained, String description) {
        this.backbone = backbone;
        this.params = params;
        this.pretrained = pretrained;
        this.description = description;
    }

    public static FeatureNetwork pretrained(Backbone backbone, KerasH5Weights weights, DataType type, String description) {
        Map<String, INDArray[]> p = new LinkedHashMap<>();
        backbone.convShapes().forEach((layer, shape) -> {
            INDArray k = weights.kernel(layer, shape);
            INDArray b = weights.bias(layer, shape[3]);
            p.put(layer, new INDArray[] {k.castTo(type).dup('c'), b.castTo(type).dup('c')});
        });
        return new FeatureNetwork(backbone, p, true, description);
    }

    /** He-normal kernels and zero biases: only for testing the mechanics, the features mean nothing. */
    public static FeatureNetwork random(Backbone backbone, long seed, DataType type) {
        Random rnd = new Random(seed);
        Map<String, INDArray[]> p = new LinkedHashMap<>();
        backbone.convShapes().forEach((layer, s) -> {
            int n = (int) (s[0] * s[1] * s[2] * s[3]);
            double std = Math.sqrt(2.0 / (s[0] * s[1] * s[2]));
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = rnd.nextGaussian() * std;
            }
            INDArray k = Nd4j.create(v, new long[] {s[0], s[1], s[2], s[3]}, DataType.DOUBLE).castTo(type);
            p.put(layer, new INDArray[] {k, Nd4j.zeros(type, s[3])});
        });
        return new FeatureNetwork(backbone, p, false, backbone.name() + " with RANDOM weights (mechanics only, no real style transfer)");
    }

    public Backbone backbone() {
        return backbone;
    }

    public boolean isPretrained() {
        return pretrained;
    }

    public String description() {
        return description;
    }

    public List<String> layers() {
        return backbone.layers();
    }

    /** Fails with the list of valid names unless {@code layer} exists; {@code key} is the config key that named it. */
    public void requireLayer(String layer, String key) {
        if (!backbone.layers().contains(layer)) {
            String near = org.easel.core.config.Names.nearest(layer, backbone.layers());
            throw new EaselException("style." + key + ": '" + layer + "' is not a layer of " + backbone.name() + "; valid: "
                    + String.join(", ", backbone.layers()) + (near != null ? " (did you mean '" + near + "'?)" : ""));
        }
    }

    /** Builds the network on {@code input} ([1,3,h,w], caffe BGR) up to the deepest wanted layer. */
    public Map<String, SDVariable> build(SameDiff sd, SDVariable input, long h, long w, Collection<String> wanted) {
        String last = null;
        int deepest = -1;
        for (String l : wanted) {
            requireLayer(l, "layers");
            deepest = Math.max(deepest, backbone.layers().indexOf(l));
        }
        last = backbone.layers().get(deepest);
        GraphBuilder g = new GraphBuilder(sd, params, backbone.name());
        return backbone.build(g, new GraphBuilder.T(input, h, w), last);
    }

    /** Activations of the wanted layers for one image [1,3,h,w]. */
    public Map<String, INDArray> features(INDArray image, Collection<String> wanted) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("input", image.castTo(params.values().iterator().next()[0].dataType()));
        Map<String, SDVariable> built = build(sd, in, image.size(2), image.size(3), wanted);
        Map<String, String> names = new LinkedHashMap<>();
        for (String l : wanted) {
            names.put(l, built.get(l).name());
        }
        Map<String, INDArray> raw = sd.output(Map.of(), names.values().toArray(new String[0]));
        Map<String, INDArray> out = new LinkedHashMap<>();
        names.forEach((layer, var) -> out.put(layer, raw.get(var).detach()));
        return out;
    }
}
