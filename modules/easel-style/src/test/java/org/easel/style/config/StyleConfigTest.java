package org.easel.style.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.Doc;
import org.easel.core.config.ExperimentConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class StyleConfigTest {

    @Test
    void everyComponentIsDocumented() {
        for (RecordComponent c : StyleConfig.class.getRecordComponents()) {
            assertTrue(c.isAnnotationPresent(Doc.class), c.getName() + " has no @Doc");
        }
    }

    @Test
    void yamlBindsSnakeCaseKeysIntoTheStyleSection() {
        String yaml = """
                name: st
                task: style
                style:
                  content: a.jpg
                  style: [b.jpg, c.jpg]
                  style_weights: [2, 1]
                  size: 256
                  tv_weight: 0.5
                  preserve_colors: true
                  backbone: squeezenet
                """;
        ExperimentConfig c = ConfigLoader.parse(yaml, "test.yaml", List.of());
        StyleConfig s = c.section("style", StyleConfig.class);
        assertEquals("a.jpg", s.content());
        assertEquals(List.of("b.jpg", "c.jpg"), s.style());
        assertEquals(List.of(2.0, 1.0), s.styleWeights());
        assertEquals(256, s.size());
        assertEquals(0.5, s.tvWeight());
        assertTrue(s.preserveColors());
        assertEquals(StyleConfig.DEFAULTS.iterations(), s.iterations());
        assertEquals("style", c.task());
    }

    @Test
    void typosAndBadValuesAreReportedWithTheirKeys() {
        String yaml = """
                name: st
                task: style
                style:
                  content: a.jpg
                  style: [b.jpg]
                  style_weights: [1, 2]
                  optimiser: adam
                  backbone: resnet
                """;
        Exception e = assertThrows(RuntimeException.class, () -> ConfigLoader.parse(yaml, "bad.yaml", List.of()));
        String m = e.getMessage();
        assertTrue(m.contains("optimiser") && m.contains("optimizer"), m);
        assertTrue(m.contains("style_weights"), m);
        assertTrue(m.contains("resnet") && m.contains("squeezenet"), m);
    }

    @Test
    void theOldNetworkKeyIsAnErrorThatNamesTheNewOneAndTheLine() {
        String yaml = """
                name: st
                task: style
                style:
                  content: a.jpg
                  style: [b.jpg]
                  network: vgg16
                """;
        Exception e = assertThrows(RuntimeException.class, () -> ConfigLoader.parse(yaml, "old.yaml", List.of()));
        assertTrue(e.getMessage().contains("old.yaml:6:") && e.getMessage().contains("style.network")
                && e.getMessage().contains("renamed to style.backbone"), e.getMessage());
    }

    @Test
    void theShippedConfigParsesAndRunsTheStyleTask() {
        Path p = Path.of("../../configs/style-transfer.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(p), "run from the module folder");
        ExperimentConfig c = ConfigLoader.load(p, List.of());
        assertEquals("style", c.task());
        StyleConfig s = c.section("style", StyleConfig.class);
        assertTrue(s.content().endsWith(".jpg") && !s.style().isEmpty());
        assertEquals("lbfgs", s.optimizer());
    }
}
