package org.easel.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real keras-squeezenet ImageNet file from ../shared (skipped when it is absent), read by easel-keras' reader. */
class KerasFileTest {
    Path fixtures;

    @BeforeEach
    void locate() {
        String shared = System.getProperty("easel.test.shared");
        assumeTrue(shared != null && Files.isRegularFile(Path.of(shared, "fixtures", "keras", Networks.SQUEEZENET_IMAGENET.fileName())),
                "../shared/fixtures/keras absent");
        fixtures = Path.of(shared, "fixtures", "keras");
    }

    @Test
    void theImagenetFileIsVerifiedAndEveryConvolutionRead() {
        Network net = Networks.SQUEEZENET;
        BackboneWeights w = BackboneWeights.resolve(net, net.indexOf("fire9", "x"), "imagenet", false, 1, new WeightsStore(fixtures, false),
                "transfer.weights");
        assertEquals(25, w.params().size()); // conv1 + 8 fire modules x 3 convolutions
        assertArrayEquals(new long[]{3, 3, 3, 64}, w.kernel("conv1").shape());
        assertArrayEquals(new long[]{3, 3, 64, 256}, w.kernel("fire9/expand3x3").shape());
        assertEquals(Preprocessing.CAFFE_BGR, w.preprocessing());
        assertTrue(w.used().contains("2d935d8c") && w.identity().startsWith("h5:"), w.used());
        assertTrue(w.kernel("fire2/expand3x3").stdNumber().doubleValue() > 1e-3, "trained weights are not constant");
    }

    @Test
    void wrongShapesAndMissingLayersNameTheFileAndLayer() {
        Path file = fixtures.resolve(Networks.SQUEEZENET_IMAGENET.fileName());
        EaselException e = assertThrows(EaselException.class, () -> BackboneWeights.fromKerasFile(Networks.ALEXNET, 0, file, "file"));
        assertTrue(e.getMessage().contains("'conv1'") && e.getMessage().contains("[3, 3, 3, 64]") && e.getMessage().contains("[11, 11, 3, 96]"),
                e.getMessage());
        e = assertThrows(EaselException.class, () -> BackboneWeights.fromKerasFile(Networks.VGG16, 0, file, "file"));
        assertTrue(e.getMessage().contains("no layer 'block1_conv1'") && e.getMessage().contains("fire9"), e.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5IsAClearError(@TempDir Path dir) throws Exception {
        Path junk = Files.writeString(dir.resolve("weights.h5"), "not hdf5");
        EaselException e = assertThrows(EaselException.class, () -> BackboneWeights.fromKerasFile(Networks.SQUEEZENET, 0, junk, "file"));
        assertTrue(e.getMessage().contains("weights.h5") && e.getMessage().contains("not an HDF5 file"), e.getMessage());
    }
}
