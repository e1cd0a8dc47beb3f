package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks weights against the config before DL4J copies them, so a weights file that does not belong to
 * the architecture is reported as "layer X: expected [..], found [..]" instead of a DL4J stack trace.
 * Covers the layers whose weight shapes follow directly from their config (Dense, convolutions,
 * BatchNormalization, LSTM); the rest is left to DL4J, whose errors are wrapped with the layer name.
 */
final class WeightCheck {
    private static final Set<String> WEIGHTED = Set.of("Dense", "Conv1D", "Conv2D", "Conv3D", "Convolution1D",
            "Convolution2D", "Convolution3D", "SeparableConv2D", "DepthwiseConv2D", "Conv2DTranspose",
            "BatchNormalization", "LSTM", "SimpleRNN", "Embedding", "PReLU");

    private WeightCheck() {
    }

    static void check(ModelSpec spec, Map<String, Map<String, INDArray>> weights, Path file) {
        List<String> problems = new ArrayList<>();
        for (ModelSpec.LayerSpec l : spec.layers()) {
            Map<String, INDArray> w = weights.get(l.name());
            if (w == null) {
                if (WEIGHTED.contains(l.className())) {
                    problems.add("layer '" + l.name() + "' (" + l.className() + ") has no weights in the file"
                            + " (layers with weights there: " + abbreviate(weights.keySet()) + ")");
                }
                continue;
            }
            String p = checkLayer(l, w);
            if (p != null) {
                problems.add(p);
            }
        }
        if (!problems.isEmpty()) {
            throw new EaselException(file + " does not match the model config:\n  " + String.join("\n  ", problems)
                    + "\nThe architecture and the weights file do not belong together, or the file is corrupt.");
        }
    }

    /**
     * After DL4J built the network: every layer must hold exactly as many parameters as the file has
     * weights for it. DL4J sizes layers from the config and, in 1.0.0-M2.1, copies a Dense kernel of the
     * wrong height without complaint (measured: batch_input_shape 100 with a 784-row kernel imported
     * "successfully"), so this is the check that catches config/weights disagreements it lets through.
     * BatchNormalization is skipped: Keras omits gamma/beta when scale/center are off, DL4J keeps them.
     */
    static void checkImported(ModelSpec spec, Map<String, Map<String, INDArray>> weights, List<ImportReport.Layer> imported,
                              String files) {
        List<String> problems = new ArrayList<>();
        for (ImportReport.Layer l : imported) {
            Map<String, INDArray> w = weights.get(l.name());
            if (w == null || l.kerasClass().equals("BatchNormalization")) {
                continue;
            }
            long inFile = w.values().stream().mapToLong(INDArray::length).sum();
            if (inFile != l.params()) {
                StringBuilder shapes = new StringBuilder();
                w.forEach((k, v) -> shapes.append(shapes.length() == 0 ? "" : ", ").append(k).append(' ').append(shape(v)));
                problems.add("layer '" + l.name() + "' (" + l.kerasClass() + "): the file holds " + inFile + " weights (" + shapes
                        + ") but the layer built from the config has " + l.params() + " parameters");
            }
        }
        if (!problems.isEmpty()) {
            throw new EaselException(files + ": weights do not fit the model config:\n  " + String.join("\n  ", problems)
                    + "\nCheck the input shape (batch_input_shape) and layer sizes in the config, or use the matching weights file.");
        }
    }

    private static String checkLayer(ModelSpec.LayerSpec l, Map<String, INDArray> w) {
        JsonNode c = l.config();
        INDArray kernel = first(w, "kernel", "W");
        INDArray bias = first(w, "bias", "b");
        switch (l.className()) {
            case "Dense" -> {
                long units = c.path("units").asLong(c.path("output_dim").asLong(-1));
                if (units > 0 && kernel != null && (kernel.rank() != 2 || kernel.size(1) != units)) {
                    return mismatch(l, "units=" + units, "kernel [*, " + units + "]", "kernel " + shape(kernel));
                }
                if (units > 0 && bias != null && bias.length() != units) {
                    return mismatch(l, "units=" + units, "bias [" + units + "]", "bias " + shape(bias));
                }
            }
            case "Conv1D", "Conv2D", "Conv3D" -> {
                long filters = c.path("filters").asLong(-1);
                JsonNode ks = c.path("kernel_size");
                if (kernel != null && filters > 0 && kernel.size(kernel.rank() - 1) != filters) {
                    return mismatch(l, "filters=" + filters, "kernel [..., " + filters + "]", "kernel " + shape(kernel));
                }
                if (kernel != null && ks.isArray() && ks.size() == kernel.rank() - 2) {
                    for (int i = 0; i < ks.size(); i++) {
                        if (kernel.size(i) != ks.get(i).asLong()) {
                            return mismatch(l, "kernel_size=" + ks, "kernel spatial size " + ks, "kernel " + shape(kernel));
                        }
                    }
                }
                if (filters > 0 && bias != null && bias.length() != filters) {
                    return mismatch(l, "filters=" + filters, "bias [" + filters + "]", "bias " + shape(bias));
                }
            }
            case "BatchNormalization" -> {
                long n = -1;
                for (Map.Entry<String, INDArray> e : w.entrySet()) {
                    if (n < 0) {
                        n = e.getValue().length();
                    } else if (e.getValue().length() != n) {
                        return mismatch(l, "one value per channel", "all of " + w.keySet() + " of length " + n,
                                e.getKey() + " " + shape(e.getValue()));
                    }
                }
            }
            case "LSTM" -> {
                long units = c.path("units").asLong(-1);
                INDArray rec = w.get("recurrent_kernel");
                if (units > 0 && kernel != null && kernel.size(kernel.rank() - 1) != 4 * units) {
                    return mismatch(l, "units=" + units, "kernel [*, " + 4 * units + "]", "kernel " + shape(kernel));
                }
                if (units > 0 && rec != null && (rec.size(0) != units || rec.size(1) != 4 * units)) {
                    return mismatch(l, "units=" + units, "recurrent_kernel [" + units + ", " + 4 * units + "]", "recurrent_kernel " + shape(rec));
                }
            }
            default -> {
                // No shape rule: DL4J checks these while copying.
            }
        }
        return null;
    }

    private static INDArray first(Map<String, INDArray> w, String... names) {
        for (String n : names) {
            if (w.containsKey(n)) {
                return w.get(n);
            }
        }
        return null;
    }

    private static String mismatch(ModelSpec.LayerSpec l, String config, String expected, String found) {
        return "layer '" + l.name() + "' (" + l.className() + "): config says " + config + ", so expected " + expected
                + ", found " + found;
    }

    private static String shape(INDArray a) {
        return Arrays.toString(a.shape());
    }

    private static String abbreviate(java.util.Collection<String> names) {
        List<String> l = new ArrayList<>(names);
        return l.size() <= 8 ? l.toString() : l.subList(0, 8) + " and " + (l.size() - 8) + " more";
    }
}
