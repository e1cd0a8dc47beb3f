package org.easel.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.error.EaselException;
import org.easel.core.run.Experiments;
import org.easel.vae.config.VaeConfig;
import org.junit.jupiter.api.Test;

class VaeConfigTest {
    static Path repo() {
        Path p = Path.of("").toAbsolutePath();
        return p.getFileName().toString().equals("easel-vae") ? p.getParent().getParent() : p;
    }

    @Test
    void shippedConfigsBind() {
        ExperimentConfig mnist = ConfigLoader.load(repo().resolve("configs/vae-mnist.yaml"), List.of());
        VaeConfig v = mnist.section("vae", VaeConfig.class);
        assertEquals("vae", mnist.task());
        assertEquals("conv", v.architecture());
        assertEquals(2, v.latentDim());
        assertEquals(List.of(32, 64), v.filters());
        ExperimentConfig fashion = ConfigLoader.load(repo().resolve("configs/vae-fashion.yaml"), List.of());
        assertEquals(16, fashion.section("vae", VaeConfig.class).latentDim());
        assertEquals("fashion-mnist", fashion.data().dataset());
        assertTrue(Experiments.tasks().containsKey("vae"));
    }

    @Test
    void badValuesNameTheKey() {
        String yaml = "name: x\ntask: vae\nvae: {architecture: convolutional, likelihood: poisson, latent_dim: 0}\n";
        EaselException e = assertThrows(EaselException.class, () -> ConfigLoader.parse(yaml, "x.yaml", List.of()));
        String m = e.getMessage();
        assertTrue(m.contains("architecture") && m.contains("conv"), m);
        assertTrue(m.contains("likelihood"), m);
        assertTrue(m.contains("latent_dim"), m);
    }

    @Test
    void defaultsAreTheKerasExample() {
        VaeConfig d = VaeConfig.DEFAULTS;
        assertEquals("conv", d.architecture());
        assertEquals(List.of(32, 64), d.filters());
        assertEquals(List.of(16), d.hidden());
        assertEquals("bernoulli", d.likelihood());
        assertEquals(1.0, d.beta());
    }
}
