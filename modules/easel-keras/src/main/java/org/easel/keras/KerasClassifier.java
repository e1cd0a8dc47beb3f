package org.easel.keras;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.easel.core.error.EaselException;
import org.easel.core.predict.ImageClassifier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An imported Keras image classifier behind Easel's {@link ImageClassifier}: images arrive as CHW
 * floats in [0, 1], are scaled as the model's {@link InputScaling} says (default {@code x / 255}, as R keras
 * users scale them) and handed to the model in Keras' layout, NHWC for image inputs or flat for dense ones. Keras files carry no class names,
 * so classes are the output indices "0".."k-1".
 */
public final class KerasClassifier implements ImageClassifier {
    private final ImportedModel model;
    private final boolean imageInput;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classes;

    public KerasClassifier(ImportedModel model) {
        this.model = model;
        List<List<Long>> shapes = model.inputShapes();
        if (shapes.size() != 1) {
            throw new EaselException("Only single-input Keras models can classify images; this one has " + shapes.size() + " inputs.");
        }
        List<Long> s = shapes.get(0);
        if (s.size() == 3 && s.stream().allMatch(d -> d > 0)) {
            imageInput = true;
            height = s.get(0).intValue();
            width = s.get(1).intValue();
            channels = s.get(2).intValue();
        } else if (s.size() == 1 && s.get(0) > 0) {
            imageInput = false;
            long n = s.get(0);
            int side = (int) Math.round(Math.sqrt(n));
            int rgbSide = (int) Math.round(Math.sqrt(n / 3.0));
            if ((long) side * side == n) {
                channels = 1;
                height = side;
                width = side;
            } else if (3L * rgbSide * rgbSide == n) {
                channels = 3;
                height = rgbSide;
                width = rgbSide;
            } else {
                throw new EaselException("The Keras model takes " + n + " flat inputs, which is no square grayscale or RGB image;"
                        + " it cannot be fed images.");
            }
        } else {
            throw new EaselException("The Keras model's input shape " + s + " is not an image ([height, width, channels]) or a flat"
                    + " vector; it cannot be fed images.");
        }
        int k = (int) model.output(toKeras(new float[channels * height * width], 1))[0].length();
        classes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            classes.add(Integer.toString(i));
        }
    }

    private INDArray toKeras(float[] chw01, int n) {
        float[] chw = chw01;
        InputScaling scaling = model.inputScaling();
        if (!scaling.isDefault()) {
            chw = chw01.clone();
            scaling.checkChannels(channels).apply(chw, channels, height * width);
        }
        if (!imageInput) {
            return Nd4j.create(chw, new long[]{n, (long) channels * height * width}, 'c');
        }
        return Nd4j.create(chw, new long[]{n, channels, height, width}, 'c').permute(0, 2, 3, 1).dup('c');
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public float[][] probabilities(float[] chwPixels, int n) {
        float[] flat = model.output(toKeras(chwPixels, n))[0].castTo(DataType.FLOAT).data().asFloat();
        int k = classes.size();
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * k, (i + 1) * k);
        }
        return out;
    }
}
