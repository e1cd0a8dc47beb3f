package org.easel.vae;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.easel.vae.model.VaeFiles;
import org.easel.vae.model.VaeModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaeSamplerTest {

    @Test
    void notAVaeFileFailsWithClearMessage(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        EaselException e1 = assertThrows(EaselException.class, () -> VaeSampler.load(text));
        assertTrue(e1.getMessage().contains("not an Easel VAE model") && e1.getMessage().contains("not a zip"), e1.getMessage());

        Path classifier = dir.resolve("model.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(classifier))) {
            zip.putNextEntry(new ZipEntry("configuration.json"));
            zip.write("{}".getBytes());
            zip.closeEntry();
        }
        EaselException e2 = assertThrows(EaselException.class, () -> VaeSampler.load(classifier));
        assertTrue(e2.getMessage().contains("easel-vae.json"), e2.getMessage());

        EaselException e3 = assertThrows(EaselException.class, () -> VaeSampler.load(dir.resolve("missing.zip")));
        assertTrue(e3.getMessage().contains("does not exist"), e3.getMessage());
        EaselException e4 = assertThrows(EaselException.class, () -> VaeSampler.load(dir));
        assertTrue(e4.getMessage().contains("vae.zip"), e4.getMessage());
    }

    @Test
    void savedModelRoundTripsAndGridHasTheRightSize(@TempDir Path dir) throws Exception {
        VaeModel model = VaeModel.build(VaeModelTest.spec("conv", 1, 28, 28, 2, "bernoulli"), 5);
        Path file = dir.resolve("vae.zip");
        VaeFiles.save(model, file, false);
        VaeSampler loaded = VaeSampler.load(file);
        assertEquals(model.spec(), loaded.spec());
        assertEquals(VaeSampler.of(model).sample(4, 11, 1.0), loaded.sample(4, 11, 1.0));
        assertFalse(loaded.sample(4, 11, 1.0).equals(loaded.sample(4, 12, 1.0)), "different seeds give different samples");

        Path grid = loaded.sampleGrid(64, 1, 0.7, dir.resolve("out/grid.png"));
        BufferedImage img = ImageIO.read(grid.toFile());
        assertEquals(8 * 28 * 2, img.getWidth());
        assertEquals(8 * 28 * 2, img.getHeight());
        try (var files = Files.list(dir.resolve("out"))) {
            assertEquals(1, files.count(), "no temporary files left behind");
        }
        assertThrows(EaselException.class, () -> loaded.sampleGrid(0, 1, 1.0, dir.resolve("x.png")));
        assertThrows(EaselException.class, () -> loaded.sampleGrid(4, 1, 0.0, dir.resolve("x.png")));
        assertFalse(Files.exists(dir.resolve("x.png")));
    }

    @Test
    void rgbDenseModelSamplesInColour(@TempDir Path dir) throws Exception {
        VaeModel model = VaeModel.build(VaeModelTest.spec("dense", 3, 40, 40, 8, "gaussian"), 5);
        Path grid = VaeSampler.of(model).sampleGrid(6, 1, 1.0, dir.resolve("g.png"));
        BufferedImage img = ImageIO.read(grid.toFile());
        assertEquals(3 * 40, img.getWidth());
        assertEquals(2 * 40, img.getHeight());
    }
}
