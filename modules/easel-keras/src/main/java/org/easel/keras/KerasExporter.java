package org.easel.keras;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationELU;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSELU;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftPlus;
import org.nd4j.linalg.activations.impl.ActivationSoftSign;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes a DL4J {@link MultiLayerNetwork} of dense layers as a Keras 2 Sequential model file, laid out
 * as Keras 2.2.4 {@code model.save()} does, so Keras ({@code load_model}) and R keras
 * ({@code load_model_hdf5}) can load it:
 * <ul>
 *   <li>root attributes {@code keras_version}, {@code backend}, {@code model_config} (JSON);</li>
 *   <li>group {@code model_weights} with attributes {@code layer_names}, {@code backend}, {@code keras_version};</li>
 *   <li>per layer a group with attribute {@code weight_names} and datasets
 *       {@code model_weights/<layer>/<layer>/kernel:0} [in, out] and {@code bias:0} [out].</li>
 * </ul>
 * No {@code training_config} is written: Keras then loads the model uncompiled (it warns and the user
 * compiles it), which avoids claiming an optimizer state we do not export.
 *
 * <p>Supported: DenseLayer/OutputLayer (relu, softmax, sigmoid, tanh, identity, elu, selu, softplus,
 * softsign), DropoutLayer, and for images ConvolutionLayer (NCHW, no dilation, valid/same), max/average
 * SubsamplingLayer and the CnnToFeedForward flatten. DL4J is channels-first, the exported Keras model is
 * channels_last (as Keras users feed images): kernels are transposed to [kh, kw, in, out] and the rows
 * of the first dense layer after the flatten are reordered from (c, h, w) to (h, w, c). Layer-level
 * dropout of a dense layer is training-only and not exported.
 */
public final class KerasExporter {
    static final String KERAS_VERSION = "2.2.4";
    static final String BACKEND = "tensorflow";

    private KerasExporter() {
    }

    /** Exports {@code net} with the input width taken from its first dense layer ({@code nIn}). */
    public static void export(MultiLayerNetwork net, Path out) {
        org.deeplearning4j.nn.conf.layers.Layer first = net.getnLayers() == 0 ? null : net.getLayer(0).conf().getLayer();
        if (!(first instanceof org.deeplearning4j.nn.conf.layers.FeedForwardLayer ff) || ff.getNIn() <= 0) {
            throw new EaselException("Keras export needs a network whose first layer is a dense layer with a known input size; got "
                    + (first == null ? "an empty network" : first.getClass().getSimpleName()) + ".");
        }
        export(net, new long[] {ff.getNIn()}, out);
    }

    /**
     * Exports {@code net} to {@code out} atomically. {@code inputShape} is DL4J's: {@code [n]} for a dense
     * network, {@code [channels, height, width]} for a convolutional one (DL4J NCHW). The Keras model is
     * channels_last: it takes images as [batch, height, width, channels], as Keras users feed them.
     */
    public static void export(MultiLayerNetwork net, long[] inputShape, Path out) {
        if (inputShape == null || (inputShape.length != 1 && inputShape.length != 3)
                || java.util.Arrays.stream(inputShape).anyMatch(d -> d <= 0)) {
            throw new EaselException("Keras export needs the input shape [n] (dense) or [channels, height, width] (convolutional), got "
                    + (inputShape == null ? "null" : java.util.Arrays.toString(inputShape)) + ".");
        }
        Map<Integer, InputPreProcessor> pre = net.getLayerWiseConfigurations().getInputPreProcessors();
        if (pre != null) {
            for (Map.Entry<Integer, InputPreProcessor> e : pre.entrySet()) {
                if (!(e.getValue() instanceof CnnToFeedForwardPreProcessor)) {
                    throw new EaselException("Keras export cannot translate the input preprocessor " + e.getValue().getClass().getSimpleName()
                            + " before layer " + e.getKey() + "; only the flatten between convolutional and dense layers is supported.");
                }
            }
        }
        List<Exported> layers = describe(net, inputShape, pre == null ? Map.of() : pre);
        List<Long> kerasInput = inputShape.length == 1 ? List.of(inputShape[0]) : List.of(inputShape[1], inputShape[2], inputShape[0]);
        ObjectNode config = modelConfig(layers, kerasInput);
        AtomicFiles.write(out, tmp -> {
            try (H5Writer w = new H5Writer(tmp)) {
                w.stringAttribute("/", "keras_version", KERAS_VERSION);
                w.stringAttribute("/", "backend", BACKEND);
                w.stringAttribute("/", "model_config", KerasJson.write(config));
                w.group("/model_weights");
                w.stringsAttribute("/model_weights", "layer_names", layers.stream().map(Exported::name).toList());
                w.stringAttribute("/model_weights", "backend", BACKEND);
                w.stringAttribute("/model_weights", "keras_version", KERAS_VERSION);
                for (Exported l : layers) {
                    String g = "/model_weights/" + l.name();
                    w.group(g);
                    List<String> names = new ArrayList<>();
                    for (Map.Entry<String, INDArray> e : l.weights().entrySet()) {
                        names.add(l.name() + "/" + e.getKey() + ":0");
                    }
                    w.stringsAttribute(g, "weight_names", names);
                    if (!l.weights().isEmpty()) {
                        w.group(g + "/" + l.name());
                        for (Map.Entry<String, INDArray> e : l.weights().entrySet()) {
                            w.dataset(g + "/" + l.name() + "/" + e.getKey() + ":0", e.getValue());
                        }
                    }
                }
            }
        });
    }

