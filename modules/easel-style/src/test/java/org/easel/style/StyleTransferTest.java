package org.easel.style;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.easel.core.train.TrainingListener;
import org.easel.style.config.StyleConfig;
import org.easel.style.optim.Objective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end on tiny images with a random-weight SqueezeNet: the mechanics, not the look. */
class StyleTransferTest {
    @TempDir
    Path dir;

    private final List<String> messages = new ArrayList<>();
    private final TrainingListener listener = new TrainingListener() {
        @Override
        public void onMessage(String message) {
            messages.add(message);
        }
    };

    private StyleConfig tiny(Path content, Path style) {
        return StyleConfig.DEFAULTS.withContent(content.toString()).withStyle(List.of(style.toString()), List.of())
                .withSize(48).withIterations(20).withScales(1).withFrameEvery(10).withBackbone("squeezenet", "random", "")
                .withLayers("fire3", List.of("conv1", "fire2", "fire3"), List.of());
    }

    @Test
    void runsAndWritesEveryOutputWithARandomWeightsWarning() throws Exception {
        Path content = TestImages.content(dir, 64, 48, BufferedImage.TYPE_INT_RGB);
        Path style = TestImages.style(dir, 40, 56);
        Path out = dir.resolve("run");
        StyleResult r = StyleTransfer.run(new StyleOptions(tiny(content, style), out.resolve("result.png"), out, 1), listener);

        assertTrue(r.finalLoss() < r.initialLoss() * 0.5, "loss " + r.initialLoss() + " -> " + r.finalLoss());
        BufferedImage img = ImageIO.read(out.resolve("result.png").toFile());
        assertEquals(48, img.getWidth());
        assertEquals(36, img.getHeight());
        for (String f : List.of("loss.png", "panel.png", "report.md", "losses.csv", "frames/iter-0010.png", "frames/iter-0020.png")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f + " missing");
        }
        assertEquals(2, r.frames().size());
        assertTrue(r.iterations() <= 20 && r.iterations() >= 10, "iterations " + r.iterations());
        String report = Files.readString(out.resolve("report.md"));
        assertTrue(report.contains("WARNING: random network weights"), report);
        assertTrue(messages.stream().anyMatch(m -> m.contains("weights: random") && m.contains("NOT a style transfer")), messages.toString());
        assertTrue(!r.pretrained());
    }

    @Test
    void adamNoiseInitMultiScaleColoursAndTwoStyles() throws Exception {
        Path content = TestImages.content(dir, 80, 60, BufferedImage.TYPE_INT_RGB);
        Path s1 = TestImages.style(dir, 50, 50);
        Path s2 = TestImages.gray(dir, 30, 70);
        StyleConfig c = tiny(content, s1).withStyle(List.of(s1.toString(), s2.toString()), List.of(3.0, 1.0)).withSize(128)
                .withScales(2).withIterations(24).withOptimizer("adam", 5.0).withInit("noise").withPreserveColors(true).withFrameEvery(0);
        Path out = dir.resolve("run2");
        StyleResult r = StyleTransfer.run(new StyleOptions(c, out.resolve("r.png"), out, 3), listener);
        assertEquals(2, r.scales().size());
        assertEquals(64, r.scales().get(0).width());
        assertEquals(128, r.scales().get(1).width());
        assertTrue(r.finalLoss() < r.initialLoss(), "loss " + r.initialLoss() + " -> " + r.finalLoss());
        assertEquals(24, r.iterations());
        assertTrue(messages.stream().anyMatch(m -> m.contains("gray.png") && m.contains("grayscale")), messages.toString());

        // preserve_colors: the result's chroma is the content's, so mean colour stays close to the photo's.
        BufferedImage res = ImageIO.read(out.resolve("r.png").toFile());
        BufferedImage src = ImageIO.read(content.toFile());
        double[] a = meanRgb(res);
        double[] b = meanRgb(src);
        double chromaA = a[0] - a[2];
        double chromaB = b[0] - b[2];
        assertEquals(chromaB, chromaA, 20, "red-blue balance of result vs content");
    }

    @Test
    void alphaContentIsCompositedOnWhite() throws Exception {
        Path content = TestImages.content(dir, 48, 48, BufferedImage.TYPE_INT_ARGB);
        Path style = TestImages.style(dir, 48, 48);
        StyleConfig c = tiny(content, style).withIterations(3).withFrameEvery(0);
        StyleResult r = StyleTransfer.run(new StyleOptions(c, dir.resolve("a.png"), null, 1), listener);
        assertTrue(Files.isRegularFile(r.image()));
        assertTrue(messages.stream().anyMatch(m -> m.contains("alpha channel")), messages.toString());
    }

    @Test
    void aVeryLargeImageIsDownscaledWithAWarning() throws Exception {
        Path content = TestImages.content(dir, 4400, 1100, BufferedImage.TYPE_INT_RGB);
        Path style = TestImages.style(dir, 48, 48);
        StyleConfig c = tiny(content, style).withSize(96).withIterations(2).withFrameEvery(0);
        StyleResult r = StyleTransfer.run(new StyleOptions(c, dir.resolve("big.png"), null, 1), listener);
        assertEquals(96, r.width());
        assertTrue(messages.stream().anyMatch(m -> m.contains("very large") && m.contains("4400x1100")), messages.toString());
    }

    @Test
    void missingAndUnreadableImagesNameTheFile() throws Exception {
        Path style = TestImages.style(dir, 48, 48);
        Path missing = dir.resolve("nope.jpg");
        EaselException e = assertThrows(EaselException.class,
                () -> StyleTransfer.run(new StyleOptions(tiny(missing, style), dir.resolve("x.png"), null, 1), listener));
        assertTrue(e.getMessage().contains("nope.jpg") && e.getMessage().contains("content") && e.getMessage().contains("does not exist"),
                e.getMessage());

        Path junk = dir.resolve("painting.jpg");
        Files.writeString(junk, "this is not a JPEG");
        Path content = TestImages.content(dir, 48, 48, BufferedImage.TYPE_INT_RGB);
        e = assertThrows(EaselException.class,
                () -> StyleTransfer.run(new StyleOptions(tiny(content, junk), dir.resolve("x.png"), null, 1), listener));
        assertTrue(e.getMessage().contains("painting.jpg") && e.getMessage().contains("style image"), e.getMessage());
        assertTrue(!Files.exists(dir.resolve("x.png")), "no output for a failed run");
    }

    @Test
    void badSettingsAndUnknownLayersAreReportedByKey() throws Exception {
        Path content = TestImages.content(dir, 48, 48, BufferedImage.TYPE_INT_RGB);
        Path style = TestImages.style(dir, 48, 48);
        EaselException e = assertThrows(EaselException.class, () -> StyleTransfer.run(new StyleOptions(
                tiny(content, style).withOptimizer("sgd", 1).withSize(5), dir.resolve("x.png"), null, 1), listener));
        assertTrue(e.getMessage().contains("style.optimizer") && e.getMessage().contains("style.size"), e.getMessage());

        e = assertThrows(EaselException.class, () -> StyleTransfer.run(new StyleOptions(
                tiny(content, style).withLayers("fire33", List.of("conv1"), List.of()), dir.resolve("x.png"), null, 1), listener));
        assertTrue(e.getMessage().contains("content_layer") && e.getMessage().contains("fire33") && e.getMessage().contains("fire3"),
                e.getMessage());
    }

    @Test
    void aNanLossStopsWithAClearMessageAndKeepsTheLastGoodImage() throws Exception {
        Path content = TestImages.content(dir, 48, 48, BufferedImage.TYPE_INT_RGB);
        Path style = TestImages.style(dir, 48, 48);
        int[] calls = {0};
        UnaryOperator<Objective> poison = f -> (x, g) -> ++calls[0] >= 6 ? Double.NaN : f.evaluate(x, g);
        Path out = dir.resolve("nan");
        StyleConfig c = tiny(content, style).withOptimizer("adam", 2.0).withFrameEvery(0);
        EaselException e = assertThrows(EaselException.class,
                () -> StyleTransfer.run(new StyleOptions(c, out.resolve("result.png"), out, 1), listener, poison));
        assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("iteration 6") && e.getMessage().contains("last good image"),
                e.getMessage());
        assertTrue(Files.isRegularFile(out.resolve("result.png")));
        assertTrue(Files.isRegularFile(out.resolve("report.md")));
    }

    private static double[] meanRgb(BufferedImage img) {
        double[] s = new double[3];
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                s[0] += (p >> 16) & 0xff;
                s[1] += (p >> 8) & 0xff;
                s[2] += p & 0xff;
            }
        }
        int n = img.getWidth() * img.getHeight();
        return new double[] {s[0] / n, s[1] / n, s[2] / n};
    }
}
