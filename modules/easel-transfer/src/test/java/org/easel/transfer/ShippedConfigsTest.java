package org.easel.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.ConfigException;
import org.easel.nets.Network;
import org.easel.nets.Networks;
import org.easel.transfer.config.TransferConfig;
import org.junit.jupiter.api.Test;
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
        Network net = Networks.get(t.backbone(), "transfer.backbone");
        int last = net.indexOf(t.freezeUpTo() != null ? t.freezeUpTo() : net.defaultCut(), "transfer.freeze_up_to");
        assertTrue(net.outputShape(t.builtInInputSize(), t.builtInInputSize(), last, "")[1] >= 1);
        assertEquals("synthetic", cfg.data().dataset());
        assertEquals(2777, cfg.data().synthetic().financialCount());
        assertEquals(5000, cfg.data().synthetic().nonFinancialCount());
    }

    @Test
    void theOldSyntheticKeyPointsAtTheDataSection() {
        String yaml = """
                name: old
                task: transfer
                transfer:
                  backbone: squeezenet
                  synthetic:
                    financial_count: 100
                """;
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "old.yaml", List.of()));
        assertTrue(e.getMessage().contains("old.yaml:5:") && e.getMessage().contains("transfer.synthetic")
                && e.getMessage().contains("dataset: synthetic"), e.getMessage());
    }
}
