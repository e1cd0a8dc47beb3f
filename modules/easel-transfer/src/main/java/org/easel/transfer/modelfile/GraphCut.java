package org.easel.transfer.modelfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.easel.core.config.Names;
import org.easel.core.error.EaselException;

/**
 * Where a model-file backbone can be cut, and the cut itself. Valid freeze layers are the vertices whose
 * output is a feature map (convolutional activations); the default is the feature map that feeds the
 * model's first non-convolutional vertex (its flatten, global pooling or dense classifier). The cut keeps
 * only the freeze layer and what it depends on, with their parameters, as a new graph whose output is
 * the freeze layer.
 */
public final class GraphCut {
    private final ComputationGraph graph;
    private final Map<String, InputType> types;
    private final List<String> order;
    private final String fileName;

    public GraphCut(ComputationGraph graph, InputType input, String fileName) {
        this.graph = graph;
        this.fileName = fileName;
        try {
            this.types = graph.getConfiguration().getLayerActivationTypes(input);
        } catch (RuntimeException e) {
            throw new EaselException(ModelFileLoader.KEY + ": the model " + fileName + " cannot take " + describe(input) + " input: "
                    + e.getMessage(), e);
        }
        List<String> inputs = graph.getConfiguration().getNetworkInputs();
        this.order = new ArrayList<>();
        for (int i : graph.topologicalSortOrder()) {
            String name = graph.getVertices()[i].getVertexName();
            if (!inputs.contains(name)) {
                order.add(name);
            }
        }
    }

    /** Every vertex (layer, merge, ...) in topological order, inputs excluded. */
    public List<String> layerNames() {
        return order;
    }

    /** The vertices whose output is a feature map: the valid values of {@code freeze_up_to}. */
    public List<String> featureMapLayers() {
        return order.stream().filter(n -> types.get(n) instanceof InputType.InputTypeConvolutional).toList();
    }

    /** The activation type of a vertex. */
    public InputType typeOf(String layer) {
        return types.get(layer);
    }

    /** The feature map feeding the first non-convolutional vertex; the last feature map if every vertex is convolutional. */
    public String defaultFreeze() {
        List<String> maps = featureMapLayers();
        if (maps.isEmpty()) {
            throw new EaselException(ModelFileLoader.KEY + ": the model " + fileName + " has no layer that outputs a feature map "
                    + "(no convolutional activations); it cannot serve as a convolutional backbone. Its layers: " + String.join(", ", order) + ".");
        }
        Map<String, List<String>> inputs = graph.getConfiguration().getVertexInputs();
        for (String name : order) {
            if (!(types.get(name) instanceof InputType.InputTypeConvolutional)) {
                for (String in : inputs.getOrDefault(name, List.of())) {
                    if (maps.contains(in)) {
                        return in;
                    }
                }
            }
        }
        return maps.get(maps.size() - 1);
    }

    /** Checks {@code layer} is a valid freeze layer; errors list the layers that are. */
    public void require(String layer) {
        if (!order.contains(layer)) {
            String near = Names.nearest(layer, order);
            throw new EaselException("transfer.freeze_up_to: the model " + fileName + " has no layer '" + layer + "'"
                    + (near != null ? " (did you mean '" + near + "'?)" : "") + ". Its layers are: " + String.join(", ", order)
                    + ". Layers with a feature map (valid here): " + String.join(", ", featureMapLayers()) + ".");
        }
        if (!(types.get(layer) instanceof InputType.InputTypeConvolutional)) {
            throw new EaselException("transfer.freeze_up_to: layer '" + layer + "' of " + fileName + " outputs " + describe(types.get(layer))
                    + ", not a feature map; freeze at a layer with a feature map: " + String.join(", ", featureMapLayers()) + ".");
        }
    }

    /** A new graph of {@code layer} and everything it depends on, with the same parameters; its only output is {@code layer}. */
    public ComputationGraph cut(String layer) {
        require(layer);
        ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        Set<String> keep = ancestors(conf, layer);
        Map<String, GraphVertex> vertices = new LinkedHashMap<>();
        Map<String, List<String>> vertexInputs = new LinkedHashMap<>();
        conf.getVertices().forEach((name, v) -> {
            if (keep.contains(name)) {
                vertices.put(name, v);
            }
        });
        conf.getVertexInputs().forEach((name, in) -> {
            if (keep.contains(name)) {
                vertexInputs.put(name, in);
            }
        });
        conf.setVertices(vertices);
        conf.setVertexInputs(vertexInputs);
        conf.setNetworkOutputs(List.of(layer));
        conf.setTopologicalOrder(null);
        conf.setTopologicalOrderStr(null);
        ComputationGraph cut = new ComputationGraph(conf);
        cut.init();
        for (var v : cut.getVertices()) {
            if (v.hasLayer() && v.getLayer().numParams() > 0) {
                v.getLayer().setParams(graph.getLayer(v.getVertexName()).params().dup());
            }
        }
        return cut;
    }

    private static Set<String> ancestors(ComputationGraphConfiguration conf, String layer) {
        Set<String> keep = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(layer));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (keep.add(v)) {
                todo.addAll(conf.getVertexInputs().getOrDefault(v, List.of()));
            }
        }
        return keep;
    }

    static String describe(InputType t) {
        if (t instanceof InputType.InputTypeConvolutional c) {
            return "a feature map " + c.getChannels() + "x" + c.getHeight() + "x" + c.getWidth() + " (channels x height x width)";
        }
        return t == null ? "nothing" : "a " + t.getType().name().toLowerCase(Locale.ROOT) + " activation " + t;
    }
}
