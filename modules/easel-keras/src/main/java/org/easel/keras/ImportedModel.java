package org.easel.keras;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.zip.ZipFile;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.wrapper.BaseWrapperLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.io.Json;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A Keras model imported into DL4J: the network (a {@link MultiLayerNetwork} for Sequential models, a
 * {@link ComputationGraph} for functional ones), its input shapes in Keras order without the batch
 * dimension (images are NHWC, as in Keras), and the {@link ImportReport}.
 */
public final class ImportedModel {
    /** Zip entry holding the import report next to DL4J's own entries. */
    public static final String REPORT_ENTRY = "easel-import-report.json";

    private final Model network;
    private final ImportReport report;

    ImportedModel(Model network, ImportReport report) {
        this.network = network;
        this.report = report;
    }

    public Model network() {
        return network;
    }

    public boolean isSequential() {
        return network instanceof MultiLayerNetwork;
    }

    /** The network of a Sequential model; throws for a functional one. */
    public MultiLayerNetwork multiLayerNetwork() {
        if (network instanceof MultiLayerNetwork m) {
            return m;
        }
        throw new EaselException("This Keras model is functional and was imported as a ComputationGraph; use computationGraph().");
    }

    /** The network of a functional model; throws for a Sequential one. */
    public ComputationGraph computationGraph() {
        if (network instanceof ComputationGraph g) {
            return g;
        }
        throw new EaselException("This Keras model is Sequential and was imported as a MultiLayerNetwork; use multiLayerNetwork().");
    }

    /** Input shapes without the batch dimension, Keras order (-1 where Keras has None). */
    public List<List<Long>> inputShapes() {
        return report.inputShapes();
    }

    public ImportReport report() {
        return report;
    }

    ImportedModel withReport(ImportReport r) {
        return new ImportedModel(network, r);
    }

    /** Inference (dropout off), Keras layout in and out. One output per model output. */
    public INDArray[] output(INDArray... inputs) {
        if (network instanceof MultiLayerNetwork m && inputs.length != 1) {
            throw new EaselException("A Sequential model takes one input, got " + inputs.length + ".");
        }
        DataType type = network.params() == null ? DataType.FLOAT : network.params().dataType();
        INDArray[] feed = new INDArray[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            feed[i] = inputs[i].dataType() == type ? inputs[i] : inputs[i].castTo(type);
        }
        try {
            if (network instanceof MultiLayerNetwork m) {
                return new INDArray[] {m.output(feed[0], false)};
            }
            return ((ComputationGraph) network).output(false, feed);
        } catch (RuntimeException e) {
            String given = Arrays.stream(inputs).map(a -> Arrays.toString(a.shape())).reduce((a, b) -> a + ", " + b).orElse("none");
            throw new EaselException("The imported model " + (report.modelFile() != null ? report.modelFile() : report.architectureFile())
                    + " cannot run on input(s) of shape " + given + ": it expects [batch] + " + report.inputShapes()
                    + " in Keras order (images NHWC). DL4J says: " + e.getMessage(), e);
        }
    }

    /**
     * The same model with every parameter and activation in {@code type} (e.g. {@code DOUBLE} to tell float32
     * rounding from real differences). The original is unchanged.
     */
    public ImportedModel converted(DataType type) {
        Model net = network instanceof MultiLayerNetwork m ? m.convertDataType(type) : ((ComputationGraph) network).convertDataType(type);
        return new ImportedModel(net, report);
    }

    /**
     * A copy whose output layers end linearly: their softmax or sigmoid is replaced by the identity, so outputs are
     * logits. For comparisons where probabilities saturate (exactly 0 or 1 whatever the weights). The original is
     * unchanged.
     */
    public ImportedModel withoutOutputActivation() {
        Model copy;
        List<Layer> outputs = new ArrayList<>();
        if (network instanceof MultiLayerNetwork m) {
            MultiLayerNetwork c = m.clone();
            outputs.add(c.getLayer(c.getnLayers() - 1));
            copy = c;
        } else {
            ComputationGraph c = ((ComputationGraph) network).clone();
            for (String name : c.getConfiguration().getNetworkOutputs()) {
                if (c.getLayer(name) != null) {
                    outputs.add(c.getLayer(name));
                }
            }
            copy = c;
        }
        for (Layer l : outputs) {
            var conf = l.conf().getLayer(); // the layer configuration
            if (conf instanceof BaseWrapperLayer w) {
                conf = w.getUnderlying();
            }
            if (conf instanceof BaseLayer b) {
                b.setActivationFn(new ActivationIdentity());
            } else if (conf instanceof ActivationLayer a) {
                a.setActivationFn(new ActivationIdentity());
            }
        }
        return new ImportedModel(copy, report);
    }

    /** The same model with its input scaling stated (recorded by {@link #save}). */
    public ImportedModel withInputScaling(InputScaling scaling) {
        return new ImportedModel(network, report.withInputScaling(scaling));
    }

