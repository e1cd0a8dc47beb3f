package org.easel.core.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.easel.core.config.LayerConfig;
import org.easel.core.config.ModelConfig;
import org.easel.core.config.TrainingConfig;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Builds a DL4J network from the model section, Keras-style: the last dense softmax layer is the classifier. */
public final class ModelFactory {
    /** Keras' epsilon; DL4J's own defaults (1e-8) differ slightly. */
    private static final double KERAS_EPSILON = 1e-7;

    private ModelFactory() {
    }

    public static MultiLayerNetwork build(ModelConfig model, TrainingConfig training, long seed,
                                          int channels, int height, int width, int numClasses) {
        List<LayerConfig> layers = model.layers();
        LayerConfig last = layers.get(layers.size() - 1);
        if (last.units() != numClasses) {
            throw new EaselException("model.layers[" + (layers.size() - 1) + "].units is " + last.units() + " but the data has "
                    + numClasses + " classes; set it to " + numClasses + ".");
        }
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(weightInit(model.init()))
                .updater(updater(training))
                .l2(model.l2())
                .list();
        for (int i = 0; i < layers.size(); i++) {
            LayerConfig l = layers.get(i);
            String name = l.type() + "_" + (i + 1);
            boolean output = i == layers.size() - 1;
            list.layer(toLayer(l, name, output));
        }
        boolean convolutional = layers.stream().anyMatch(l -> l.type().equals("conv2d") || l.type().equals("maxpool"));
        list.setInputType(convolutional ? InputType.convolutionalFlat(height, width, channels)
                : InputType.feedForward((long) channels * height * width));
        MultiLayerConfiguration conf;
        try {
            conf = list.build();
        } catch (RuntimeException e) {
            throw new EaselException("The model in model.layers cannot be built for input " + channels + "×" + height + "×" + width
                    + ": " + e.getMessage() + ". Check kernel sizes, strides and padding (a layer may shrink the image below 1 pixel).", e);
        }
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    private static Layer toLayer(LayerConfig l, String name, boolean output) {
        Activation act = activation(l.activation());
        ConvolutionMode mode = "same".equals(l.padding()) ? ConvolutionMode.Same : ConvolutionMode.Truncate;
        switch (l.type()) {
            case "dense":
                if (output) {
                    return new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name(name).nOut(l.units()).activation(act).build();
                }
                return new DenseLayer.Builder().name(name).nOut(l.units()).activation(act).build();
            case "dropout":
                // DL4J takes the probability of keeping an input; Keras takes the rate of dropping it.
                return new DropoutLayer.Builder(1.0 - l.rate()).name(name).build();
            case "conv2d":
                return new ConvolutionLayer.Builder(toInts(l.kernel())).name(name).nOut(l.filters())
                        .stride(l.stride().isEmpty() ? new int[]{1, 1} : toInts(l.stride()))
                        .convolutionMode(mode).activation(act).build();
            case "maxpool":
                return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).name(name).kernelSize(toInts(l.kernel()))
                        .stride(l.stride().isEmpty() ? toInts(l.kernel()) : toInts(l.stride())).convolutionMode(mode).build();
            case "batchnorm":
                return new BatchNormalization.Builder().name(name).build();
            case "flatten":
                // DL4J inserts the CNN-to-dense reshape itself; an identity activation layer keeps the position visible.
                return new ActivationLayer.Builder().name(name).activation(Activation.IDENTITY).build();
            default:
                throw new IllegalStateException("validated earlier: " + l.type());
        }
    }

    static IUpdater updater(TrainingConfig t) {
        return switch (t.optimizer()) {
            case "rmsprop" -> new RmsProp(t.learningRate(), 0.9, KERAS_EPSILON);
            case "adam" -> new Adam(t.learningRate(), 0.9, 0.999, KERAS_EPSILON);
            case "sgd" -> new Sgd(t.learningRate());
            case "nesterovs" -> new Nesterovs(t.learningRate(), 0.9);
            default -> throw new IllegalStateException("validated earlier: " + t.optimizer());
        };
    }

    private static WeightInit weightInit(String init) {
        return switch (init) {
            case "glorot_uniform" -> WeightInit.XAVIER_UNIFORM;
            case "he_normal" -> WeightInit.RELU;
            case "xavier" -> WeightInit.XAVIER;
            default -> throw new IllegalStateException("validated earlier: " + init);
        };
    }

    private static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "softmax" -> Activation.SOFTMAX;
            case "sigmoid" -> Activation.SIGMOID;
            case "tanh" -> Activation.TANH;
            case "linear" -> Activation.IDENTITY;
            case "elu" -> Activation.ELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            default -> throw new IllegalStateException("validated earlier: " + name);
        };
    }

    private static int[] toInts(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
