package org.easel.style.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.easel.style.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class KerasH5WeightsTest {

    @Test
    void readsEverySqueezeNetKernelFromTheKerasFile() {
        Path file = TestImages.squeezenetDir().resolve(SqueezeNet.WEIGHTS.fileName());
        KerasH5Weights w = KerasH5Weights.read(file);
        INDArray k = w.kernel("fire2/expand3x3", 3, 3, 16, 64);
        assertArrayEquals(new long[] {3, 3, 16, 64}, k.shape());
        assertTrue(k.std().getDouble(0) > 1e-3, "trained weights are not constant");
        // every conv layer of the architecture is found with its expected shape
        FeatureNetwork net = FeatureNetwork.pretrained(new SqueezeNet(), w, DataType.FLOAT, "squeezenet");
        Map<String, INDArray> f = net.features(Nd4j.rand(DataType.FLOAT, 1, 3, 64, 64).muli(100), List.of("conv1", "fire9"));
        assertArrayEquals(new long[] {1, 64, 31, 31}, f.get("conv1").shape());
        assertArrayEquals(new long[] {1, 512, 3, 3}, f.get("fire9").shape());
    }

    @Test
    void aWrongLayerNamesTheFileAndTheLayer() {
        Path file = TestImages.squeezenetDir().resolve(SqueezeNet.WEIGHTS.fileName());
        KerasH5Weights w = KerasH5Weights.read(file);
        EaselException e = assertThrows(EaselException.class, () -> w.kernel("block1_conv1", 3, 3, 3, 64));
        assertTrue(e.getMessage().contains("block1_conv1") && e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        e = assertThrows(EaselException.class, () -> w.kernel("conv1", 3, 3, 3, 32));
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void aFileThatIsNotHdf5IsAClearError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("weights.h5");
        Files.writeString(junk, "not hdf5");
        EaselException e = assertThrows(EaselException.class, () -> KerasH5Weights.read(junk));
        assertTrue(e.getMessage().contains("weights.h5"), e.getMessage());
    }

    @Test
    void autoFallsBackToSqueezeNetAndSaysWhy() {
        Networks.Resolved r = Networks.resolve("auto", "imagenet", TestImages.squeezenetDir().toString(), 1, DataType.FLOAT);
        assertTrue(r.network().isPretrained());
        assertTrue(r.network().backbone() instanceof SqueezeNet);
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("auto chose squeezenet") && n.contains(Vgg16.WEIGHTS.fileName())), r.notes().toString());
    }

    @Test
    void missingSqueezeNetWeightsOfflineNameFileAndUrl(@TempDir Path dir) {
        org.junit.jupiter.api.Assumptions.assumeTrue("1".equals(System.getenv("EASEL_OFFLINE")), "only meaningful offline");
        EaselException e = assertThrows(EaselException.class,
                () -> Networks.resolve("squeezenet", "imagenet", dir.toString(), 1, DataType.FLOAT));
        assertTrue(e.getMessage().contains(SqueezeNet.WEIGHTS.fileName()), e.getMessage());
    }

    @Test
    void missingVggWeightsSayWhereToPutThem(@TempDir Path dir) {
        EaselException e = assertThrows(EaselException.class,
                () -> Networks.resolve("vgg16", "imagenet", dir.toString(), 1, DataType.FLOAT));
        assertTrue(e.getMessage().contains(Vgg16.WEIGHTS.fileName()) && e.getMessage().contains(Vgg16.WEIGHTS.url()), e.getMessage());
    }
}