    /** The input scaling stated at import, or the default {@code x / 255}. */
    public InputScaling inputScaling() {
        return report.inputScaling() != null ? report.inputScaling() : InputScaling.DEFAULT;
    }

    /**
     * Writes a DL4J model zip (no updater) with the import report inside (entry {@value #REPORT_ENTRY}: layers,
     * input shapes, output shapes, input scaling), atomically. {@link #load} reads it back.
     */
    public void save(Path zip) {
        AtomicFiles.write(zip, tmp -> {
            ModelSerializer.writeModel(network, tmp.toFile(), false);
            ModelSerializer.addObjectToFile(tmp.toFile(), REPORT_ENTRY, report.toJson());
        });
    }

    /** True when {@code file} is a zip written by {@link #save} ({@code easel import}'s output). */
    public static boolean isImportedZip(Path file) {
        if (!Files.isRegularFile(file) || !KerasArchive.isZip(file)) {
            return false;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            // ModelSerializer.addObjectToFile stores objects under "objects/<key>".
            return (zip.getEntry("objects/" + REPORT_ENTRY) != null || zip.getEntry(REPORT_ENTRY) != null)
                    && zip.getEntry("configuration.json") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /** Loads a zip written by {@link #save}: the DL4J network and the import report. */
    public static ImportedModel load(Path zip) {
        if (!isImportedZip(zip)) {
            throw new EaselException(zip + " is not a model written by 'easel import' (no " + REPORT_ENTRY + " and DL4J"
                    + " configuration.json inside).");
        }
        try {
            String json = ModelSerializer.getObjectFromFile(zip.toFile(), REPORT_ENTRY);
            ImportReport report = Json.MAPPER.readValue(json, ImportReport.class);
            String config;
            try (ZipFile z = new ZipFile(zip.toFile())) {
                try (var in = z.getInputStream(z.getEntry("configuration.json"))) {
                    config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            Model net = config.contains("\"vertices\"") ? ModelSerializer.restoreComputationGraph(zip.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), false);
            return new ImportedModel(net, report);
        } catch (IOException | RuntimeException e) {
            throw new EaselException("Cannot load the imported model " + zip + ": " + e.getMessage()
                    + ". The file may be truncated; run 'easel import' again.", e);
        }
    }

    /** Writes the import report as JSON, atomically. */
    public void saveReport(Path json) {
        AtomicFiles.writeString(json, report.toJson());
    }

    /**
     * A Keras-style summary: one row per Keras layer with what DL4J made of it, the output shape from the
     * forward pass that ended the import (open dimensions as Easel filled them), and parameter counts.
     */
    public String summary() {
        Map<String, String> shapes = outputShapes();
        int w1 = 34;
        int w2 = 28;
        int w3 = 22;
        int w4 = 12;
        int width = w1 + w2 + w3 + w4;
        StringBuilder sb = new StringBuilder();
        sb.append("Model: ").append(report.modelClass()).append(" (Keras ").append(report.kerasVersion())
                .append(", ").append(report.backend()).append(") -> DL4J ").append(report.networkType()).append('\n');
        sb.append("_".repeat(width)).append('\n');
        sb.append(String.format("%-" + w1 + "s%-" + w2 + "s%-" + w3 + "s%" + w4 + "s%n", "Layer (Keras type)", "DL4J", "Output Shape", "Param #"));
        sb.append("=".repeat(width)).append('\n');
        for (ImportReport.Layer l : report.layers()) {
            sb.append(String.format("%-" + w1 + "s%-" + w2 + "s%-" + w3 + "s%" + w4 + "s%n",
                    clip(l.name() + " (" + l.kerasClass() + ")", w1 - 1), clip(l.mappedTo(), w2 - 1),
                    shapes.getOrDefault(l.name(), ""), String.format("%,d", l.params())));
        }
        sb.append("=".repeat(width)).append('\n');
        sb.append(String.format("Total params: %,d%n", report.totalParams()));
        if (report.inputScaling() != null) {
            sb.append("Input scaling: ").append(report.inputScaling()).append('\n');
        }
        for (String w : report.warnings()) {
            sb.append("Warning: ").append(w).append('\n');
        }
        if (report.maxAbsDiff() != null) {
            sb.append(String.format("Largest absolute difference vs %s: %.3g%n", report.referenceFile(), report.maxAbsDiff()));
        }
        return sb.toString();
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }

    /** Output shapes recorded by the forward pass that ended the import, as Keras prints them. */
    private Map<String, String> outputShapes() {
        Map<String, String> out = new LinkedHashMap<>();
        report.outputShapes().forEach((k, v) -> out.put(k, shape(v.stream().mapToLong(Long::longValue).toArray())));
        return out;
    }

    private static String shape(long[] s) {
        String[] parts = new String[s.length];
        parts[0] = "None";
        for (int i = 1; i < s.length; i++) {
            parts[i] = Long.toString(s[i]);
        }
        return "(" + String.join(", ", Arrays.asList(parts)) + ")";
    }
}
