package org.easel.keras;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes Keras model files from a model config (JSON, as Keras writes it) and weights in Keras layout, in
 * the layouts Keras itself uses, so tests and tools can produce small files without Python
 * (also {@link #writeWeightsH5}: a weights-only file for an architecture JSON):
 * <ul>
 *   <li>{@link #writeH5}: legacy .h5 as Keras 1/2 and Keras 3 before 3.11 write it ({@code model_weights/<layer>/<layer>/kernel:0});</li>
 *   <li>{@link #writeNestedH5}: legacy .h5 as Keras 3.11+ writes it, one group deeper ({@code model_weights/<layer>/<model>/<layer>/kernel});</li>
 *   <li>{@link #writeKerasArchive}: the native Keras 3 {@code .keras} zip (config.json, metadata.json,
 *       model.weights.h5 with {@code layers/<snake_case class>[_n]/vars/0..}).</li>
 * </ul>
 * Weights: {@code layer name -> (weight name -> array)}, in Keras' order for the layer (kernel, bias, ...); a
 * sub-layer's weights are named {@code sub/weight} ({@code query/kernel} of MultiHeadAttention).
 */
public final class KerasModelWriter {
    /** Sub-layer groups of a .keras file, by the sub-layer names legacy .h5 files use. */
    private static final Map<String, String> SUB_LAYERS = Map.of("query", "query_dense", "key", "key_dense",
            "value", "value_dense", "attention_output", "output_dense");

    private KerasModelWriter() {
    }

    public static void writeH5(Path file, String modelConfig, String kerasVersion, Map<String, Map<String, INDArray>> weights) {
        write(file, modelConfig, kerasVersion, weights, null);
    }

    public static void writeNestedH5(Path file, String modelConfig, String kerasVersion, String modelName,
                                     Map<String, Map<String, INDArray>> weights) {
        write(file, modelConfig, kerasVersion, weights, modelName);
    }

    private static void write(Path file, String modelConfig, String kerasVersion, Map<String, Map<String, INDArray>> weights,
                              String nestedModel) {
        AtomicFiles.write(file, tmp -> {
            try (H5Writer w = new H5Writer(tmp)) {
                w.stringAttribute("/", "model_config", modelConfig);
                w.stringAttribute("/", "keras_version", kerasVersion);
                w.stringAttribute("/", "backend", "tensorflow");
                w.group("/model_weights");
                List<String> layers = new ArrayList<>(weights.keySet());
                w.stringsAttribute("/model_weights", "layer_names", layers);
                w.stringAttribute("/model_weights", "keras_version", kerasVersion);
                w.stringAttribute("/model_weights", "backend", "tensorflow");
                for (String layer : layers) {
                    String group = "/model_weights/" + layer;
                    w.group(group);
                    List<String> names = new ArrayList<>();
                    for (Map.Entry<String, INDArray> e : weights.get(layer).entrySet()) {
                        String name = nestedModel == null ? layer + "/" + e.getKey() + ":0" : nestedModel + "/" + layer + "/" + e.getKey();
                        names.add(name);
                        String path = group + "/" + name;
                        w.group(path.substring(0, path.lastIndexOf('/')));
                        w.dataset(path, e.getValue());
                    }
                    w.stringsAttribute(group, "weight_names", names);
                }
            }
        });
    }

    /** A weights-only file as {@code model.save_weights("w.h5")} writes it (Keras 2): root {@code layer_names}, no config. */
    public static void writeWeightsH5(Path file, String kerasVersion, Map<String, Map<String, INDArray>> weights) {
        AtomicFiles.write(file, tmp -> {
            try (H5Writer w = new H5Writer(tmp)) {
                writeWeightsOnly(w, weights, kerasVersion, "tensorflow", false);
            }
        });
    }

    /**
     * The save_weights layout: root {@code layer_names}; per layer {@code weight_names} and {@code <layer>/<layer>/<name>:0}.
     * With {@code forDl4j}, a plain weight name is written {@code <layer>_<name>:0}: DL4J M2.1 derives the parameter
     * name by deleting the first occurrence of the layer name from the dataset name, so an Embedding named {@code emb}
     * turned {@code embeddings} into {@code eddings} and the import failed (DL4J patches only {@code embedding} ->
     * {@code s}); with the layer name in front, that deletion removes exactly the prefix.
     */
    static void writeWeightsOnly(H5Writer w, Map<String, Map<String, INDArray>> weights, String kerasVersion, String backend,
                                 boolean forDl4j) {
        List<String> layers = new ArrayList<>(weights.keySet());
        w.stringsAttribute("/", "layer_names", layers);
        w.stringAttribute("/", "keras_version", kerasVersion);
        w.stringAttribute("/", "backend", backend);
        for (String layer : layers) {
            w.group("/" + layer);
            List<String> names = new ArrayList<>();
            for (Map.Entry<String, INDArray> e : weights.get(layer).entrySet()) {
                String key = forDl4j && !e.getKey().contains("/") ? layer + "_" + e.getKey() : e.getKey();
                String name = layer + "/" + key + ":0";
                names.add(name);
                String path = "/" + layer + "/" + name;
                w.group(path.substring(0, path.lastIndexOf('/')));
                w.dataset(path, e.getValue());
            }
            w.stringsAttribute("/" + layer, "weight_names", names);
        }
    }

    /**
     * Writes a {@code .keras} zip. {@code layerClasses} gives each weighted layer's class name in model order
     * (Keras numbers the groups per class); layers listed there without weights get empty groups as in Keras.
     */
    public static void writeKerasArchive(Path file, String modelConfig, String kerasVersion, Map<String, String> layerClasses,
                                         Map<String, Map<String, INDArray>> weights) {
        AtomicFiles.write(file, tmp -> {
            Path h5 = Files.createTempFile("easel-keras-archive", ".h5");
            try {
                try (H5Writer w = new H5Writer(h5)) {
                    w.group("/layers");
                    Map<String, Integer> counters = new HashMap<>();
                    for (Map.Entry<String, String> l : layerClasses.entrySet()) {
                        String snake = KerasArchive.snakeCase(l.getValue());
                        int n = counters.merge(snake, 1, Integer::sum) - 1;
                        String layerGroup = "/layers/" + (n == 0 ? snake : snake + "_" + n);
                        w.group(layerGroup);
                        w.group(layerGroup + "/vars");
                        Map<String, Integer> index = new HashMap<>();
                        for (Map.Entry<String, INDArray> e : weights.getOrDefault(l.getKey(), new LinkedHashMap<>()).entrySet()) {
                            // "query/kernel": a sub-layer's variable (MultiHeadAttention keeps query_dense/vars/0, ...)
                            int slash = e.getKey().indexOf('/');
                            String group = slash < 0 ? layerGroup + "/vars"
                                    : layerGroup + "/" + SUB_LAYERS.getOrDefault(e.getKey().substring(0, slash), e.getKey().substring(0, slash)) + "/vars";
                            w.group(group);
                            int i = index.merge(group, 1, Integer::sum) - 1;
                            w.dataset(group + "/" + i, e.getValue());
                        }
                    }
                    w.group("/vars");
                }
                try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
                    zip.putNextEntry(new ZipEntry("metadata.json"));
                    zip.write(("{\"keras_version\": \"" + kerasVersion + "\", \"date_saved\": \"2025-01-01@00:00:00\"}")
                            .getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("config.json"));
                    zip.write(modelConfig.getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry("model.weights.h5"));
                    Files.copy(h5, zip);
                    zip.closeEntry();
                }
            } catch (IOException e) {
                throw new EaselException("Cannot write " + file + ": " + e.getMessage(), e);
            } finally {
                try {
                    Files.deleteIfExists(h5);
                } catch (IOException ignored) {
                    // temporary file
                }
            }
        });
    }
}
