package org.easel.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.easel.core.error.ConfigException;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String VALID = """
            name: mlp
            seed: 7
            data:
              dataset: mnist
            model:
              layers:
                - {type: dense, units: 256, activation: relu}
                - {type: dropout, rate: 0.4}
                - {type: dense, units: 10, activation: softmax}
            training:
              epochs: 3
              batch_size: 64
              optimizer: rmsprop
            """;

    private static ConfigException invalid(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "exp.yaml", List.of(overrides)));
    }

    @Test
    void validConfigBindsValuesAndKeepsDefaults() {
        ExperimentConfig c = ConfigLoader.parse(VALID, "exp.yaml", List.of());
        assertEquals("mlp", c.name());
        assertEquals(7, c.seed());
        assertEquals(3, c.training().epochs());
        assertEquals(64, c.training().batchSize());
        assertEquals(0.001, c.training().learningRate());
        assertEquals(0.2, c.training().validationSplit());
        assertEquals(3, c.model().layers().size());
        assertEquals(0.4, c.model().layers().get(1).rate());
        assertEquals("outputs", c.output().dir());
    }

    @Test
    void typoNamesLineColumnPathAndNearestKey() {
        ConfigException e = invalid(VALID.replace("batch_size: 64", "bach_size: 64"));
        String m = e.getMessage();
        assertTrue(m.contains("exp.yaml:12:3"), m);
        assertTrue(m.contains("training.bach_size"), m);
        assertTrue(m.contains("did you mean 'batch_size'"), m);
    }

    @Test
    void unknownKeyListsValidKeys() {
        String m = invalid(VALID + "colour: blue\n").getMessage();
        assertTrue(m.contains("exp.yaml:14:1: colour: unknown key."), m);
        assertTrue(m.contains("Valid keys: name, seed, task"), m);
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        String m = invalid(VALID.replace("epochs: 3", "epochs: three")).getMessage();
        assertTrue(m.contains("exp.yaml:11:11: training.epochs: expected a whole number, found 'three'"), m);
    }

    @Test
    void failedCheckNamesKeyAndValueAndAllProblemsAreReportedTogether() {
        ConfigException e = invalid(VALID.replace("epochs: 3", "epochs: -1").replace("rate: 0.4", "rate: 1.5"));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("model.layers[1].rate: dropout rate must be in (0, 1), found 1.5"), e.getMessage());
        assertTrue(e.getMessage().contains("training.epochs: must be > 0, found -1"), e.getMessage());
    }

    @Test
    void unknownValueSuggestsNearest() {
        String m = invalid(VALID.replace("optimizer: rmsprop", "optimizer: rmsprob")).getMessage();
        assertTrue(m.contains("training.optimizer: unknown value 'rmsprob'") && m.contains("did you mean 'rmsprop'"), m);
    }

    @Test
    void overridesAreAppliedAndValidated() {
        ExperimentConfig c = ConfigLoader.parse(VALID, "exp.yaml",
                List.of("training.epochs=5", "model.layers.0.units=128", "training.early_stopping.patience=2"));
        assertEquals(5, c.training().epochs());
        assertEquals(128, c.model().layers().get(0).units());
        assertEquals(2, c.training().earlyStopping().patience());

        String typo = invalid(VALID, "training.epoch=5").getMessage();
        assertTrue(typo.contains("--set training.epoch=5: training.epoch: unknown key; did you mean 'epochs'?"), typo);
        String badType = invalid(VALID, "training.epochs=lots").getMessage();
        assertTrue(badType.contains("--set training.epochs=lots: training.epochs: expected a whole number"), badType);
        assertTrue(invalid(VALID, "training").getMessage().contains("expected key.path=value"));
        assertTrue(invalid(VALID, "training.epochs.x=1").getMessage().contains("is a single value"));
        assertTrue(invalid(VALID, "model.layers.9.units=1").getMessage().contains("index 9 does not exist"));
    }

    @Test
    void yamlSyntaxErrorHasLocation() {
        String m = invalid("name: [unclosed\nseed: 1\n").getMessage();
        assertTrue(m.contains("exp.yaml:") && m.contains("YAML syntax error"), m);
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        EaselException e = assertThrows(EaselException.class, () -> ConfigLoader.load(dir.resolve("nope.yaml"), List.of()));
        assertTrue(e.getMessage().contains("Config file not found"), e.getMessage());
    }

    @Test
    void resolvedYamlLoadsBackToTheSameConfig(@TempDir Path dir) throws Exception {
        ExperimentConfig c = ConfigLoader.parse(VALID, "exp.yaml", List.of("training.epochs=9"));
        Path f = dir.resolve("resolved.yaml");
        Files.writeString(f, ConfigYaml.toYaml(c));
        assertEquals(c, ConfigLoader.load(f, List.of()));
    }

    @Test
    void shippedCoreConfigsAreValid() {
        Path configs = Path.of(System.getProperty("user.dir")).resolve("../../configs").normalize();
        for (String name : List.of("mnist-mlp.yaml", "fashion-cnn.yaml")) {
            ExperimentConfig c = ConfigLoader.load(configs.resolve(name), List.of());
            assertEquals("classify", c.task());
        }
    }
}
