package org.easel.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The last step of every import: one forward pass on a seeded input of the declared shape. A model that
 * DL4J built but cannot run (a Permute or Flatten mapped to the wrong axis order, a preprocessor that
 * expects NCHW where the convolutions give NHWC) is an import error naming the layer where it failed,
 * instead of a "successful" import that fails at the user's first prediction. The activations give
 * the output shapes shown in the summary.
 */
final class ForwardCheck {
    /** Stand-in for a dimension Keras leaves open (None): image sides and sequence lengths. */
    static final long OPEN_IMAGE_SIDE = 32;
    static final long OPEN_SEQUENCE_LENGTH = 7;
    static final long BATCH = 2;

    private ForwardCheck() {
    }

    /** Seeded inputs for the declared shapes; integer indices below {@code vocabulary} for an Embedding input. */
    static INDArray[] inputs(List<List<Long>> shapes, List<Long> vocabularies) {
        Random random = new Random(20240601L);
        INDArray[] out = new INDArray[shapes.size()];
        for (int k = 0; k < shapes.size(); k++) {
            List<Long> s = shapes.get(k);
            long[] shape = new long[s.size() + 1];
            shape[0] = BATCH;
            for (int i = 0; i < s.size(); i++) {
                long d = s.get(i);
                shape[i + 1] = d > 0 ? d : (s.size() == 3 ? OPEN_IMAGE_SIDE : OPEN_SEQUENCE_LENGTH);
            }
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            float[] v = new float[(int) n];
            long vocab = k < vocabularies.size() ? vocabularies.get(k) : 0;
            for (int i = 0; i < v.length; i++) {
                v[i] = vocab > 0 ? random.nextInt((int) Math.min(vocab, Integer.MAX_VALUE)) : random.nextFloat();
            }
            out[k] = Nd4j.create(v, shape, 'c');
        }
        return out;
    }

    /**
     * Runs the network; returns every layer's output shape (Keras order, batch as -1), keyed by layer
     * name. Throws an {@link EaselException} naming the first layer that fails.
     */
    static Map<String, List<Long>> run(Model network, INDArray[] inputs, String files) {
        try {
            return network instanceof MultiLayerNetwork m ? runSequential(m, inputs[0]) : runGraph((ComputationGraph) network, inputs);
        } catch (RuntimeException e) {
            String layer = failingLayer(network, inputs);
            throw new EaselException(files + ": the imported model cannot run" + (layer == null ? "" : ": it fails at " + layer)
                    + " on a seeded input of the declared shape " + shapes(inputs) + " (" + rootMessage(e) + "). Nothing was imported;"
                    + " this layer's mapping to DL4J is wrong for this model (please report it with the file).", e);
        }
    }

    private static Map<String, List<Long>> runSequential(MultiLayerNetwork m, INDArray x) {
        List<INDArray> acts = m.feedForward(x, false);
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (int i = 0; i < m.getnLayers(); i++) {
            InputPreProcessor pre = m.getLayerWiseConfigurations().getInputPreProcess(i);
            if (pre != null) {
                INDArray in = pre.preProcess(acts.get(i).dup(), (int) x.size(0), LayerWorkspaceMgr.noWorkspaces());
                out.put("#pre" + i, shape(in));
            }
            out.put(m.getLayer(i).conf().getLayer().getLayerName(), shape(acts.get(i + 1)));
        }
        return out;
    }

    private static Map<String, List<Long>> runGraph(ComputationGraph g, INDArray[] inputs) {
        Map<String, INDArray> acts = g.feedForward(inputs, false);
        Map<String, List<Long>> out = new LinkedHashMap<>();
        acts.forEach((k, v) -> out.put(k, shape(v)));
        return out;
    }

    /** Which layer fails: feeds forward one layer (vertex) further each time. */
    private static String failingLayer(Model network, INDArray[] inputs) {
        try {
            if (network instanceof MultiLayerNetwork m) {
                for (int i = 0; i < m.getnLayers(); i++) {
                    try {
                        m.feedForwardToLayer(i, inputs[0], false);
                    } catch (RuntimeException e) {
                        return "layer '" + m.getLayer(i).conf().getLayer().getLayerName() + "' (DL4J " + m.getLayer(i).getClass().getSimpleName() + ")";
                    }
                }
                return null;
            }
            // ComputationGraph.feedForward(inputs, n, train) runs the graph up to getLayers()[n] (neither a vertex
            // index nor Layer.getIndex()). Vertices that are not layers (merges, Easel's attention vertices) run
            // on the way: when one of them may be the culprit, every candidate since the last good layer is named.
            ComputationGraph g = (ComputationGraph) network;
            GraphVertex[] vertices = g.getVertices();
            Map<String, Integer> layerPosition = new HashMap<>();
            for (int i = 0; i < g.getLayers().length; i++) {
                layerPosition.put(g.getLayers()[i].conf().getLayer().getLayerName(), i);
            }
            List<GraphVertex> since = new ArrayList<>();
            for (int idx : g.topologicalSortOrder()) {
                GraphVertex v = vertices[idx];
                if (v.isInputVertex()) {
                    continue;
                }
                since.add(v);
                if (!v.hasLayer()) {
                    continue;
                }
                try {
                    g.feedForward(inputs, layerPosition.get(v.getVertexName()), false);
                    since.clear();
                } catch (RuntimeException e) {
                    return describe(since);
                }
            }
            if (!since.isEmpty()) {
                return describe(since); // only non-layer vertices after the last layer: one of them fails
            }
        } catch (RuntimeException ignored) {
            // Locating is best effort; the error still names the model and the cause.
        }
        return null;
    }

    private static String describe(List<GraphVertex> candidates) {
        List<String> names = new ArrayList<>();
        for (GraphVertex v : candidates) {
            names.add("'" + v.getVertexName() + "' (DL4J " + (v.hasLayer() ? v.getLayer().getClass().getSimpleName()
                    : v.getClass().getSimpleName()) + ")");
        }
        return names.size() == 1 ? "layer " + names.get(0) : "one of the layers " + String.join(", ", names);
    }

    static List<Long> shape(INDArray a) {
        List<Long> s = new ArrayList<>();
        s.add(-1L);
        for (int i = 1; i < a.rank(); i++) {
            s.add(a.size(i));
        }
        return s;
    }

    private static String shapes(INDArray[] inputs) {
        List<String> s = new ArrayList<>();
        for (INDArray a : inputs) {
            s.add(java.util.Arrays.toString(a.shape()));
        }
        return String.join(", ", s);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        if (m != null && m.length() > 400) {
            m = m.substring(0, 400) + "...";
        }
        return t.getClass().getSimpleName() + ": " + m;
    }
}
