package org.easel.style.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.easel.core.error.EaselException;
import org.easel.nets.Networks;
import org.easel.style.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StyleBackboneTest {

    @Test
    void theImagenetSqueezeNetGivesEveryLayerAtTheExpectedSize() {
        StyleBackbone.Resolved r = StyleBackbone.resolve("squeezenet", "imagenet", TestImages.squeezenetDir().toString(), false, 1, DataType.FLOAT);
        assertTrue(r.backbone().isPretrained());
        Map<String, INDArray> f = r.backbone().features(Nd4j.rand(DataType.FLOAT, 1, 3, 64, 64).muli(100), List.of("conv1", "fire9"));
        assertArrayEquals(new long[] {1, 64, 31, 31}, f.get("conv1").shape());
        assertArrayEquals(new long[] {1, 512, 3, 3}, f.get("fire9").shape());
    }

    @Test
    void autoFallsBackToSqueezeNetAndSaysWhy() {
        StyleBackbone.Resolved r = StyleBackbone.resolve("auto", "imagenet", TestImages.squeezenetDir().toString(), false, 1, DataType.FLOAT);
        assertEquals(Networks.SQUEEZENET, r.backbone().network());
        assertEquals("fire5", r.backbone().defaults().content());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("auto chose squeezenet") && n.contains(Networks.VGG16_IMAGENET.fileName())),
                r.notes().toString());
    }

    @Test
    void missingVggWeightsSayWhereToPutThem(@TempDir Path dir) {
        EaselException e = assertThrows(EaselException.class, () -> StyleBackbone.resolve("vgg16", "imagenet", dir.toString(), false, 1, DataType.FLOAT));
        assertTrue(e.getMessage().contains(Networks.VGG16_IMAGENET.fileName()) && e.getMessage().contains(Networks.VGG16_IMAGENET.url()),
                e.getMessage());
    }

    @Test
    void unknownLayersAndTooSmallImagesNameTheKey() {
        StyleBackbone net = StyleBackbone.random(Networks.VGG16, 1, DataType.FLOAT);
        EaselException e = assertThrows(EaselException.class, () -> net.requireLayer("block4_conv9", "content_layer"));
        assertTrue(e.getMessage().startsWith("style.content_layer:") && e.getMessage().contains("block4_conv3"), e.getMessage());
        e = assertThrows(EaselException.class, () -> net.features(Nd4j.rand(DataType.FLOAT, 1, 3, 12, 12), List.of("block5_conv1")));
        assertTrue(e.getMessage().contains("too small") && e.getMessage().contains("style.size"), e.getMessage());
    }
}
