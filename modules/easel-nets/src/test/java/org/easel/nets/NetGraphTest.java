package org.easel.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Each built-in network, built once in SameDiff, against a plain-Java forward pass on a tiny input. */
class NetGraphTest {

    @ParameterizedTest
    @ValueSource(strings = {"vgg16", "alexnet", "squeezenet"})
    void everyLayerMatchesAHandComputedForwardPass(String name) {
        Network net = Networks.get(name, "backbone");
        int last = net.layers().size() - 1;
        int size = net.minInputSize(last) + 3; // tiny, and odd-sized so padding and pooling remainders are exercised
        BackboneWeights w = BackboneWeights.random(net, last, 7, "random", false);
        double[][][] image = new double[3][size][size];
        float[] flat = new float[3 * size * size];
        Random r = new Random(11);
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) (r.nextDouble() * 2 - 1);
            image[i / (size * size)][(i / size) % size][i % size] = flat[i];
        }
        List<String> outputs = ReferenceForward.everyOtherLayer(net);
        Map<String, INDArray> got = forward(net, w, NetGraph.Mode.INFERENCE, flat, size, outputs);
        Map<String, double[][][]> want = ReferenceForward.run(net, w, image, last);
        assertEquals(outputs, List.copyOf(got.keySet()), "outputs come back by name, in the order asked");
        for (String layer : outputs) {
            double[][][] e = want.get(layer);
            INDArray a = got.get(layer);
            assertArrayEquals(new long[]{1, e.length, e[0].length, e[0][0].length}, a.shape(), layer);
            int[] expectedShape = net.outputShape(size, size, net.indexOf(layer, "layer"), "");
            assertArrayEquals(new long[]{1, expectedShape[0], expectedShape[1], expectedShape[2]}, a.shape(), layer + " (Network.outputShape)");
            double scale = 1e-9;
            for (double[][] plane : e) {
                for (double[] row : plane) {
                    for (double v : row) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                }
            }
            for (int c = 0; c < e.length; c++) {
                for (int y = 0; y < e[0].length; y++) {
                    for (int x = 0; x < e[0][0].length; x++) {
                        assertEquals(e[c][y][x], a.getDouble(0, c, y, x), 1e-4 * scale, layer + " at " + c + "," + y + "," + x);
                    }
                }
            }
        }
    }

    @Test
    void theThreeWeightModesGiveTheSameFeatures() {
        // INFERENCE is what transfer featurizes with, INPUT_GRADIENT what style transfer builds, TRAINING stage 2
        Network net = Networks.SQUEEZENET;
        int size = 40;
        BackboneWeights w = BackboneWeights.random(net, net.layers().size() - 1, 3, "random", false);
        float[] img = Nd4j.rand(DataType.FLOAT, 3 * size * size).data().asFloat();
        List<String> layers = List.of("conv1", "fire3", "fire9");
        Map<String, INDArray> inference = forward(net, w, NetGraph.Mode.INFERENCE, img, size, layers);
        for (NetGraph.Mode mode : List.of(NetGraph.Mode.INPUT_GRADIENT, NetGraph.Mode.TRAINING)) {
            Map<String, INDArray> other = forward(net, w, mode, img, size, layers);
            for (String l : layers) {
                double diff = inference.get(l).sub(other.get(l)).amaxNumber().doubleValue();
                assertTrue(diff < 1e-4 * Math.max(1, inference.get(l).amaxNumber().doubleValue()), mode + " " + l + ": " + diff);
            }
        }
    }

    @Test
    void buildingFromAnInnerLayerContinuesFromItsMap() {
        Network net = Networks.VGG16;
        int size = 32;
        int last = net.indexOf("block2_pool", "layer");
        BackboneWeights w = BackboneWeights.random(net, last, 5, "random", false);
        float[] img = Nd4j.rand(DataType.FLOAT, 3 * size * size).data().asFloat();
        INDArray whole = forward(net, w, NetGraph.Mode.INFERENCE, img, size, List.of("block2_pool")).get("block2_pool");
        INDArray map = forward(net, w, NetGraph.Mode.INFERENCE, img, size, List.of("block1_pool")).get("block1_pool");
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("map", map);
        SDVariable top = NetGraph.build(sd, in, net, w, NetGraph.Mode.INFERENCE, net.indexOf("block2_conv1", "layer"), last);
        INDArray resumed = sd.outputSingle(Map.of(), top.name());
        assertTrue(whole.equalsWithEps(resumed, 1e-4), "the upper layers on the cached map give the whole network's output");
    }

    @Test
    void tooSmallInputsAndUnknownLayersAreClearErrors() {
        Network net = Networks.VGG16;
        EaselException e = assertThrows(EaselException.class,
                () -> net.outputShape(16, 16, net.indexOf("block5_pool", "layer"), "Raise transfer.input_size."));
        assertTrue(e.getMessage().contains("16x16") && e.getMessage().contains("block5_pool") && e.getMessage().contains("32 px")
                && e.getMessage().endsWith("Raise transfer.input_size."), e.getMessage());
        e = assertThrows(EaselException.class, () -> net.indexOf("block5_conv4", "style.content_layer"));
        assertTrue(e.getMessage().startsWith("style.content_layer:") && e.getMessage().contains("block5_conv3"), e.getMessage());
        e = assertThrows(EaselException.class, () -> Networks.get("squeezent", "transfer.backbone"));
        assertTrue(e.getMessage().contains("did you mean 'squeezenet'"), e.getMessage());
    }

    static Map<String, INDArray> forward(Network net, BackboneWeights w, NetGraph.Mode mode, float[] chw, int size, List<String> layers) {
        SameDiff sd = SameDiff.create();
        SDVariable in = sd.var("input", Nd4j.create(chw, new long[]{1, 3, size, size}, 'c'));
        Map<String, SDVariable> built = NetGraph.build(sd, in, net, w, mode, 0, layers);
        Map<String, INDArray> raw = sd.output(Map.of(), built.values().stream().map(SDVariable::name).toArray(String[]::new));
        Map<String, INDArray> out = new LinkedHashMap<>();
        built.forEach((layer, v) -> out.put(layer, raw.get(v.name())));
        return out;
    }
}