    /** One Keras layer to write. */
    record Exported(String name, String kerasClass, ObjectNode config, Map<String, INDArray> weights) {
    }

    private static List<Exported> describe(MultiLayerNetwork net, long[] inputShape, Map<Integer, InputPreProcessor> pre) {
        List<Exported> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Map<String, Integer> counters = new LinkedHashMap<>();
        long flat = inputShape.length == 1 ? inputShape[0] : -1;
        long[] chw = inputShape.length == 3 ? inputShape.clone() : null;
        for (int i = 0; i < net.getnLayers(); i++) {
            Layer layer = net.getLayer(i);
            org.deeplearning4j.nn.conf.layers.Layer conf = layer.conf().getLayer();
            String given = conf.getLayerName();
            if (pre.containsKey(i)) {
                if (chw == null) {
                    throw new EaselException("Layer " + i + " (" + given + ") flattens an image, but the input before it is already flat.");
                }
                String name = uniqueName(null, "flatten", used, counters);
                ObjectNode c = base(name);
                c.put("data_format", "channels_last");
                out.add(new Exported(name, "Flatten", c, Map.of()));
                flat = chw[0] * chw[1] * chw[2];
            }
            if (conf instanceof DenseLayer || conf instanceof OutputLayer) {
                BaseLayer baseConf = (BaseLayer) conf;
                INDArray w = layer.getParam("W");
                INDArray b = layer.getParam("b");
                if (chw != null && !pre.containsKey(i)) {
                    throw new EaselException("Layer " + i + " (" + given + ") is dense but receives an image without a flatten preprocessor.");
                }
                if (w == null || w.rank() != 2 || w.size(0) != flat) {
                    throw new EaselException("Layer " + i + " (" + given + ") expects " + (w == null ? "?" : w.size(0))
                            + " inputs but the previous layer gives " + flat + "; the input shape or the network is inconsistent.");
                }
                INDArray kernel = w;
                if (chw != null) {
                    // DL4J flattens NCHW activations as (c, h, w); Keras flattens NHWC as (h, w, c): reorder the rows.
                    kernel = w.dup('c').reshape('c', chw[0], chw[1], chw[2], w.size(1)).permute(1, 2, 0, 3).dup('c')
                            .reshape('c', flat, w.size(1));
                    chw = null;
                }
                String name = uniqueName(given, "dense", used, counters);
                ObjectNode c = base(name);
                c.put("units", w.size(1));
                c.put("activation", activation(baseConf.getActivationFn(), i, given));
                c.put("use_bias", b != null);
                initializersAndRegularizers(c);
                Map<String, INDArray> weights = new LinkedHashMap<>();
                weights.put("kernel", kernel);
                if (b != null) {
                    weights.put("bias", b.reshape(b.length()));
                }
                out.add(new Exported(name, "Dense", c, weights));
                flat = w.size(1);
            } else if (conf.getClass() == ConvolutionLayer.class) {
                ConvolutionLayer cl = (ConvolutionLayer) conf;
                if (chw == null) {
                    throw new EaselException("Layer " + i + " (" + given + ") is convolutional: export needs the input shape [channels, height, width].");
                }
                String padding = padding(cl.getConvolutionMode(), cl.getPadding(), i, given);
                if (cl.getCnn2dDataFormat() != CNN2DFormat.NCHW || cl.getDilation()[0] != 1 || cl.getDilation()[1] != 1) {
                    throw new EaselException("Layer " + i + " (" + given + "): only NCHW convolutions without dilation can be exported.");
                }
                INDArray w = layer.getParam("W"); // [out, in, kh, kw]
                INDArray b = cl.hasBias() ? layer.getParam("b") : null;
                if (w.size(1) != chw[0]) {
                    throw new EaselException("Layer " + i + " (" + given + ") expects " + w.size(1) + " channels but receives " + chw[0] + ".");
                }
                String name = uniqueName(given, "conv2d", used, counters);
                ObjectNode c = base(name);
                c.put("filters", w.size(0));
                c.putArray("kernel_size").add(cl.getKernelSize()[0]).add(cl.getKernelSize()[1]);
                c.putArray("strides").add(cl.getStride()[0]).add(cl.getStride()[1]);
                c.put("padding", padding);
                c.put("data_format", "channels_last");
                c.putArray("dilation_rate").add(1).add(1);
                c.put("activation", activation(cl.getActivationFn(), i, given));
                c.put("use_bias", b != null);
                initializersAndRegularizers(c);
                Map<String, INDArray> weights = new LinkedHashMap<>();
                weights.put("kernel", w.permute(2, 3, 1, 0).dup('c')); // Keras: [kh, kw, in, out]
                if (b != null) {
                    weights.put("bias", b.reshape(b.length()));
                }
                out.add(new Exported(name, "Conv2D", c, weights));
                chw = new long[] {w.size(0), outSize(chw[1], cl.getKernelSize()[0], cl.getStride()[0], padding),
                        outSize(chw[2], cl.getKernelSize()[1], cl.getStride()[1], padding)};
            } else if (conf.getClass() == SubsamplingLayer.class) {
                SubsamplingLayer sl = (SubsamplingLayer) conf;
                if (chw == null) {
                    throw new EaselException("Layer " + i + " (" + given + ") is a pooling layer: export needs the input shape [channels, height, width].");
                }
                String padding = padding(sl.getConvolutionMode(), sl.getPadding(), i, given);
                String cls = switch (sl.getPoolingType()) {
                    case MAX -> "MaxPooling2D";
                    case AVG -> "AveragePooling2D";
                    default -> throw new EaselException("Layer " + i + " (" + given + "): pooling type " + sl.getPoolingType()
                            + " has no Keras equivalent (MAX and AVG do).");
                };
                if (cls.equals("AveragePooling2D") && padding.equals("same")) {
                    throw new EaselException("Layer " + i + " (" + given + "): average pooling with same padding divides differently"
                            + " in Keras and DL4J at the borders; only valid padding can be exported.");
                }
                String name = uniqueName(given, cls.equals("MaxPooling2D") ? "max_pooling2d" : "average_pooling2d", used, counters);
                ObjectNode c = base(name);
                c.putArray("pool_size").add(sl.getKernelSize()[0]).add(sl.getKernelSize()[1]);
                c.put("padding", padding);
                c.putArray("strides").add(sl.getStride()[0]).add(sl.getStride()[1]);
                c.put("data_format", "channels_last");
                out.add(new Exported(name, cls, c, Map.of()));
                chw = new long[] {chw[0], outSize(chw[1], sl.getKernelSize()[0], sl.getStride()[0], padding),
                        outSize(chw[2], sl.getKernelSize()[1], sl.getStride()[1], padding)};
            } else if (conf instanceof DropoutLayer) {
                String name = uniqueName(given, "dropout", used, counters);
                ObjectNode c = base(name);
                c.put("rate", dropoutRate(conf.getIDropout(), i, given));
                c.putNull("noise_shape").putNull("seed");
                out.add(new Exported(name, "Dropout", c, Map.of()));
            } else {
                throw new EaselException("Layer " + i + " (" + given + ") is a " + conf.getClass().getSimpleName()
                        + ": Keras export supports DenseLayer, OutputLayer, ConvolutionLayer, SubsamplingLayer and DropoutLayer.");
            }
        }
        return out;
    }

