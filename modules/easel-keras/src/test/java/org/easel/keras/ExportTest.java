package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/** DL4J MLP -> Keras 2 .h5 -> Easel import gives the same outputs; the file has Keras' layout. */
class ExportTest {
    @TempDir
    Path tmp;

    static MultiLayerNetwork mlp() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(42).list()
                .layer(new DenseLayer.Builder().nIn(784).nOut(256).activation(Activation.RELU).build())
                .layer(new DropoutLayer.Builder(0.8).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(10).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // Non-zero biases, so a bias that went missing would show.
        net.getLayer(0).getParam("b").assign(Nd4j.rand(1, 256).subi(0.5));
        net.getLayer(3).getParam("b").assign(Nd4j.rand(1, 10).subi(0.5));
        return net;
    }

    @Test
    void roundTripGivesIdenticalOutputs() {
        MultiLayerNetwork net = mlp();
        Path out = tmp.resolve("mlp.h5");
        KerasExporter.export(net, out); // input width from the first layer: 784
        ImportedModel back = KerasImporter.builder().build().importModel(out);
        Nd4j.getRandom().setSeed(7);
        INDArray x = Nd4j.rand(32, 784);
        INDArray expected = net.output(x, false);
        INDArray got = back.output(x)[0];
        double diff = Transforms.abs(expected.sub(got), false).maxNumber().doubleValue();
        System.out.printf("export round trip 784-256-128-10: max |diff| = %.3g, file %d bytes%n", diff, out.toFile().length());
        assertTrue(diff <= 1e-6, "max diff " + diff);
        assertEquals(net.numParams(), back.report().totalParams());
        assertEquals(List.of("dense_1", "dropout_1", "dense_2", "dense_3"), back.report().layers().stream()
                .filter(l -> !l.kerasClass().equals("InputLayer")).map(ImportReport.Layer::name).toList());
    }

