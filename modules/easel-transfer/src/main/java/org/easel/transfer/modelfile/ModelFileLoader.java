package org.easel.transfer.modelfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;
import org.easel.keras.ImportedModel;
import org.easel.keras.KerasImporter;

/**
 * Reads {@code transfer.backbone: path}: a DL4J model zip (MultiLayerNetwork or ComputationGraph written by
 * {@code ModelSerializer}), a full Keras model .h5/.hdf5 or .keras (imported with Easel's {@link KerasImporter}), or a
 * zip written by {@code easel import}.
 * Either way the result is a ComputationGraph with the file's layer names. Bad files fail here, naming the file.
 */
public final class ModelFileLoader {
    static final String KEY = "transfer.backbone";

    private ModelFileLoader() {
    }

    public static boolean isKeras(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras");
    }

    public static LoadedModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException(KEY + ": model file " + file.toAbsolutePath() + " does not exist. Give the path of a DL4J model zip "
                    + "(ModelSerializer.writeModel) or a full Keras model .h5 (model.save), or a built-in backbone name.");
        }
        String sha;
        try {
            sha = Hashing.sha256(file);
        } catch (IOException e) {
            throw new EaselException(KEY + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        return isKeras(file) || ImportedModel.isImportedZip(file) ? keras(file, sha) : dl4j(file, sha);
    }

    private static LoadedModel keras(Path file, String sha) {
        ImportedModel m;
        try {
            m = ImportedModel.isImportedZip(file) ? ImportedModel.load(file) : KerasImporter.builder().build().importModel(file);
        } catch (EaselException e) {
            throw new EaselException(KEY + ": " + e.getMessage(), e);
        }
        List<List<Long>> shapes = m.inputShapes();
        if (shapes.size() != 1 || shapes.get(0).size() != 3) {
            throw new EaselException(KEY + ": the Keras model " + file.getFileName() + " takes input(s) " + shapes
                    + "; a backbone must take one image input [height, width, channels].");
        }
        List<Long> s = shapes.get(0);
        long h = s.get(0);
        long w = s.get(1);
        int channels = s.get(2).intValue();
        if (h > 0 && w > 0 && h != w) {
            throw new EaselException(KEY + ": the Keras model " + file.getFileName() + " takes " + h + "x" + w
                    + " images; transfer backbones take square images (height = width).");
        }
        ComputationGraph graph = m.network() instanceof MultiLayerNetwork mln ? chain(mln) : m.computationGraph();
        return new LoadedModel(file, graph, checkedChannels(new InputSpec(channels, h > 0 ? (int) h : 0, CNN2DFormat.NHWC), file),
                "Keras " + m.report().kerasVersion() + " " + m.report().modelClass(), sha);
    }

    private static LoadedModel dl4j(Path file, String sha) {
        String config;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry("configuration.json");
            if (entry == null) {
                throw new EaselException(KEY + ": " + file + " is a zip but not a DL4J model (no configuration.json"
                        + (zip.getEntry("transfer.json") != null ? "; it is an Easel transfer model, whose backbone is not reusable as a file" : "")
                        + "). Save the backbone with ModelSerializer.writeModel, or give a Keras .h5.");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                config = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (ZipException e) {
            throw new EaselException(KEY + ": " + file + " is not a model file: neither a DL4J model zip nor a Keras .h5/.hdf5 ("
                    + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new EaselException(KEY + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        Model model;
        try {
            model = config.contains("\"vertices\"") ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
                    : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new EaselException(KEY + ": cannot load the DL4J model " + file + ": " + e.getMessage(), e);
        }
        ComputationGraph graph = model instanceof MultiLayerNetwork mln ? chain(mln) : (ComputationGraph) model;
        return new LoadedModel(file, graph, checkedChannels(firstLayerInput(graph, file), file),
                model instanceof MultiLayerNetwork ? "DL4J MultiLayerNetwork" : "DL4J ComputationGraph", sha);
    }

    private static InputSpec checkedChannels(InputSpec spec, Path file) {
        if (spec.channels() != 1 && spec.channels() != 3) {
            throw new EaselException(KEY + ": the model " + file.getFileName() + " takes " + spec.channels()
                    + "-channel images; transfer backbones take RGB (3) or grayscale (1) images.");
        }
        return spec;
    }

    /** A DL4J zip records no input type: channels and layout come from the first layer (a convolution or batch norm). */
    private static InputSpec firstLayerInput(ComputationGraph graph, Path file) {
        ComputationGraphConfiguration conf = graph.getConfiguration();
        if (conf.getNetworkInputs().size() != 1) {
            throw new EaselException(KEY + ": the model " + file.getFileName() + " has " + conf.getNetworkInputs().size()
                    + " inputs; a backbone must take one image input.");
        }
        String input = conf.getNetworkInputs().get(0);
        for (var e : conf.getVertexInputs().entrySet()) {
            if (e.getValue().contains(input) && conf.getVertices().get(e.getKey()) instanceof LayerVertex lv) {
                Layer l = lv.getLayerConf().getLayer();
                if (lv.getPreProcessor() == null && l instanceof ConvolutionLayer c) {
                    return new InputSpec((int) c.getNIn(), 0, c.getCnn2dDataFormat());
                }
                if (lv.getPreProcessor() == null && l instanceof BatchNormalization b) {
                    return new InputSpec((int) b.getNIn(), 0, b.getCnn2DFormat());
                }
                throw new EaselException(KEY + ": the first layer of " + file.getFileName() + " ('" + e.getKey() + "', "
                        + l.getClass().getSimpleName() + (lv.getPreProcessor() != null ? " with an input preprocessor" : "")
                        + ") does not take images directly; a backbone must start with a convolution on [channels, height, width] images.");
            }
        }
        throw new EaselException(KEY + ": cannot find the first layer of " + file.getFileName() + "; a backbone must start with a convolution.");
    }

    /**
     * A MultiLayerNetwork as an equivalent chain-shaped ComputationGraph whose vertices are named like its
     * layers (DL4J's own conversion numbers them), with the same parameters.
     */
    static ComputationGraph chain(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        ComputationGraphConfiguration.GraphBuilder b = new NeuralNetConfiguration.Builder().dataType(conf.getDataType()).graphBuilder();
        List<NeuralNetConfiguration> confs = conf.getConfs();
        Set<String> names = new HashSet<>();
        String input = "input";
        for (NeuralNetConfiguration c : confs) {
            names.add(c.getLayer().getLayerName());
        }
        while (names.contains(input)) {
            input = "_" + input;
        }
        b.addInputs(input);
        String previous = input;
        for (int i = 0; i < confs.size(); i++) {
            Layer layer = confs.get(i).getLayer();
            String name = layer.getLayerName() != null ? layer.getLayerName() : "layer" + i;
            InputPreProcessor pre = conf.getInputPreProcess(i);
            b.addLayer(name, layer, pre, previous);
            previous = name;
        }
        b.setOutputs(previous);
        ComputationGraph graph = new ComputationGraph(b.build());
        graph.init();
        graph.setParams(net.params());
        return graph;
    }
}
