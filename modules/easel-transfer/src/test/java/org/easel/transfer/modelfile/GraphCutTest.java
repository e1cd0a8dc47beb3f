package org.easel.transfer.modelfile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GraphCutTest {
    @TempDir
    Path tmp;

    @Test
    void sequentialZipKeepsLayerNamesDefaultsToTheLastFeatureMapAndCutsWithTheSameActivations() throws Exception {
        LoadedModel m = ModelFileLoader.load(TinyCnns.sequential(tmp.resolve("seq.zip"), 3));
        assertEquals(new InputSpec(3, 0, CNN2DFormat.NCHW), m.input());
        GraphCut cut = new GraphCut(m.graph(), InputType.convolutional(32, 32, 3), "seq.zip");
        assertEquals(List.of("conv1", "pool1", "conv2", "fc", "out"), cut.layerNames());
        assertEquals(List.of("conv1", "pool1", "conv2"), cut.featureMapLayers());
        assertEquals("conv2", cut.defaultFreeze());

        ComputationGraph part = cut.cut("conv2");
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
        INDArray full = m.graph().feedForward(new INDArray[]{x}, false).get("conv2");
        INDArray mine = part.output(false, x)[0];
        assertArrayEquals(full.shape(), mine.shape());
        assertEquals(0, full.sub(mine).amaxNumber().doubleValue(), 1e-6);
        assertEquals(4, part.getVertices().length, "only the input, conv1, pool1 and conv2");

        GraphBackbone b = new GraphBackbone(part, "conv2", CNN2DFormat.NCHW, 3, 32, "avgmax");
        assertArrayEquals(new int[]{16, 12, 12}, b.featureMapShape());
        assertEquals(32, b.featureSize());
        INDArray f = b.features(x);
        assertArrayEquals(new long[]{2, 32}, f.shape());
        assertEquals(full.mean(2, 3).getFloat(1, 5), f.getFloat(1, 5), 1e-5);
        assertEquals(full.max(2, 3).getFloat(1, 5), f.getFloat(1, 16 + 5), 1e-5);
    }

    @Test
    void graphZipDefaultsToTheMapBeforeGlobalPoolingAndKeepsBothBranches() throws Exception {
        LoadedModel m = ModelFileLoader.load(TinyCnns.graph(tmp.resolve("graph.zip"), 4));
        GraphCut cut = new GraphCut(m.graph(), InputType.convolutional(32, 32, 3), "graph.zip");
        assertEquals("conv3", cut.defaultFreeze());
        ComputationGraph part = cut.cut("conv3");
        INDArray x = Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32);
        INDArray full = m.graph().feedForward(new INDArray[]{x}, false).get("conv3");
        assertEquals(0, full.sub(part.output(false, x)[0]).amaxNumber().doubleValue(), 1e-6);
        ComputationGraph branch = cut.cut("branch_b");
        assertEquals(2, branch.getVertices().length, "only the input and branch_b");
    }

    @Test
    void unknownAndNonMapLayersAreErrorsListingTheValidOnes() throws Exception {
        LoadedModel m = ModelFileLoader.load(TinyCnns.sequential(tmp.resolve("seq.zip"), 3));
        GraphCut cut = new GraphCut(m.graph(), InputType.convolutional(32, 32, 3), "seq.zip");
        EaselException e = assertThrows(EaselException.class, () -> cut.cut("conv9"));
        assertTrue(e.getMessage().contains("transfer.freeze_up_to") && e.getMessage().contains("no layer 'conv9'")
                && e.getMessage().contains("conv1, pool1, conv2, fc, out"), e.getMessage());
        e = assertThrows(EaselException.class, () -> cut.cut("fc"));
        assertTrue(e.getMessage().contains("'fc'") && e.getMessage().contains("not a feature map") && e.getMessage().contains("conv1, pool1, conv2"),
                e.getMessage());
    }
}