    private static ObjectNode base(String name) {
        ObjectNode c = JsonNodeFactory.instance.objectNode();
        c.put("name", name).put("trainable", true).put("dtype", "float32");
        return c;
    }

    private static void initializersAndRegularizers(ObjectNode c) {
        c.set("kernel_initializer", initializer("VarianceScaling"));
        c.set("bias_initializer", initializer("Zeros"));
        c.putNull("kernel_regularizer").putNull("bias_regularizer").putNull("activity_regularizer")
                .putNull("kernel_constraint").putNull("bias_constraint");
    }

    private static String padding(ConvolutionMode mode, int[] pad, int i, String layer) {
        if (mode == ConvolutionMode.Same) {
            return "same";
        }
        if (pad[0] != 0 || pad[1] != 0) {
            throw new EaselException("Layer " + i + " (" + layer + ") uses explicit padding " + java.util.Arrays.toString(pad)
                    + ": Keras has only 'valid' and 'same'; use ConvolutionMode.Same or add a ZeroPadding layer in Keras.");
        }
        return "valid";
    }

    private static long outSize(long in, int kernel, int stride, String padding) {
        return padding.equals("same") ? (in + stride - 1) / stride : (in - kernel) / stride + 1;
    }

    private static ObjectNode modelConfig(List<Exported> layers, List<Long> kerasInput) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("class_name", "Sequential");
        ObjectNode config = root.putObject("config");
        config.put("name", "sequential_1");
        ArrayNode list = config.putArray("layers");
        for (int i = 0; i < layers.size(); i++) {
            Exported l = layers.get(i);
            ObjectNode c = l.config().deepCopy();
            if (i == 0) {
                ObjectNode withShape = JsonNodeFactory.instance.objectNode();
                withShape.put("name", l.name()).put("trainable", true);
                ArrayNode shape = withShape.putArray("batch_input_shape").addNull();
                kerasInput.forEach(shape::add);
                c.fields().forEachRemaining(e -> {
                    if (!withShape.has(e.getKey())) {
                        withShape.set(e.getKey(), e.getValue());
                    }
                });
                c = withShape;
            }
            ObjectNode entry = list.addObject();
            entry.put("class_name", l.kerasClass());
            entry.set("config", c);
        }
        root.put("keras_version", KERAS_VERSION);
        root.put("backend", BACKEND);
        return root;
    }

    private static ObjectNode initializer(String cls) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("class_name", cls);
        ObjectNode c = n.putObject("config");
        if (cls.equals("VarianceScaling")) {
            c.put("scale", 1.0).put("mode", "fan_avg").put("distribution", "uniform").putNull("seed");
        }
        return n;
    }

    private static String activation(IActivation a, int i, String layer) {
        if (a instanceof ActivationReLU) {
            return "relu";
        }
        if (a instanceof ActivationSoftmax) {
            return "softmax";
        }
        if (a instanceof ActivationSigmoid) {
            return "sigmoid";
        }
        if (a instanceof ActivationTanH) {
            return "tanh";
        }
        if (a instanceof ActivationIdentity) {
            return "linear";
        }
        if (a instanceof ActivationELU) {
            return "elu";
        }
        if (a instanceof ActivationSELU) {
            return "selu";
        }
        if (a instanceof ActivationSoftPlus) {
            return "softplus";
        }
        if (a instanceof ActivationSoftSign) {
            return "softsign";
        }
        throw new EaselException("Layer " + i + " (" + layer + ") uses activation " + a
                + ", which has no exact Keras equivalent; use relu, softmax, sigmoid, tanh, identity, elu, selu, softplus or softsign.");
    }

    private static double dropoutRate(IDropout d, int i, String layer) {
        if (d == null) {
            return 0.0;
        }
        if (d instanceof Dropout dr) {
            return 1.0 - dr.getP(); // DL4J stores the probability of keeping a unit, Keras the rate of dropping one
        }
        throw new EaselException("Layer " + i + " (" + layer + ") uses " + d.getClass().getSimpleName()
                + "; only plain Dropout can be exported to Keras.");
    }

    private static String uniqueName(String given, String prefix, Set<String> used, Map<String, Integer> counters) {
        if (given != null && given.matches("[A-Za-z0-9_.\\-]+") && !given.matches("layer\\d+") && used.add(given)) {
            return given;
        }
        String name;
        do {
            int n = counters.merge(prefix, 1, Integer::sum);
            name = prefix + "_" + n;
        } while (!used.add(name));
        return name;
    }
}
