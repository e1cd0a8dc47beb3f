package org.easel.transfer.modelfile;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Tiny randomly initialised CNNs saved as DL4J zips, to serve as model-file backbones in tests. */
public final class TinyCnns {
    private TinyCnns() {
    }

    /** conv1 (8, 5x5) -> pool1 -> conv2 (16) -> [flatten] fc (dense 10) -> out (softmax 2), for 32x32 RGB; saved with ModelSerializer. */
    public static Path sequential(Path zip, long seed) throws IOException {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.RELU).list()
                .layer(new ConvolutionLayer.Builder(5, 5).name("conv1").nOut(8).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX, new int[]{2, 2}, new int[]{2, 2}).name("pool1").build())
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv2").nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().name("fc").nOut(10).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("out").nOut(2).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(32, 32, 3))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        ModelSerializer.writeModel(net, zip.toFile(), false);
        return zip;
    }

    /** Two conv branches (branch_a, branch_b) merged, conv3, global average pooling, out; a ComputationGraph for 32x32 RGB. */
    public static Path graph(Path zip, long seed) throws IOException {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.RELU).graphBuilder()
                .addInputs("image")
                .addLayer("branch_a", new ConvolutionLayer.Builder(3, 3).nOut(6).activation(Activation.RELU).build(), "image")
                .addLayer("branch_b", new ConvolutionLayer.Builder(5, 5).nOut(6).padding(1, 1).activation(Activation.RELU).build(), "image")
                .addVertex("merged", new MergeVertex(), "branch_a", "branch_b")
                .addLayer("conv3", new ConvolutionLayer.Builder(3, 3).nOut(12).activation(Activation.RELU).build(), "merged")
                .addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv3")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2).activation(Activation.SOFTMAX).build(), "gap")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(32, 32, 3))
                .build();
        ComputationGraph g = new ComputationGraph(conf);
        g.init();
        ModelSerializer.writeModel(g, zip.toFile(), false);
        return zip;
    }
}
