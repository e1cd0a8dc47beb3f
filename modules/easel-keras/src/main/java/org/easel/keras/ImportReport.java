package org.easel.keras;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.easel.core.io.Json;

/**
 * What an import did, for people and for the run folder: where the model came from, which Keras wrote
 * it, every layer and what DL4J made of it, warnings, and (when a reference file was given) the largest
 * absolute difference between DL4J's and Keras' predictions. Serialises to JSON with {@link #toJson()}.
 *
 * @param maxAbsDiff null unless compared with a reference inputs_and_outputs file
 * @param outputShapes every layer's output shape (batch as -1) from the forward pass that ends the import
 * @param inputScaling how raw pixels become model inputs, when stated (null: pixels / 255)
 */
public record ImportReport(String modelFile, String weightsFile, String architectureFile, String kerasVersion,
                           String backend, String modelClass, String networkType, List<List<Long>> inputShapes,
                           List<Layer> layers, long totalParams, List<String> warnings, String referenceFile,
                           Double maxAbsDiff, Map<String, List<Long>> outputShapes, InputScaling inputScaling) {

    /**
     * One Keras layer: its name and class, what it became in DL4J (a layer class, a graph vertex, an
     * input preprocessor, or "(input)"), and how many parameters it holds after import.
     */
    public record Layer(String name, String kerasClass, String mappedTo, long params) {
    }

    public ImportReport {
        inputShapes = List.copyOf(inputShapes);
        layers = List.copyOf(layers);
        warnings = List.copyOf(warnings);
        outputShapes = outputShapes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputShapes));
    }

    /** The report as before output shapes and input scaling were recorded. */
    public ImportReport(String modelFile, String weightsFile, String architectureFile, String kerasVersion, String backend,
                        String modelClass, String networkType, List<List<Long>> inputShapes, List<Layer> layers,
                        long totalParams, List<String> warnings, String referenceFile, Double maxAbsDiff) {
        this(modelFile, weightsFile, architectureFile, kerasVersion, backend, modelClass, networkType, inputShapes, layers,
                totalParams, warnings, referenceFile, maxAbsDiff, Map.of(), null);
    }

    public ImportReport withInputScaling(InputScaling scaling) {
        return new ImportReport(modelFile, weightsFile, architectureFile, kerasVersion, backend, modelClass, networkType,
                inputShapes, layers, totalParams, warnings, referenceFile, maxAbsDiff, outputShapes, scaling);
    }

    public ImportReport withComparison(String reference, double diff, String warning) {
        List<String> w = new ArrayList<>(warnings);
        if (warning != null) {
            w.add(warning);
        }
        return new ImportReport(modelFile, weightsFile, architectureFile, kerasVersion, backend, modelClass, networkType,
                inputShapes, layers, totalParams, w, reference, diff, outputShapes, inputScaling);
    }

    public String toJson() {
        return Json.pretty(this);
    }
}
