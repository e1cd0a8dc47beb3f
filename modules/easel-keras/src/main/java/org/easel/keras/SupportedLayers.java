package org.easel.keras;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.modelimport.keras.config.Keras1LayerConfiguration;
import org.deeplearning4j.nn.modelimport.keras.config.Keras2LayerConfiguration;
import org.deeplearning4j.nn.modelimport.keras.config.KerasLayerConfiguration;

/**
 * The Keras layer class names DL4J 1.0.0-M2.1 can import, per Keras major version.
 *
 * <p>The getter list below is the set of {@code getLAYER_CLASS_NAME_*} calls made by
 * {@code KerasLayerUtils.getKerasLayerFromConfig} in deeplearning4j-modelimport 1.0.0-M2.1 (read from
 * its bytecode with {@code javap -c}); a name that is declared in the configuration class but never
 * dispatched there (e.g. LocallyConnected2D) is not importable and is left out. TensorFlowOpLayer is
 * dispatched too, but needs the TensorFlow graph importer, which Easel does not ship: it is left out. The strings themselves
 * are read from DL4J's configuration objects so Keras 1 and Keras 2 spellings stay exact.
 */
public final class SupportedLayers {
    private static final List<String> DISPATCHED = List.of(
            "ACTIVATION", "LEAKY_RELU", "MASKING", "THRESHOLDED_RELU", "PRELU", "DROPOUT",
            "SPATIAL_DROPOUT_1D", "SPATIAL_DROPOUT_2D", "SPATIAL_DROPOUT_3D", "ALPHA_DROPOUT", "GAUSSIAN_DROPOUT",
            "GAUSSIAN_NOISE", "DENSE", "TIME_DISTRIBUTED_DENSE", "BIDIRECTIONAL", "LSTM", "SIMPLE_RNN",
            "CONVOLUTION_3D", "CONVOLUTION_2D", "DECONVOLUTION_2D", "DECONVOLUTION_3D", "CONVOLUTION_1D",
            "ATROUS_CONVOLUTION_2D", "ATROUS_CONVOLUTION_1D", "DEPTHWISE_CONVOLUTION_2D", "SEPARABLE_CONVOLUTION_2D",
            "MAX_POOLING_3D", "AVERAGE_POOLING_3D", "MAX_POOLING_2D", "AVERAGE_POOLING_2D", "MAX_POOLING_1D",
            "AVERAGE_POOLING_1D", "GLOBAL_AVERAGE_POOLING_1D", "GLOBAL_AVERAGE_POOLING_2D", "GLOBAL_AVERAGE_POOLING_3D",
            "GLOBAL_MAX_POOLING_1D", "GLOBAL_MAX_POOLING_2D", "GLOBAL_MAX_POOLING_3D", "BATCHNORMALIZATION",
            "EMBEDDING", "INPUT", "REPEAT", "PERMUTE", "MERGE", "ADD", "SUBTRACT", "FUNCTIONAL_SUBTRACT",
            "AVERAGE", "FUNCTIONAL_AVERAGE", "MULTIPLY", "FUNCTIONAL_MULTIPLY", "MAXIMUM", "FUNCTIONAL_MAXIMUM",
            "CONCATENATE", "FUNCTIONAL_CONCATENATE", "FLATTEN", "RESHAPE", "ZERO_PADDING_1D", "ZERO_PADDING_2D",
            "ZERO_PADDING_3D", "UPSAMPLING_1D", "UPSAMPLING_2D", "UPSAMPLING_3D", "CROPPING_3D", "CROPPING_2D",
            "CROPPING_1D", "RELU", "ELU", "SOFTMAX", "LOCALLY_CONNECTED_1D", "TIME_DISTRIBUTED");

    /** Why a common layer is missing, and what to do instead. */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("GRU", "DL4J 1.0.0-M2.1 has no GRU import; retrain with LSTM or register a custom layer"),
            Map.entry("Lambda", "Lambda layers hold Python code; register a custom layer mapping for it"),
            Map.entry("TFOpLambda", "a raw TensorFlow op inside the model (Easel imports only x + y, x - y and x * y of two"
                    + " tensors); replace it by a Keras layer (Add, Multiply, ...) before saving"),
            Map.entry("TensorFlowOpLayer", "a raw TensorFlow op inside the model; replace it by a Keras layer before saving"),
            Map.entry("GroupQueryAttention", "not imported; Easel imports MultiHeadAttention, Attention and AdditiveAttention"),
            Map.entry("Rescaling", "preprocessing layer: remove it and scale inputs before calling the model"),
            Map.entry("Normalization", "preprocessing layer: remove it and normalise inputs before calling the model"),
            Map.entry("Resizing", "preprocessing layer: remove it and resize inputs before calling the model"),
            Map.entry("RandomFlip", "augmentation layer, inactive at inference: remove it before saving"),
            Map.entry("RandomRotation", "augmentation layer, inactive at inference: remove it before saving"),
            Map.entry("RandomZoom", "augmentation layer, inactive at inference: remove it before saving"),
            Map.entry("LocallyConnected2D", "DL4J 1.0.0-M2.1 declares but never dispatches LocallyConnected2D"),
            Map.entry("Sequential", "a nested model: DL4J imports only flat models; rebuild it with the inner layers inline"),
            Map.entry("Model", "a nested model: DL4J imports only flat models; rebuild it with the inner layers inline"),
            Map.entry("Functional", "a nested model: DL4J imports only flat models; rebuild it with the inner layers inline"));

    private static final Set<String> KERAS1 = collect(new Keras1LayerConfiguration());
    private static final Set<String> KERAS2 = collect(new Keras2LayerConfiguration());

    private SupportedLayers() {
    }

    /** Class names importable for this Keras major version (1 or 2; Keras 3 configs are translated to 2). */
    public static Set<String> forVersion(int kerasMajor) {
        return kerasMajor == 1 ? KERAS1 : KERAS2;
    }

    public static String hint(String className) {
        return HINTS.getOrDefault(className, "not supported by DL4J 1.0.0-M2.1's Keras import; register a mapping with "
                + "KerasImporter.builder().customLayer(\"" + className + "\", YourKerasLayer.class) or replace the layer in Keras");
    }

    private static Set<String> collect(KerasLayerConfiguration conf) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : DISPATCHED) {
            try {
                Method m = KerasLayerConfiguration.class.getMethod("getLAYER_CLASS_NAME_" + key);
                Object v = m.invoke(conf);
                if (v instanceof String s && !s.isEmpty()) {
                    out.put(s, key);
                }
            } catch (ReflectiveOperationException e) {
                // A getter missing from this DL4J build: that class name is simply not importable.
            }
        }
        return Set.copyOf(new TreeSet<>(out.keySet()));
    }
}
