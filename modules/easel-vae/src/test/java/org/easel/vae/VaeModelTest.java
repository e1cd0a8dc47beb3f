package org.easel.vae;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.easel.vae.config.VaeConfig;
import org.easel.vae.model.VaeModel;
import org.easel.vae.model.VaeSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class VaeModelTest {

    static VaeSpec spec(String arch, int c, int h, int w, int latent, String likelihood) {
        VaeConfig cfg = new VaeConfig(arch, latent, List.of(8, 16), 3, List.of(16), likelihood, 0.1, 1.0, 0, 16, 1.0);
        return VaeSpec.of(cfg, c, h, w, "test", List.of("a", "b"), "test");
    }

    static INDArray randomImages(int n, int c, int h, int w, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * c * h * w];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat();
        }
        return Nd4j.create(v, new long[]{n, c, h, w}, 'c');
    }

    @Test
    void convEncoderAndDecoderShapes() {
        VaeModel m = VaeModel.build(spec("conv", 1, 28, 28, 2, "bernoulli"), 1);
        INDArray x = randomImages(3, 1, 28, 28, 1);
        assertArrayEquals(new long[]{3, 2}, m.encodeMean(x).shape());
        INDArray y = m.decode(Nd4j.randn(DataType.FLOAT, 5, 2));
        assertArrayEquals(new long[]{5, 1, 28, 28}, y.shape());
        assertTrue(y.minNumber().doubleValue() >= 0 && y.maxNumber().doubleValue() <= 1);
        assertArrayEquals(new long[]{3, 1, 28, 28}, m.reconstruct(x).shape());
    }

    @Test
    void denseAndRgbConvShapes() {
        VaeModel dense = VaeModel.build(spec("dense", 3, 16, 12, 4, "gaussian"), 1);
        assertArrayEquals(new long[]{2, 4}, dense.encodeMean(randomImages(2, 3, 16, 12, 2)).shape());
        assertArrayEquals(new long[]{2, 3, 16, 12}, dense.decode(Nd4j.zeros(DataType.FLOAT, 2, 4)).shape());
        VaeModel conv = VaeModel.build(spec("conv", 3, 32, 24, 4, "bernoulli"), 1);
        assertArrayEquals(new long[]{2, 4}, conv.encodeMean(randomImages(2, 3, 32, 24, 2)).shape());
        assertArrayEquals(new long[]{2, 3, 32, 24}, conv.decode(Nd4j.zeros(DataType.FLOAT, 2, 4)).shape());
    }

    @Test
    void klTermMatchesClosedFormAndReconstructionMatchesBce() {
        VaeModel m = VaeModel.build(spec("conv", 1, 28, 28, 2, "bernoulli"), 3);
        // Zero the weights of the mu / logvar heads so their outputs are the known biases.
        float[] mu = {0.5f, -1.25f};
        float[] logvar = {0.2f, -0.7f};
        m.sameDiff().getArrForVarName("enc_mu_W").assign(0);
        m.sameDiff().getArrForVarName("enc_logvar_W").assign(0);
        m.sameDiff().getArrForVarName("enc_mu_b").assign(Nd4j.createFromArray(mu));
        m.sameDiff().getArrForVarName("enc_logvar_b").assign(Nd4j.createFromArray(logvar));
        double expectedKl = 0;
        for (int i = 0; i < 2; i++) {
            expectedKl += -0.5 * (1 + logvar[i] - mu[i] * mu[i] - Math.exp(logvar[i]));
        }
        INDArray x = randomImages(4, 1, 28, 28, 7);
        INDArray eps = Nd4j.zeros(DataType.FLOAT, 4, 2);
        Map<String, INDArray> out = m.sameDiff().output(Map.of(VaeModel.INPUT, x, VaeModel.EPS, eps, VaeModel.BETA, Nd4j.scalar(1f)),
                VaeModel.KL, VaeModel.REC, VaeModel.RECON, VaeModel.LOSS);
        for (int i = 0; i < 4; i++) {
            assertEquals(expectedKl, out.get(VaeModel.KL).getDouble(i), 1e-5);
        }
        // With eps = 0, z = mu; the reconstruction term is the BCE of x against sigmoid(logits), summed over pixels.
        float[] p = out.get(VaeModel.RECON).dup('c').data().asFloat();
        float[] xv = x.dup('c').data().asFloat();
        double bce0 = 0;
        for (int j = 0; j < 784; j++) {
            bce0 -= xv[j] * Math.log(p[j]) + (1 - xv[j]) * Math.log(1 - p[j]);
        }
        assertEquals(bce0, out.get(VaeModel.REC).getDouble(0), 1e-3 * bce0);
        double meanRec = out.get(VaeModel.REC).meanNumber().doubleValue();
        assertEquals(meanRec + expectedKl, out.get(VaeModel.LOSS).getDouble(), 1e-3);
    }
}
