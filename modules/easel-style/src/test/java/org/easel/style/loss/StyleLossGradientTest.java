package org.easel.style.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.easel.nets.Networks;
import org.easel.style.image.Caffe;
import org.easel.style.image.RgbImage;
import org.easel.style.model.StyleBackbone;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The SameDiff input gradient against central finite differences, in double precision. */
class StyleLossGradientTest {

    private static RgbImage random(int w, int h, long seed) {
        Random r = new Random(seed);
        float[] d = new float[3 * w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.nextFloat() * 255;
        }
        return new RgbImage(w, h, d);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        int w = 40;
        int h = 36;
        StyleBackbone net = StyleBackbone.random(Networks.SQUEEZENET, 7, DataType.DOUBLE);
        LossSpec spec = new LossSpec("fire3", List.of("conv1", "fire2", "fire3"), new double[] {1, 2, 1}, 1.0, 10.0, 0.5);
        RgbImage content = random(w, h, 1);
        RgbImage style = random(30, 44, 2); // a different size than the content on purpose
        Targets t = Targets.compute(net, spec, content, List.of(style), new double[] {1}, DataType.DOUBLE);
        StyleLoss loss = new StyleLoss(net, spec, t, w, h, DataType.DOUBLE);

        double[] x = Caffe.toInput(random(w, h, 3));
        double[] g = new double[x.length];
        StyleLoss.Parts p = loss.evaluate(x, g);
        assertTrue(p.content() > 0 && p.style() > 0 && p.tv() > 0, "all three terms active: " + p);
        assertEquals(p.total(), p.content() + p.style() + p.tv(), 1e-9 * p.total());

        Random r = new Random(11);
        double[] scratch = new double[x.length];
        double eps = 1e-3;
        double worst = 0;
        for (int k = 0; k < 25; k++) {
            int i = r.nextInt(x.length);
            double keep = x[i];
            x[i] = keep + eps;
            double fp = loss.evaluate(x, scratch).total();
            x[i] = keep - eps;
            double fm = loss.evaluate(x, scratch).total();
            x[i] = keep;
            double numeric = (fp - fm) / (2 * eps);
            double err = Math.abs(numeric - g[i]) / Math.max(1e-8, Math.abs(numeric) + Math.abs(g[i]));
            worst = Math.max(worst, err);
        }
        assertTrue(worst < 1e-4, "worst relative error " + worst);
    }

    @Test
    void contentAtItsOwnImageIsZeroAndStyleAtItsOwnImageIsZero() {
        int w = 40;
        int h = 40;
        StyleBackbone net = StyleBackbone.random(Networks.SQUEEZENET, 3, DataType.DOUBLE);
        LossSpec spec = new LossSpec("fire2", List.of("conv1", "fire2"), new double[] {1, 1}, 1.0, 1.0, 0.0);
        RgbImage img = random(w, h, 5);
        Targets t = Targets.compute(net, spec, img, List.of(img), new double[] {1}, DataType.DOUBLE);
        StyleLoss loss = new StyleLoss(net, spec, t, w, h, DataType.DOUBLE);
        double[] g = new double[3 * w * h];
        StyleLoss.Parts p = loss.evaluate(Caffe.toInput(img), g);
        assertEquals(0, p.content(), 1e-12);
        assertEquals(0, p.style(), 1e-12);
        StyleLoss.Parts q = loss.evaluate(Caffe.toInput(random(w, h, 6)), g);
        assertTrue(q.content() > 0.01 && q.style() > 1e-4, "another image is far from both targets: " + q);
    }
}
