package org.easel.keras;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Imports Keras HDF5 models into DL4J with checks DL4J does not make.
 *
 * <pre>{@code
 * ImportedModel m = KerasImporter.builder().build().importModel(Path.of("model.h5"));
 * ImportedModel m = KerasImporter.builder().architecture(json).build().importModel(weightsH5);
 * }</pre>
 *
 * <p>Order of work, so bad files fail early and clearly: (1) HDF5 superblock checked in Java
 * ({@link Hdf5Precheck}); (2) model_config read and parsed with size/depth limits; (3) Keras 3 configs
 * translated to the Keras 2 layout; (4) every layer class checked against what DL4J 1.0.0-M2.1 imports,
 * all unsupported layers listed in one error; (5) every weight dataset read and checked against the
 * config (shapes, sizes) by Easel's own reader; (6) only then DL4J builds the network. Any DL4J failure
 * is wrapped in an {@link EaselException} naming the file and, when it can be found, the layer.
 *
 * <p>Custom layers: DL4J keeps custom-layer mappings in a static map. The importer registers the
 * mappings given to its builder just for the duration of one import (under a global lock) and clears
 * them afterwards, so two importers with different mappings never see each other's. This also clears
 * mappings registered directly through {@code KerasLayer.registerCustomLayer}; register through the
 * builder instead.
 */
public final class KerasImporter {
    private static final Object DL4J_STATIC_STATE = new Object();

    private final Path weights;
    private final Path architecture;
    private final Path reference;
    private final Map<String, Class<? extends KerasLayer>> customLayers;
    private final Map<String, SameDiffLambdaLayer> lambdaLayers;
    private final Duration isolation;

