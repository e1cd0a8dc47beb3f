package org.easel.style;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.easel.core.train.TrainingListener;
import org.easel.style.config.StyleConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real stylization with the ImageNet SqueezeNet fixture: the loss must fall by at least 90%. */
@Tag("slow")
class StyleTransferSlowTest {
    @TempDir
    Path dir;

    @Test
    void catInStarryNightLosesNinetyPercentOfItsLoss() throws Exception {
        Path shared = TestImages.shared();
        Path weights = TestImages.squeezenetDir();
        Path content = shared.resolve("images/content/chelsea.jpg");
        Path style = shared.resolve("images/style/starry_night.jpg");
        Assumptions.assumeTrue(Files.isRegularFile(content) && Files.isRegularFile(style));
        StyleConfig c = StyleConfig.DEFAULTS.withContent(content.toString()).withStyle(List.of(style.toString()), List.of())
                .withSize(192).withIterations(120).withScales(1).withFrameEvery(0)
                .withBackbone("squeezenet", "imagenet", weights.toString());
        StyleResult r = StyleTransfer.run(new StyleOptions(c, dir.resolve("result.png"), dir, 42), new TrainingListener() {
            @Override
            public void onMessage(String m) {
                System.out.println(m);
            }
        });
        System.out.printf("loss %.4g -> %.4g (%.1f%% lower), %.1f s, %.3f s/iteration%n", r.initialLoss(), r.finalLoss(),
                100 * r.lossDrop(), r.seconds(), r.secondsPerIteration());
        assertTrue(r.pretrained());
        assertTrue(r.lossDrop() >= 0.90, "loss fell by only " + 100 * r.lossDrop() + "%");

        // The painting's colours moved in: the result's mean colour is nearer the painting's than the photo's is.
        double[] res = meanRgb(ImageIO.read(r.image().toFile()));
        double[] photo = meanRgb(ImageIO.read(content.toFile()));
        double[] painting = meanRgb(ImageIO.read(style.toFile()));
        assertTrue(dist(res, painting) < 0.6 * dist(photo, painting),
                "result colour " + Arrays.toString(res) + " vs painting " + Arrays.toString(painting));
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
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
