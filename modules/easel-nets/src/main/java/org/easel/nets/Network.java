package org.easel.nets;

import java.util.ArrayList;
import java.util.List;
import org.easel.core.config.Names;
import org.easel.core.error.EaselException;

/**
 * A built-in network: its layers in forward order (Keras names), where a transfer run cuts it by
 * default, and what is known about its public ImageNet weights and the preprocessing they expect.
 * Defined in {@link Networks} only; built into SameDiff graphs by {@link NetGraph}.
 *
 * @param imagenet   the Keras no-top ImageNet weights, or null if none are public
 * @param noImagenet why there are none (shown to the user), when {@code imagenet} is null
 */
public record Network(String name, String description, List<Layer> layers, String defaultCut, WeightsFile imagenet,
                      String noImagenet) {

    /** The preprocessing the ImageNet weights (and any Keras file in their layout) were trained with. */
    public static final Preprocessing IMAGENET_PREPROCESSING = Preprocessing.CAFFE_BGR;
    /** The preprocessing random weights take. */
    public static final Preprocessing RANDOM_PREPROCESSING = Preprocessing.UNIT;

    public List<String> layerNames() {
        return layers.stream().map(Layer::name).toList();
    }

    /** Index of a layer by Keras name; an unknown name is an error naming {@code key} and listing the valid names. */
    public int indexOf(String layer, String key) {
        List<String> names = layerNames();
        int i = names.indexOf(layer);
        if (i < 0) {
            String near = Names.nearest(layer, names);
            throw new EaselException(key + ": " + name + " has no layer '" + layer + "'" + (near != null ? " (did you mean '" + near + "'?)" : "")
                    + ". Its layers are: " + String.join(", ", names) + ".");
        }
        return i;
    }

    /** The convolutions of layers 0..last, with their input channels worked out from RGB input. */
    public List<ConvSpec> convs(int last) {
        List<ConvSpec> out = new ArrayList<>();
        int ch = 3;
        for (int i = 0; i <= last; i++) {
            Layer l = layers.get(i);
            if (l instanceof Layer.Conv c) {
                out.add(new ConvSpec(c.name(), c.filters(), ch, c.kernel()));
            } else if (l instanceof Layer.Fire f) {
                out.add(new ConvSpec(f.name() + "/squeeze1x1", f.squeeze(), ch, 1));
                out.add(new ConvSpec(f.name() + "/expand1x1", f.expand(), f.squeeze(), 1));
                out.add(new ConvSpec(f.name() + "/expand3x3", f.expand(), f.squeeze(), 3));
            }
            ch = l.outChannels(ch);
        }
        return out;
    }

    /**
     * [channels, height, width] of the output of layer {@code last} for an {@code height x width} RGB input.
     * An input too small for it is an error that names the layer where the map vanishes and ends with {@code hint}
     * (what the user can change, in the words of their config).
     */
    public int[] outputShape(int height, int width, int last, String hint) {
        int h = height;
        int w = width;
        int ch = 3;
        for (int i = 0; i <= last; i++) {
            Layer l = layers.get(i);
            h = l.outSize(h);
            w = l.outSize(w);
            ch = l.outChannels(ch);
            if (h <= 0 || w <= 0) {
                throw new EaselException("A " + height + "x" + width + " image is too small for " + name + " up to " + layers.get(last).name()
                        + ": the feature map vanishes at layer " + l.name() + " (it needs at least " + minInputSize(last) + " px a side). "
                        + hint);
            }
        }
        return new int[]{ch, h, w};
    }

    /** The smallest square input that layers 0..last can take. */
    public int minInputSize(int last) {
        for (int in = 1; in <= 4096; in++) {
            int size = in;
            boolean ok = true;
            for (int i = 0; i <= last && ok; i++) {
                size = layers.get(i).outSize(size);
                ok = size > 0;
            }
            if (ok) {
                return in;
            }
        }
        return 4096;
    }
}
