package org.easel.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.transfer.backbone.Architecture;
import org.easel.transfer.backbone.BackboneRegistry;
import org.easel.transfer.config.TransferConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every shipped transfer config binds, validates, names a real backbone and layer, and fits its input size. */
class ShippedConfigsTest {
    @ParameterizedTest
    @ValueSource(strings = {"finetune-vgg.yaml", "finetune-alexnet.yaml", "finetune-squeezenet.yaml"})
    void loadsAndResolves(String name) {
        Path file = Path.of("../../configs").resolve(name);
        assumeTrue(Files.isRegularFile(file), "configs/ not found from " + Path.of("").toAbsolutePath());
        ExperimentConfig cfg = ConfigLoader.load(file, List.of());
        assertEquals("transfer", cfg.task());
        TransferConfig t = cfg.section("transfer", TransferConfig.class);
        Architecture arch = BackboneRegistry.get(t.backbone());
        int last = arch.indexOf(t.freezeUpTo() != null ? t.freezeUpTo() : arch.defaultFreeze());
        assertTrue(arch.outputShape(t.inputSize(), last)[1] >= 1);
        assertTrue(t.synthetic().enabled());
        assertEquals(2777, t.synthetic().financialCount());
        assertEquals(5000, t.synthetic().nonFinancialCount());
    }
}
