package org.easel.transfer.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.backbone.BackboneRegistry;
import org.easel.transfer.backbone.ConvParam;
import org.easel.transfer.featurize.FrozenBackbone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The real keras-squeezenet ImageNet file from /work/shared (skipped when it is absent). */
class KerasWeightsTest {
    static final String FILE = "squeezenet_weights_tf_dim_ordering_tf_kernels_notop.h5";
    Path fixtures;

    @TempDir
    Path tmp;

    @BeforeEach
    void locate() {
        String shared = System.getProperty("easel.test.shared");
        assumeTrue(shared != null && Files.isRegularFile(Path.of(shared, "fixtures", "keras", FILE)), "shared fixtures absent");
        fixtures = Path.of(shared, "fixtures", "keras");
    }

    @Test
    void readsEverySqueezeNetLayerInOihw() {
        Architecture arch = BackboneRegistry.get("squeezenet");
        int last = arch.indexOf("fire9");
        BackboneWeights w = new WeightsResolver(fixtures, false).resolve(arch, last, "imagenet", "none", 1);
        assertEquals(25, w.params().size()); // conv1 + 8 fire modules x 3 convolutions
        assertArrayEquals(new long[]{64, 3, 3, 3}, w.kernel("conv1").shape());
        assertArrayEquals(new long[]{256, 64, 3, 3}, w.kernel("fire9/expand3x3").shape());
        assertEquals(Preprocessing.CAFFE_BGR, w.preprocessing());
        assertTrue(w.used().contains("2d935d8c"), w.used());
        assertFalse(w.fellBack());
    }

    @Test
    void sameDiffConvMatchesADirectConvolution() {
        Architecture arch = BackboneRegistry.get("squeezenet");
        BackboneWeights w = new WeightsResolver(fixtures, false).resolve(arch, 0, "imagenet", "none", 1);
        int size = 9;
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, size, size).subi(0.5).muli(200);
        INDArray map = new FrozenBackbone(arch, 0, w, size, "avg").featureMaps(x); // conv1: 3x3 stride 2 valid + ReLU -> 4x4
        assertArrayEquals(new long[]{1, 64, 4, 4}, map.shape());
        INDArray k = w.kernel("conv1");
        INDArray b = w.bias("conv1");
        for (int o : new int[]{0, 17, 63}) {
            for (int oy = 0; oy < 4; oy++) {
                for (int ox = 0; ox < 4; ox++) {
                    double s = b.getDouble(o);
                    for (int c = 0; c < 3; c++) {
                        for (int ky = 0; ky < 3; ky++) {
                            for (int kx = 0; kx < 3; kx++) {
                                s += k.getDouble(o, c, ky, kx) * x.getDouble(0, c, oy * 2 + ky, ox * 2 + kx);
                            }
                        }
                    }
                    assertEquals(Math.max(0, s), map.getDouble(0, o, oy, ox), 1e-3 * Math.max(1, Math.abs(s)));
                }
            }
        }
    }

    @Test
    void wrongShapesNameTheLayerExpectedAndFound() {
        ConvParam wrong = new ConvParam("conv1", 96, 3, 11); // AlexNet's conv1 asked of the SqueezeNet file
        EaselException e = assertThrows(EaselException.class, () -> KerasWeightsReader.read(fixtures.resolve(FILE), List.of(wrong)));
        assertTrue(e.getMessage().contains("'conv1'") && e.getMessage().contains("[3, 3, 3, 64]")
                && e.getMessage().contains("[11, 11, 3, 96]"), e.getMessage());

        ConvParam missing = new ConvParam("block1_conv1", 64, 3, 3);
        e = assertThrows(EaselException.class, () -> KerasWeightsReader.read(fixtures.resolve(FILE), List.of(missing)));
        assertTrue(e.getMessage().contains("no layer 'block1_conv1'") && e.getMessage().contains("fire9"), e.getMessage());
    }

    @Test
    void aFileWithTheWrongChecksumIsMovedAsideAndNotUsed() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pretrained"));
        Path bad = dir.resolve(FILE);
        Files.writeString(bad, "not the weights");
        Architecture arch = BackboneRegistry.get("squeezenet");
        EaselException e = assertThrows(EaselException.class,
                () -> new WeightsResolver(dir, false).resolve(arch, arch.indexOf("fire9"), "imagenet", "none", 1));
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains(".bad"), e.getMessage());
        assertFalse(Files.exists(bad));
        assertTrue(Files.exists(dir.resolve(FILE + ".bad")));
    }

    @Test
    void aVgg16FileWithTheWrongMd5IsMovedAsideToo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("pretrained-vgg"));
        Path bad = dir.resolve(BackboneRegistry.VGG16_IMAGENET.fileName());
        Files.writeString(bad, "truncated download");
        Architecture vgg = BackboneRegistry.get("vgg16");
        EaselException e = assertThrows(EaselException.class,
                () -> new WeightsResolver(dir, false).resolve(vgg, vgg.indexOf("block5_pool"), "imagenet", "none", 1));
        assertTrue(e.getMessage().contains("MD5") && e.getMessage().contains(BackboneRegistry.VGG16_MD5), e.getMessage());
        assertFalse(Files.exists(bad));
        assertTrue(Files.exists(dir.resolve(bad.getFileName() + ".bad")));
    }

    @Test
    void offlineMissingFileSaysWhereToPutIt() {
        Architecture vgg = BackboneRegistry.get("vgg16");
        EaselException e = assertThrows(EaselException.class,
                () -> new WeightsResolver(tmp, false).resolve(vgg, vgg.indexOf("block5_pool"), "imagenet", "none", 1));
        assertTrue(e.getMessage().contains("vgg16_weights_tf_dim_ordering_tf_kernels_notop.h5") && e.getMessage().contains(tmp.toString()),
                e.getMessage());
        BackboneWeights fallback = new WeightsResolver(tmp, false).resolve(vgg, vgg.indexOf("block1_pool"), "imagenet", "random", 1);
        assertTrue(fallback.fellBack() && fallback.used().startsWith("random (fallback"), fallback.used());
        assertEquals(Preprocessing.UNIT, fallback.preprocessing());
        Map<String, INDArray[]> p = fallback.params();
        assertEquals(List.of("block1_conv1", "block1_conv2"), List.copyOf(p.keySet()));
    }
}
