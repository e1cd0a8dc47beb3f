package org.easel.transfer.head;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.easel.core.config.TrainingConfig;
import org.easel.transfer.config.HeadConfig;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The trainable head: dense ReLU layers with dropout, then a softmax over the classes found in the
 * data, with class weights in the cross-entropy. It trains on cached features, so it is DL4J and small.
 */
public final class HeadFactory {
    private static final double KERAS_EPSILON = 1e-7;

    private HeadFactory() {
    }

    /** {@code classWeights} may be null (unweighted); {@code dropout} overrides the config when >= 0 (0 for Grad-CAM copies). */
    public static MultiLayerNetwork build(HeadConfig head, TrainingConfig training, long seed, int inputs, int classes,
                                          double[] classWeights, double dropoutOverride) {
        double dropout = dropoutOverride >= 0 ? dropoutOverride : head.dropout();
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater(training))
                .weightInit(WeightInit.XAVIER)
                .list();
        int in = inputs;
        int i = 0;
        for (int units : head.dense()) {
            DenseLayer.Builder b = new DenseLayer.Builder().name("dense_" + (++i)).nIn(in).nOut(units).activation(Activation.RELU)
                    .weightInit(WeightInit.RELU);
            if (dropout > 0) {
                b.dropOut(1 - dropout); // DL4J takes the retain probability
            }
            list.layer(b.build());
            in = units;
        }
        LossMCXENT loss = classWeights == null ? new LossMCXENT() : new LossMCXENT(Nd4j.create(classWeights).castTo(DataType.FLOAT));
        OutputLayer.Builder out = new OutputLayer.Builder(loss).name("predictions").nIn(in).nOut(classes).activation(Activation.SOFTMAX);
        if (dropout > 0) {
            out.dropOut(1 - dropout);
        }
        list.layer(out.build());
        MultiLayerConfiguration conf = list.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    static IUpdater updater(TrainingConfig t) {
        return switch (t.optimizer()) {
            case "adam" -> new Adam(t.learningRate(), 0.9, 0.999, KERAS_EPSILON);
            case "rmsprop" -> new RmsProp(t.learningRate(), 0.9, KERAS_EPSILON);
            case "nesterovs" -> new Nesterovs(t.learningRate(), 0.9);
            default -> new Sgd(t.learningRate());
        };
    }

    /** Inverse class frequency, normalised so the weights average to 1 over the examples (Keras/sklearn "balanced"). */
    public static double[] balancedWeights(int[] counts) {
        int n = 0;
        for (int c : counts) {
            n += c;
        }
        double[] w = new double[counts.length];
        for (int c = 0; c < counts.length; c++) {
            w[c] = counts[c] == 0 ? 0 : (double) n / (counts.length * counts[c]);
        }
        return w;
    }
}
