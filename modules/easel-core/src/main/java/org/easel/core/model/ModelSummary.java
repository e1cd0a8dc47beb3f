package org.easel.core.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.FrozenLayer;
import org.deeplearning4j.nn.layers.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A Keras {@code summary()} for DL4J networks: layer name, type, output shape and parameter count,
 * then total, trainable and non-trainable parameters. Output shapes come from one forward pass of
 * a zero example, so they are what the network really produces (DL4J convs are channels-first).
 */
public record ModelSummary(List<Row> rows, long total, long trainable, long nonTrainable) {

    public record Row(String name, String type, String outputShape, long params) {
    }

    public static ModelSummary of(MultiLayerNetwork net, long[] singleInputShape) {
        List<INDArray> activations = null;
        if (singleInputShape != null) {
            long[] shape = new long[singleInputShape.length + 1];
            shape[0] = 1;
            System.arraycopy(singleInputShape, 0, shape, 1, singleInputShape.length);
            activations = net.feedForward(Nd4j.zeros(shape), false);
        }
        List<Row> rows = new ArrayList<>();
        long total = 0;
        long nonTrainable = 0;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            String name = layer.conf().getLayer().getLayerName();
            boolean frozen = layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
            Layer inner = frozen ? (layer instanceof FrozenLayer f ? f.getInsideLayer() : ((FrozenLayerWithBackprop) layer).getInsideLayer()) : layer;
            String type = inner.conf().getLayer().getClass().getSimpleName() + (frozen ? " (frozen)" : "");
            long params = layer.numParams();
            total += params;
            if (frozen) {
                nonTrainable += params;
            } else if (inner instanceof BatchNormalization) {
                nonTrainable += params / 2; // running mean and variance, as Keras counts them
            }
            String shape = activations == null ? "?" : shape(activations.get(i + 1).shape());
            rows.add(new Row(name == null ? "layer_" + i : name, type, shape, params));
        }
        return new ModelSummary(List.copyOf(rows), total, total - nonTrainable, nonTrainable);
    }

    private static String shape(long[] shape) {
        String[] parts = new String[shape.length];
        parts[0] = "None";
        for (int i = 1; i < shape.length; i++) {
            parts[i] = Long.toString(shape[i]);
        }
        return "(" + String.join(", ", Arrays.asList(parts)) + ")";
    }

    /** The table as Keras prints it. */
    public String format() {
        int w1 = 28;
        int w2 = 26;
        int w3 = 12;
        StringBuilder sb = new StringBuilder();
        String rule = "_".repeat(w1 + w2 + w3 + 4) + "\n";
        String thick = "=".repeat(w1 + w2 + w3 + 4) + "\n";
        sb.append(rule);
        sb.append(String.format("%-" + w1 + "s%-" + w2 + "s%" + w3 + "s%n", "Layer (type)", "Output Shape", "Param #"));
        sb.append(thick);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String label = r.name() + " (" + r.type() + ")";
            sb.append(String.format("%-" + w1 + "s%-" + w2 + "s%" + w3 + "s%n", label, r.outputShape(), String.format("%,d", r.params())));
            sb.append(i == rows.size() - 1 ? thick : rule);
        }
        sb.append(String.format("Total params: %,d%n", total));
        sb.append(String.format("Trainable params: %,d%n", trainable));
        sb.append(String.format("Non-trainable params: %,d%n", nonTrainable));
        return sb.toString();
    }
}
