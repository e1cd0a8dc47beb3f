package org.easel.transfer.backbone;

import java.util.ArrayList;
import java.util.List;
import org.easel.core.error.EaselException;
import org.easel.core.weights.WeightsFile;

/**
 * A backbone as a list of named stages, plus what is known about its public weights. The frozen
 * part of a run is the stages up to and including {@code freeze_up_to}.
 *
 * @param imagenet       the Keras no-top ImageNet weights, or null if none are public
 * @param noImagenet     why there are none (shown to the user), when {@code imagenet} is null
 */
public record Architecture(String name, String description, List<Stage> stages, String defaultFreeze,
                           WeightsFile imagenet, String noImagenet) {

    public List<String> layerNames() {
        return stages.stream().map(Stage::name).toList();
    }

    /** Index of a stage by Keras name; an unknown name is an error listing the valid ones. */
    public int indexOf(String layer) {
        List<String> names = layerNames();
        int i = names.indexOf(layer);
        if (i < 0) {
            String near = org.easel.core.config.Names.nearest(layer, names);
            throw new EaselException("transfer.freeze_up_to: backbone " + name + " has no layer '" + layer + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "") + ". Its layers are: " + String.join(", ", names) + ".");
        }
        return i;
    }

    /** The convolutions of stages 0..last, with their input channels worked out from RGB input. */
    public List<ConvParam> convParams(int last) {
        List<ConvParam> out = new ArrayList<>();
        int ch = 3;
        for (int i = 0; i <= last; i++) {
            Stage s = stages.get(i);
            if (s instanceof Stage.Conv c) {
                out.add(new ConvParam(c.name(), c.filters(), ch, c.kernel()));
            } else if (s instanceof Stage.Fire f) {
                out.add(new ConvParam(f.name() + "/squeeze1x1", f.squeeze(), ch, 1));
                out.add(new ConvParam(f.name() + "/expand1x1", f.expand(), f.squeeze(), 1));
                out.add(new ConvParam(f.name() + "/expand3x3", f.expand(), f.squeeze(), 3));
            }
            ch = s.outChannels(ch);
        }
        return out;
    }

    /** [channels, height, width] of the output of stage {@code last}; an error if the input is too small for it. */
    public int[] outputShape(int inputSize, int last) {
        int size = inputSize;
        int ch = 3;
        for (int i = 0; i <= last; i++) {
            Stage s = stages.get(i);
            size = s.outSize(size);
            ch = s.outChannels(ch);
            if (size <= 0) {
                throw new EaselException("transfer.input_size " + inputSize + " is too small for " + name + " up to "
                        + stages.get(last).name() + ": the feature map vanishes at layer " + s.name() + ". Use input_size >= "
                        + minInputSize(last) + ", or freeze at an earlier layer.");
            }
        }
        return new int[]{ch, size, size};
    }

    public int minInputSize(int last) {
        for (int in = 8; in <= 4096; in++) {
            int size = in;
            boolean ok = true;
            for (int i = 0; i <= last && ok; i++) {
                size = stages.get(i).outSize(size);
                ok = size > 0;
            }
            if (ok) {
                return in;
            }
        }
        return 4096;
    }
}
