package org.easel.style.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.nets.BackboneWeights;
import org.easel.nets.NetGraph;
import org.easel.nets.Network;
import org.easel.nets.Networks;
import org.easel.nets.WeightsStore;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The feature network of a style transfer: a built-in network of easel-nets with its weights, built into
 * SameDiff graphs whose only variable is the image ({@link NetGraph.Mode#INPUT_GRADIENT}). Style transfer
 * keeps only its own choice of default content and style layers per network ({@link #DEFAULT_LAYERS});
 * the network, its weight files and its preprocessing come from easel-nets.
 */
public final class StyleBackbone {
    /** The content layer and style layers tuned per network by looking at results on ../shared/images (docs/style-transfer.md). */
    public record Layers(String content, List<String> style, List<Double> styleWeights) {
    }

    public static final Map<String, Layers> DEFAULT_LAYERS = Map.of(
            "squeezenet", new Layers("fire5", List.of("conv1", "fire2", "fire3", "fire4", "fire5", "fire6"), List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0)),
            "vgg16", new Layers("block4_conv2", List.of("block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1"),
                    List.of(1.0, 1.0, 1.0, 1.0, 1.0)));

    /** What to change when an image is too small for the chosen layers, in the words of the config. */
    static final String TOO_SMALL_HINT = "Use a larger style.size, fewer style.scales, or earlier layers.";

    private final Network net;
    private final BackboneWeights weights;
    private final boolean pretrained;
    private final String description;

    private StyleBackbone(Network net, BackboneWeights weights, boolean pretrained, String description) {
        this.net = net;
        this.weights = weights;
        this.pretrained = pretrained;
        this.description = description;
    }

    /** The backbone plus notes for the user and the report (auto's choice, random-weight warnings). */
    public record Resolved(StyleBackbone backbone, List<String> notes) {
    }

    /**
     * {@code style.backbone} (auto, squeezenet, vgg16) with {@code style.weights} (imagenet, random): auto takes
     * VGG16 when its weights are in the pretrained folder, else SqueezeNet; missing files are downloaded when {@code download}.
     */
    public static Resolved resolve(String backbone, String weights, String pretrainedDir, boolean download, long seed, DataType type) {
        List<String> notes = new ArrayList<>();
        WeightsStore store = WeightsStore.of(pretrainedDir, download);
        if ("random".equals(weights)) {
            Network n = Networks.get("auto".equals(backbone) ? "squeezenet" : backbone, "style.backbone");
            notes.add("WARNING: weights: random. " + n.name() + " has random weights, so its features carry no notion of "
                    + "style or content: the result is NOT a style transfer. Use weights: imagenet for real use.");
            return new Resolved(random(n, seed, type), notes);
        }
        boolean vgg = "vgg16".equals(backbone) || ("auto".equals(backbone) && store.has(Networks.VGG16_IMAGENET));
        if ("auto".equals(backbone) && !vgg) {
            notes.add("backbone: auto chose squeezenet: " + Networks.VGG16_IMAGENET.fileName() + " is not in " + store.dir().toAbsolutePath()
                    + " (place it there, from " + Networks.VGG16_IMAGENET.url() + ", to use VGG16).");
        }
        Network n = vgg ? Networks.VGG16 : Networks.SQUEEZENET;
        BackboneWeights w = BackboneWeights.resolve(n, n.layers().size() - 1, "imagenet", false, seed, store, "style.weights");
        String file = store.dir().resolve(n.imagenet().fileName()).getFileName().toString();
        return new Resolved(new StyleBackbone(n, cast(w, type), true, (vgg ? "vgg16" : "squeezenet v1.1") + " (ImageNet weights, " + file + ")"),
                notes);
    }

    /** He-normal weights from easel-nets: only for testing the mechanics, the features mean nothing. */
    public static StyleBackbone random(Network net, long seed, DataType type) {
        BackboneWeights w = BackboneWeights.random(net, net.layers().size() - 1, seed, "random", false);
        return new StyleBackbone(net, cast(w, type), false, net.name() + " with RANDOM weights (mechanics only, no real style transfer)");
    }

    private static BackboneWeights cast(BackboneWeights w, DataType type) {
        if (type == DataType.FLOAT) {
            return w;
        }
        Map<String, INDArray[]> p = new LinkedHashMap<>();
        w.params().forEach((k, v) -> p.put(k, new INDArray[]{v[0].castTo(type), v[1].castTo(type)}));
        return new BackboneWeights(p, w.preprocessing(), w.used(), w.identity(), w.fellBack());
    }

    public Network network() {
        return net;
    }

    public Layers defaults() {
        return DEFAULT_LAYERS.get(net.name());
    }

    public boolean isPretrained() {
        return pretrained;
    }

    public String description() {
        return description;
    }

    /** Fails with the list of valid names unless {@code layer} exists; {@code key} is the config key that named it. */
    public void requireLayer(String layer, String key) {
        net.indexOf(layer, "style." + key);
    }

    /** Builds the network on {@code input} ([1,3,h,w], caffe BGR) up to the deepest wanted layer; returns the wanted outputs. */
    public Map<String, SDVariable> build(SameDiff sd, SDVariable input, long h, long w, Collection<String> wanted) {
        int deepest = 0;
        for (String l : wanted) {
            deepest = Math.max(deepest, net.indexOf(l, "style.layers"));
        }
        net.outputShape(Math.toIntExact(h), Math.toIntExact(w), deepest, TOO_SMALL_HINT);
        return NetGraph.build(sd, input, net, weights, NetGraph.Mode.INPUT_GRADIENT, 0, wanted);
    }

    /** Activations of the wanted layers for one image [1,3,h,w]. */
    public Map<String, INDArray> features(INDArray image, Collection<String> wanted) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("input", image.castTo(weights.params().values().iterator().next()[0].dataType()));
        Map<String, SDVariable> built = build(sd, in, image.size(2), image.size(3), wanted);
        Map<String, INDArray> raw = sd.output(Map.of(), built.values().stream().map(SDVariable::name).toArray(String[]::new));
        Map<String, INDArray> out = new LinkedHashMap<>();
        built.forEach((layer, v) -> out.put(layer, raw.get(v.name()).detach()));
        return out;
    }
}
