package org.easel.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.nets.BackboneWeights;
import org.easel.nets.Network;
import org.easel.nets.Networks;
import org.easel.nets.WeightsStore;
import org.easel.style.model.StyleBackbone;
import org.easel.transfer.featurize.FrozenBackbone;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Style transfer and transfer learning see the same features from the same backbone (one definition, two users). */
class SameBackboneFeaturesTest {

    @Test
    void styleAndTransferFeatureMapsAreEqual() {
        for (String name : Networks.names()) {
            Network net = Networks.get(name, "backbone");
            String layer = net.layers().get(net.layers().size() / 2).name();
            int size = Math.max(48, net.minInputSize(net.indexOf(layer, "layer")));
            StyleBackbone style = StyleBackbone.random(net, 5, DataType.FLOAT);
            BackboneWeights weights = BackboneWeights.random(net, net.layers().size() - 1, 5, "random", false);
            compare(style, weights, net, layer, size);
        }
    }

    @Test
    void withTheImagenetSqueezeNetToo() {
        Path fixtures = Path.of(System.getProperty("easel.test.shared", "../shared"), "fixtures", "keras");
        Assumptions.assumeTrue(Files.isRegularFile(fixtures.resolve(Networks.SQUEEZENET_IMAGENET.fileName())),
                "../shared/fixtures/keras absent");
        Network net = Networks.SQUEEZENET;
        StyleBackbone style = StyleBackbone.resolve("squeezenet", "imagenet", fixtures.toString(), false, 1, DataType.FLOAT).backbone();
        BackboneWeights weights = BackboneWeights.resolve(net, net.layers().size() - 1, "imagenet", false, 1, new WeightsStore(fixtures, false),
                "transfer.weights");
        compare(style, weights, net, "fire5", 96);
    }

    private static void compare(StyleBackbone style, BackboneWeights weights, Network net, String layer, int size) {
        Nd4j.getRandom().setSeed(9);
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 3, size, size).subi(0.5).muli(200); // caffe-like range
        INDArray fromStyle = style.features(image, List.of(layer)).get(layer);
        INDArray fromTransfer = new FrozenBackbone(net, net.indexOf(layer, "layer"), weights, size, "avg").featureMaps(image);
        assertArrayEquals(fromStyle.shape(), fromTransfer.shape(), net.name() + " " + layer);
        double scale = Math.max(1e-6, fromStyle.amaxNumber().doubleValue());
        double diff = fromStyle.sub(fromTransfer).amaxNumber().doubleValue();
        assertTrue(diff <= 1e-4 * scale, net.name() + " " + layer + ": max difference " + diff + " of " + scale);
    }
}