    private KerasImporter(Builder b) {
        this.isolation = b.isolation;
        this.weights = b.weights;
        this.architecture = b.architecture;
        this.reference = b.reference;
        this.customLayers = Map.copyOf(b.customLayers);
        this.lambdaLayers = Map.copyOf(b.lambdaLayers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of one importer. */
    public static final class Builder {
        private Path weights;
        private Path architecture;
        private Path reference;
        private final Map<String, Class<? extends KerasLayer>> customLayers = new LinkedHashMap<>();
        private final Map<String, SameDiffLambdaLayer> lambdaLayers = new LinkedHashMap<>();
        private Duration isolation;

        /**
         * For files from untrusted sources: first read them in a child JVM, killed after {@code timeout}, so a
         * corrupt file that crashes or hangs the HDF5 C library cannot take this JVM down (see {@link IsolatedProbe}).
         * Costs one JVM start (a few seconds).
         */
        public Builder isolated(Duration timeout) {
            this.isolation = timeout;
            return this;
        }

        /** Take the weights from this .h5 (a save_weights file, or a full model file) instead of the model file. */
        public Builder weights(Path h5) {
            this.weights = h5;
            return this;
        }

        /** Take the architecture from this JSON file ({@code model.to_json()}); the .h5 then only supplies weights. */
        public Builder architecture(Path json) {
            this.architecture = json;
            return this;
        }

        /** Compare predictions with a reference {@code inputs_and_outputs} .h5 after import (see {@link ReferenceData}). */
        public Builder compareWith(Path referenceH5) {
            this.reference = referenceH5;
            return this;
        }

        /**
         * Map a Keras layer class name (config {@code class_name}) to a DL4J {@link KerasLayer} subclass. DL4J
         * instantiates it reflectively: it needs a public constructor taking only {@code Map<String,Object> layerConfig}.
         */
        public Builder customLayer(String kerasClassName, Class<? extends KerasLayer> mapping) {
            if (kerasClassName == null || kerasClassName.isBlank() || mapping == null) {
                throw new EaselException("customLayer needs a Keras class name and a KerasLayer class.");
            }
            customLayers.put(kerasClassName, mapping);
            return this;
        }

        /** Implement a Keras {@code Lambda} layer (by its layer name) with a SameDiff lambda. */
        public Builder lambdaLayer(String layerName, SameDiffLambdaLayer implementation) {
            lambdaLayers.put(layerName, implementation);
            return this;
        }

        public KerasImporter build() {
            return new KerasImporter(this);
        }
    }

    /** Imports using the files given to the builder only (architecture and weights). */
    public ImportedModel importModel() {
        if (architecture == null || weights == null) {
            throw new EaselException("importModel() without a file needs both .architecture(json) and .weights(h5).");
        }
        return importModel(weights);
    }

    /**
     * Imports {@code h5}: a full model file, or (with {@link Builder#architecture}) a weights file. A
     * {@code .json} path is taken as the architecture, with weights from {@link Builder#weights}.
     */
    public ImportedModel importModel(Path h5) {
        Path archFile = architecture;
        Path modelFile = h5;
        if (archFile == null && looksLikeJson(h5)) {
            archFile = h5;
            modelFile = null;
        }
        Path weightsFile = weights != null ? weights : modelFile;
        if (weightsFile == null) {
            throw new EaselException(h5 + " is an architecture JSON: pass the weights .h5 too (--weights / .weights(path)).");
        }
        List<String> warnings = new ArrayList<>();
        if (isolation != null) {
            if (!KerasArchive.isZip(weightsFile)) {
                Hdf5Precheck.check(weightsFile);
            }
            if (modelFile != null && !modelFile.equals(weightsFile) && !KerasArchive.isZip(modelFile)) {
                Hdf5Precheck.check(modelFile);
            }
            IsolatedProbe.run(archFile == null ? modelFile : null, weightsFile, isolation);
        }

        // (1)+(2) configuration: from the JSON file, the .keras archive or the model file's root attributes.
        String kerasVersion;
        String backend;
        String configJson;
        String trainingJson = null;
        String configSource;
        KerasArchive.Contents archive = null;
        if (archFile == null && KerasArchive.isKerasArchive(modelFile)) {
            archive = KerasArchive.read(modelFile);
            configSource = "config.json of " + modelFile;
            configJson = archive.configJson();
            kerasVersion = archive.kerasVersion();
            backend = null;
        } else if (archFile != null) {
            configSource = archFile.toString();
            configJson = readJsonFile(archFile);
            JsonNode raw = KerasJson.parse(configJson, "architecture " + archFile);
            kerasVersion = raw.path("keras_version").asText(null);
            backend = raw.path("backend").asText(null);
        } else {
            configSource = "model_config of " + modelFile;
            try (H5Reader r = new H5Reader(modelFile)) {
                configJson = r.stringAttribute("/", "model_config");
                if (configJson == null) {
                    if (r.hasAttribute("/", "layer_names")) {
                        throw new EaselException(modelFile + " holds only weights (it has 'layer_names' but no 'model_config'):"
                                + " it was written by save_weights(). Pass the architecture JSON (model.to_json()) too:"
                                + " easel import " + modelFile + " --architecture ARCH.json, or"
                                + " KerasImporter.builder().architecture(path).");
                    }
                    throw new EaselException(modelFile + " is an HDF5 file but not a Keras model: it has no 'model_config' or"
                            + " 'layer_names' root attribute (top-level entries: " + r.children("/") + ").");
                }
                trainingJson = r.stringAttribute("/", "training_config");
                kerasVersion = r.stringAttribute("/", "keras_version");
                backend = r.stringAttribute("/", "backend");
            }
        }
        JsonNode root = KerasJson.parse(configJson, configSource);
        if (kerasVersion == null) {
            kerasVersion = root.path("keras_version").asText(null);
        }
        if (kerasVersion == null && archive != null) {
            kerasVersion = "3 (not recorded)";
        }
        if (backend == null) {
            backend = root.path("backend").asText(null);
        }
        if (kerasVersion == null) {
            kerasVersion = guessKeras1(root) ? "1 (not recorded)" : "2 (not recorded)";
            warnings.add("the file records no keras_version; assumed Keras " + kerasVersion.charAt(0) + " from the config keys");
        }
        if (backend == null) {
            backend = "tensorflow";
            if (archive == null) {
                warnings.add("the file records no backend; assumed tensorflow (channels_last)");
            }
        }

        // (3) Keras 3 -> Keras 2 layout.
        ObjectNode config = root.deepCopy();
        int major = Character.isDigit(kerasVersion.charAt(0)) ? kerasVersion.charAt(0) - '0' : 2;
        int fileMajor = major;
        if (Keras3Translator.isKeras3(root, kerasVersion)) {
            config = Keras3Translator.translate(root, warnings);
            warnings.add("Keras " + kerasVersion + " config translated to the Keras 2 layout (module/registered_name dropped,"
                    + " batch_shape -> batch_input_shape, DTypePolicy -> dtype name, inbound_nodes rewritten)");
            major = 2;
            fileMajor = 3;
            trainingJson = null; // Keras 3 training configs use objects DL4J does not read; inference does not need them.
        }

        // How layers are called: attention roles (query/value/key), tf.keras binary TFOpLambda ops as merges.
        EaselLayers.normaliseCalls(config, warnings);

        // (4) every unsupported layer (and unsupported option of Easel's own layers) at once.
        ModelSpec spec = ModelSpec.parse(config, configSource);
        Set<String> custom = new HashSet<>(customLayers.keySet());
        custom.addAll(EaselLayers.CLASS_NAMES);
        if (!lambdaLayers.isEmpty()) {
            custom.add("Lambda");
        }
        List<ModelSpec.Unsupported> unsupported = new ArrayList<>(spec.unsupported(SupportedLayers.forVersion(major), custom));
        unsupported.addAll(EaselLayers.unsupportedOptions(spec));
        if (!unsupported.isEmpty()) {
            throw new EaselException(describe(modelFile, archFile) + " uses " + unsupported.size() + " layer(s) that Easel (DL4J 1.0.0-M2.1)"
                    + " cannot import:\n  " + unsupported.stream().map(Object::toString).collect(Collectors.joining("\n  ")));
        }

        // (5) weights: read every dataset with Easel's reader and check shapes against the config.
        Map<String, Map<String, INDArray>> fileWeights;
        if (archive != null) {
            fileWeights = archive.weights();
            WeightCheck.check(spec, fileWeights, modelFile);
        } else {
            try (H5Reader r = new H5Reader(weightsFile)) {
                fileWeights = KerasWeights.readForImport(r);
                WeightCheck.check(spec, fileWeights, weightsFile);
            }
        }
        String files = archFile != null ? archFile + " + " + weightsFile : String.valueOf(modelFile);

        // DL4J-specific rewrites that do not change the imported numbers.
        InitializerRewrite.apply(config, warnings);
        EaselLayers.rewrite(config, major, warnings, fileWeights);
        config.put("keras_version", major == 2 && !kerasVersion.startsWith("2") ? "2.2.4" : kerasVersion);
        config.put("backend", backend);
        String training = usableTrainingConfig(trainingJson, warnings);

        // (6) DL4J, reading the weights from one normalised Keras 2 weights file whatever the source layout.
        Model network;
        KerasModel kerasModel;
        // Easel's own layers (attention, LayerNormalization) get their weights from Easel after the build.
        Map<String, Map<String, INDArray>> forDl4j = new LinkedHashMap<>(fileWeights);
        spec.layers().stream().filter(EaselLayers::ownsWeights).forEach(l -> forDl4j.remove(l.name()));
        Path normalised = NormalizedWeights.write(forDl4j, major == 1 ? "1.2.2" : "2.2.4", backend);
        synchronized (DL4J_STATIC_STATE) {
            customLayers.forEach(KerasLayer::registerCustomLayer);
            EaselLayers.register();
            lambdaLayers.forEach(KerasLayer::registerLambdaLayer);
            try (KerasModelBuilder b = new KerasModelBuilder(new KerasModelConfiguration())) {
                b.modelJson(KerasJson.write(config)).enforceTrainingConfig(false);
                if (training != null) {
                    b.trainingJson(training);
                }
                b.weightsHdf5FilenameNoRoot(normalised.toString());
                if (spec.modelClass().equals("Sequential")) {
                    KerasSequentialModel seq = b.buildSequential();
                    kerasModel = seq;
                    network = seq.getMultiLayerNetwork();
                } else {
                    kerasModel = b.buildModel();
                    network = kerasModel.getComputationGraph();
                }
            } catch (EaselException e) {
                throw e;
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                throw wrap(e, modelFile, archFile, weightsFile, spec);
            } finally {
                KerasLayer.clearCustomLayers();
                KerasLayer.clearLambdaLayers();
                deleteQuietly(normalised);
            }
        }

        // (7) every parameter value against the file, then one forward pass.
        EaselLayers.copyWeights(network, spec, fileWeights);
        List<ImportReport.Layer> layerReport = layers(kerasModel, network, spec);
        WeightCheck.checkImported(spec, fileWeights, layerReport, files);
        List<String> repaired = WeightValues.repair(network, spec, fileWeights);
        if (!repaired.isEmpty()) {
            warnings.add("weights Easel copied itself because DL4J 1.0.0-M2.1 imports them wrongly: " + String.join("; ", repaired));
        }
        WeightValues.check(network, spec, fileWeights, major, files);
        List<List<Long>> inputShapes = spec.inputShapes();
        Map<String, List<Long>> outputShapes = ForwardCheck.run(network, ForwardCheck.inputs(inputShapes, embeddingInputs(spec)), files);
        ImportReport report = new ImportReport(str(archFile == null ? modelFile : null), str(weightsFile), str(archFile), kerasVersion, backend,
                spec.modelClass(), network.getClass().getSimpleName(), inputShapes, layerReport,
                totalParams(network), warnings, null, null, outputShapes(layerReport, outputShapes), null);
        ImportedModel imported = new ImportedModel(network, report);
        if (reference != null) {
            imported = ReferenceData.compare(imported, reference);
        }
        return imported;
    }

    /** For each model input: the vocabulary size when it feeds an Embedding directly (its values are indices), else 0. */
    private static List<Long> embeddingInputs(ModelSpec spec) {
        List<Long> out = new ArrayList<>();
        if (spec.modelClass().equals("Sequential")) {
            ModelSpec.LayerSpec first = spec.layers().get(0).className().equals("InputLayer") && spec.layers().size() > 1
                    ? spec.layers().get(1) : spec.layers().get(0);
            out.add(first.className().equals("Embedding") ? first.config().path("input_dim").asLong(0) : 0L);
            return out;
        }
        for (ModelSpec.LayerSpec in : spec.layers()) {
            if (!in.className().equals("InputLayer")) {
                continue;
            }
            long vocab = 0;
            for (ModelSpec.LayerSpec l : spec.layers()) {
                if (l.className().equals("Embedding") && l.inbound().contains(in.name())) {
                    vocab = l.config().path("input_dim").asLong(0);
                }
            }
            out.add(vocab);
        }
        return out;
    }

    /** Output shapes per Keras layer name; a layer DL4J turned into a preprocessor gets the shape it produces. */
    private static Map<String, List<Long>> outputShapes(List<ImportReport.Layer> layers, Map<String, List<Long>> acts) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        int dl4jIndex = 0;
        for (ImportReport.Layer l : layers) {
            if (acts.containsKey(l.name())) {
                List<Long> pre = acts.get("#pre" + dl4jIndex);
                for (String p : pending) {
                    if (pre != null) {
                        out.put(p, pre);
                    }
                }
                pending.clear();
                out.put(l.name(), acts.get(l.name()));
                dl4jIndex++;
            } else if (l.mappedTo().equals("InputPreProcessor")) {
                pending.add(l.name());
            }
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless
        }
    }

    private static List<ImportReport.Layer> layers(KerasModel km, Model network, ModelSpec spec) {
        // Keras class names as written in the file (Easel's mappings are registered under renamed classes).
        Map<String, String> kerasClass = new HashMap<>();
        spec.layers().forEach(l -> kerasClass.put(l.name(), l.className()));
        List<ImportReport.Layer> out = new ArrayList<>();
        for (KerasLayer l : km.getLayersOrdered()) {
            String mapped;
            if (l.getLayer() != null) {
                mapped = l.getLayer().getClass().getSimpleName();
            } else if (l.getVertex() != null) {
                mapped = l.getVertex().getClass().getSimpleName();
            } else if (l.isInputPreProcessor()) {
                mapped = "InputPreProcessor";
            } else if (l.getClassName().equals("InputLayer")) {
                mapped = "(input)";
            } else {
                mapped = "(none)";
            }
            out.add(new ImportReport.Layer(l.getLayerName(), kerasClass.getOrDefault(l.getLayerName(), l.getClassName()), mapped,
                    params(network, l.getLayerName())));
        }
        return out;
    }

    /** All parameters, including those of graph vertices (ComputationGraph.numParams counts layers only). */
    static long totalParams(Model network) {
        INDArray p = network.params();
        return p == null ? 0 : p.length();
    }

    private static long params(Model network, String name) {
        try {
            if (network instanceof MultiLayerNetwork m) {
                return m.getLayer(name) == null ? 0 : m.getLayer(name).numParams();
            }
            ComputationGraph g = (ComputationGraph) network;
            if (g.getLayer(name) != null) {
                return g.getLayer(name).numParams();
            }
            Map<String, INDArray> vertex = WeightValues.paramTable(network, name); // Easel's SameDiff vertices
            return vertex == null ? 0 : vertex.values().stream().mapToLong(INDArray::length).sum();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String usableTrainingConfig(String json, List<String> warnings) {
        if (json == null) {
            return null;
        }
        JsonNode t;
        try {
            t = KerasJson.parse(json, "training_config");
        } catch (EaselException e) {
            warnings.add("training_config ignored: " + e.getMessage());
            return null;
        }
        JsonNode loss = t.path("loss");
        if (loss.isTextual() || (loss.isObject() && allText(loss)) || (loss.isArray() && allText(loss))) {
            return json;
        }
        warnings.add("training_config ignored: its loss is a serialised object (" + loss.path("class_name").asText("?")
                + "), which DL4J 1.0.0-M2.1 cannot read; inference is unaffected, the last layer has no loss function");
        return null;
    }

    private static boolean allText(JsonNode n) {
        for (JsonNode c : n) {
            if (!c.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static boolean guessKeras1(JsonNode root) {
        String s = root.toString();
        return s.contains("\"output_dim\"") || s.contains("\"nb_filter\"") || s.contains("\"border_mode\"");
    }

    private static boolean looksLikeJson(Path p) {
        if (p.getFileName().toString().toLowerCase().endsWith(".json")) {
            return true;
        }
        try (var in = Files.newInputStream(p)) {
            int c;
            do {
                c = in.read();
            } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
            return c == '{';
        } catch (IOException e) {
            return false;
        }
    }

    private static String readJsonFile(Path p) {
        try {
            if (!Files.isRegularFile(p)) {
                throw new EaselException("Architecture file not found: " + p.toAbsolutePath());
            }
            if (Files.size(p) > KerasJson.MAX_DOCUMENT) {
                throw new EaselException(p + " is " + Files.size(p) + " bytes, more than the " + (KerasJson.MAX_DOCUMENT >> 20)
                        + " MiB limit for a Keras architecture JSON.");
            }
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EaselException("Cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static String describe(Path model, Path arch) {
        return model != null ? model.toString() : arch.toString();
    }

    private static String str(Path p) {
        return p == null ? null : p.toString();
    }

    /** Wraps a DL4J failure, naming the file and the layer the message mentions (longest name wins). */
    static EaselException wrap(Throwable e, Path model, Path arch, Path weights, ModelSpec spec) {
        String msg = String.valueOf(e.getMessage());
        String layer = spec.layers().stream().map(ModelSpec.LayerSpec::name)
                .filter(n -> msg.contains(n)).max(Comparator.comparingInt(String::length)).orElse(null);
        String where = layer == null ? "" : " at layer '" + layer + "' ("
                + spec.layers().stream().filter(l -> l.name().equals(layer)).findFirst().map(ModelSpec.LayerSpec::className).orElse("?") + ")";
        String files = arch != null ? arch + " + " + weights : model.toString();
        if (e instanceof OutOfMemoryError) {
            return new EaselException("Importing " + files + " ran out of memory" + where
                    + ": the model is too large for this JVM (raise -Xmx) or its config declares absurd sizes.");
        }
        if (e instanceof StackOverflowError) {
            return new EaselException("Importing " + files + " failed" + where + ": the model graph is too deep or cyclic (corrupt config).");
        }
        return new EaselException("DL4J could not import " + files + where + ": " + e.getClass().getSimpleName() + ": " + msg, e);
    }
}