    /** DL4J NCHW CNN -> channels_last Keras file: same predictions when Keras-side images are NHWC. */
    @Test
    void convolutionalRoundTripWithNhwcInputs() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(5).activation(Activation.RELU).build())
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(ConvolutionMode.Same).activation(Activation.TANH).build())
                .layer(new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(12, 12, 3)).build());
        net.init();
        for (int i : new int[] {0, 2, 3, 4}) {
            net.getLayer(i).getParam("b").assign(Nd4j.rand(net.getLayer(i).getParam("b").shape()).subi(0.5));
        }
        Path out = tmp.resolve("cnn.h5");
        KerasExporter.export(net, new long[] {3, 12, 12}, out);
        ImportedModel back = KerasImporter.builder().build().importModel(out);
        assertEquals(List.of(12L, 12L, 3L), back.inputShapes().get(0));
        assertEquals(List.of("Conv2D", "MaxPooling2D", "Conv2D", "Flatten", "Dense", "Dense"), back.report().layers().stream()
                .map(ImportReport.Layer::kerasClass).filter(c -> !c.equals("InputLayer")).toList());
        Nd4j.getRandom().setSeed(11);
        INDArray nchw = Nd4j.rand(4, 3, 12, 12);
        INDArray expected = net.output(nchw, false);
        INDArray got = back.output(nchw.permute(0, 2, 3, 1).dup('c'))[0];
        double diff = Transforms.abs(expected.sub(got), false).maxNumber().doubleValue();
        System.out.printf("export round trip CNN 3x12x12 (conv-pool-conv(same)-dense-dense): max |diff| = %.3g%n", diff);
        assertTrue(diff <= 1e-5, "max diff " + diff);
    }

    @Test
    void fileHasKerasTwoLayout() throws Exception {
        Path out = tmp.resolve("mlp.h5");
        KerasExporter.export(mlp(), new long[] {784}, out);
        try (H5Reader r = new H5Reader(out)) {
            assertEquals("2.2.4", r.stringAttribute("/", "keras_version"));
            assertEquals("tensorflow", r.stringAttribute("/", "backend"));
            assertEquals("tensorflow", r.stringAttribute("/model_weights", "backend"));
            assertEquals("2.2.4", r.stringAttribute("/model_weights", "keras_version"));
            assertEquals(List.of("dense_1", "dropout_1", "dense_2", "dense_3"), r.stringsAttribute("/model_weights", "layer_names"));
            assertEquals(List.of("dense_1/kernel:0", "dense_1/bias:0"), r.stringsAttribute("/model_weights/dense_1", "weight_names"));
            assertEquals(List.of(), r.stringsAttribute("/model_weights/dropout_1", "weight_names"));
            assertEquals(List.of(784L, 256L), java.util.Arrays.stream(r.shape("/model_weights/dense_1/dense_1/kernel:0")).boxed().toList());
            assertEquals(List.of(256L), java.util.Arrays.stream(r.shape("/model_weights/dense_1/dense_1/bias:0")).boxed().toList());
            JsonNode config = KerasJson.parse(r.stringAttribute("/", "model_config"), "model_config");
            assertEquals("Sequential", config.get("class_name").asText());
            JsonNode first = config.get("config").get("layers").get(0).get("config");
            assertEquals("[null,784]", first.get("batch_input_shape").toString());
            assertEquals("relu", first.get("activation").asText());
            assertEquals(0.2, config.get("config").get("layers").get(1).get("config").get("rate").asDouble(), 1e-9);
            assertEquals("softmax", config.get("config").get("layers").get(3).get("config").get("activation").asText());
            assertFalse(r.hasAttribute("/", "training_config"));
        }
    }

    /**
     * Independent reader: h5py (what Keras itself loads .h5 files with). Skipped when python3/h5py is not
     * installed (it is not on the build machine: no PyPI); run with {@code -Dgroups=slow} where it is.
     */
    @Test
    @Tag("slow")
    void h5pyReadsTheFileStructure() throws Exception {
        // Debian's interpreter has python3-h5py; a pyenv python3 on PATH usually does not.
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process probe = new ProcessBuilder(python, "-c", "import h5py, numpy").start();
        Assumptions.assumeTrue(probe.waitFor() == 0, "python3 with h5py not installed");
        Path out = tmp.resolve("mlp.h5");
        MultiLayerNetwork net = mlp();
        KerasExporter.export(net, new long[] {784}, out);
        float[] x = new float[784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i % 17) / 17f;
        }
        float[] expected = net.output(org.nd4j.linalg.factory.Nd4j.create(x, new long[] {1, 784}), false).data().asFloat();
        String script = String.join("\n",
                "import h5py, json, sys",
                "f = h5py.File(sys.argv[1], 'r')",
                "cfg = json.loads(f.attrs['model_config'])",
                "names = [n.decode('utf8') for n in f['model_weights'].attrs['layer_names']]",
                "assert names == ['dense_1', 'dropout_1', 'dense_2', 'dense_3'], names",
                "for n in names:",
                "    g = f['model_weights'][n]",
                "    for w in g.attrs['weight_names']:",
                "        print(n, w.decode('utf8'), g[w.decode('utf8')].shape, g[w.decode('utf8')].dtype)",
                "print(cfg['class_name'], f.attrs['keras_version'], f.attrs['backend'])",
                // The Keras forward pass in NumPy from the file's own config and weights (dropout is identity at inference).
                "import numpy as np",
                "act = {'relu': lambda v: np.maximum(v, 0), 'tanh': np.tanh, 'linear': lambda v: v,",
                "       'softmax': lambda v: np.exp(v - v.max()) / np.exp(v - v.max()).sum()}",
                "h = (np.arange(784) % 17) / 17.0",
                "for layer in cfg['config']['layers']:",
                "    if layer['class_name'] != 'Dense': continue",
                "    n = layer['config']['name']",
                "    g = f['model_weights'][n][n]",
                "    h = act[layer['config']['activation']](h @ g['kernel:0'][()] + g['bias:0'][()])",
                "print('OUTPUT', ' '.join('%.8f' % v for v in h))");
        Process p = new ProcessBuilder(python, "-c", script, out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        System.out.println(text);
        assertEquals(0, p.waitFor(), text);
        assertTrue(text.contains("dense_1 dense_1/kernel:0 (784, 256) float32"), text);
        String[] numpy = text.lines().filter(l -> l.startsWith("OUTPUT ")).findFirst().orElseThrow().substring(7).split(" ");
        assertEquals(expected.length, numpy.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], Double.parseDouble(numpy[i]), 1e-5, "class " + i);
        }
    }

    @Test
    void unsupportedLayersAreRefusedAndNothingIsWritten() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nIn(4).nOut(3).build())
                .layer(new BatchNormalization.Builder().nOut(3).build())
                .layer(new OutputLayer.Builder().nIn(3).nOut(2).build()).build());
        net.init();
        Path out = tmp.resolve("bn.h5");
        EaselException e = assertThrows(EaselException.class, () -> KerasExporter.export(net, new long[] {4}, out));
        assertTrue(e.getMessage().contains("Layer 1") && e.getMessage().contains("BatchNormalization"), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
