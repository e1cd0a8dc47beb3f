package org.easel.vae.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.enums.DataFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A VAE as one SameDiff graph. The training path is input -> encoder -> (mu, logvar) ->
 * z = mu + eps * exp(logvar / 2) -> decoder -> logits; the reparameterisation noise {@code eps} and
 * the KL weight {@code beta} are placeholders so that every step is reproducible from the run seed
 * (the Java side draws the noise) and the KL warm-up needs no graph change. A second decoder path
 * shares the decoder weights but starts from the placeholder {@code z}, which is what sampling uses.
 * DL4J's own VAE layer is dense-only, hence SameDiff (which also runs convs much faster). Transposed
 * convs are built as sub-pixel convs: conv2d + depth-to-space (see Decoder#apply).
 */
public final class VaeModel {
    public static final String INPUT = "input";
    public static final String EPS = "eps";
    public static final String BETA = "beta";
    public static final String Z = "z";
    public static final String MU = "mu";
    public static final String LOGVAR = "logvar";
    public static final String RECON = "recon";
    public static final String SAMPLE = "sample";
    public static final String REC = "rec";
    public static final String KL = "kl";
    public static final String LOSS = "loss";

    private final SameDiff sd;
    private final VaeSpec spec;

    private VaeModel(SameDiff sd, VaeSpec spec) {
        this.sd = sd;
        this.spec = spec;
    }

    /** Wraps a graph loaded from a file (see {@link VaeFiles}). */
    public static VaeModel wrap(SameDiff sd, VaeSpec spec) {
        for (String name : List.of(INPUT, EPS, Z, MU, LOGVAR, SAMPLE, REC, KL, LOSS)) {
            if (!sd.hasVariable(name)) {
                throw new EaselException("The model graph has no variable '" + name + "': it was not written by Easel's VAE "
                        + "(or by an incompatible version). Train a model with 'easel run' and task: vae.");
            }
        }
        return new VaeModel(sd, spec);
    }

    /** Builds a freshly initialised VAE (Glorot-uniform weights, zero biases, drawn from {@code seed}). */
    public static VaeModel build(VaeSpec spec, long seed) {
        if (spec.conv()) {
            int factor = 1 << spec.filters().size();
            if (spec.height() % factor != 0 || spec.width() % factor != 0) {
                throw new EaselException("vae.filters has " + spec.filters().size() + " stride-2 conv layers, so the image height and width"
                        + " must be multiples of " + factor + "; found " + spec.height() + "x" + spec.width()
                        + ". Change data.image_size (image folders) or use fewer vae.filters.");
            }
        }
        Init init = new Init(seed);
        SameDiff sd = SameDiff.create();
        int c = spec.channels();
        int h = spec.height();
        int w = spec.width();
        int latent = spec.latentDim();
        SDVariable x = sd.placeHolder(INPUT, DataType.FLOAT, -1, c, h, w);
        SDVariable eps = sd.placeHolder(EPS, DataType.FLOAT, -1, latent);
        SDVariable beta = sd.placeHolder(BETA, DataType.FLOAT);
        SDVariable zIn = sd.placeHolder(Z, DataType.FLOAT, -1, latent);

        // Encoder
        SDVariable feat = x;
        int inC = c;
        if (spec.conv()) {
            Conv2DConfig conv = Conv2DConfig.builder().kH(spec.kernel()).kW(spec.kernel()).sH(2).sW(2)
                    .paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW).build();
            for (int i = 0; i < spec.filters().size(); i++) {
                int outC = spec.filters().get(i);
                int k = spec.kernel();
                SDVariable wv = init.weight(sd, "enc_conv" + i + "_W", k * k * inC, k * k * outC, k, k, inC, outC);
                SDVariable bv = init.bias(sd, "enc_conv" + i + "_b", outC);
                feat = sd.nn.relu(sd.cnn.conv2d(feat, wv, bv, conv), 0);
                inC = outC;
            }
        }
        int flat = spec.conv() ? inC * spec.codeHeight() * spec.codeWidth() : spec.pixels();
        feat = feat.reshape(-1, flat);
        int units = flat;
        for (int i = 0; i < spec.hidden().size(); i++) {
            feat = sd.nn.relu(dense(sd, init, "enc_dense" + i, feat, units, spec.hidden().get(i)), 0);
            units = spec.hidden().get(i);
        }
        SDVariable mu = sd.identity(MU, dense(sd, init, "enc_mu", feat, units, latent));
        SDVariable logvar = sd.identity(LOGVAR, dense(sd, init, "enc_logvar", feat, units, latent));
        SDVariable z = mu.add(eps.mul(sd.math.exp(logvar.mul(0.5))));

        // Decoder weights, shared by the training path (z from the encoder) and the sampling path (z placeholder)
        Decoder decoder = new Decoder(sd, init, spec);
        SDVariable logits = decoder.apply(z);
        sd.nn.sigmoid(RECON, logits);
        sd.nn.sigmoid(SAMPLE, decoder.apply(zIn));

        // Loss terms per image, in nats
        SDVariable rec;
        if (spec.bernoulli()) {
            // Binary cross-entropy from logits, stable form: max(l,0) - l*x + log(1 + exp(-|l|))
            SDVariable bce = sd.nn.relu(logits, 0).sub(logits.mul(x)).add(sd.math.log1p(sd.math.exp(sd.math.neg(sd.math.abs(logits)))));
            rec = bce.sum(REC, 1, 2, 3);
        } else {
            double s2 = spec.gaussianSigma() * spec.gaussianSigma();
            SDVariable diff = x.sub(sd.nn.sigmoid(logits));
            rec = sd.math.square(diff).sum(1, 2, 3).mul(0.5 / s2).add(REC, 0.5 * spec.pixels() * Math.log(2 * Math.PI * s2));
        }
        SDVariable kl = logvar.add(1.0).sub(sd.math.square(mu)).sub(sd.math.exp(logvar)).sum(1).mul(KL, -0.5);
        SDVariable loss = rec.add(kl.mul(beta)).mean(LOSS);
        sd.setLossVariables(loss);
        return new VaeModel(sd, spec);
    }

    private static SDVariable dense(SameDiff sd, Init init, String name, SDVariable in, int nIn, int nOut) {
        SDVariable wv = init.weight(sd, name + "_W", nIn, nOut, nIn, nOut);
        SDVariable bv = init.bias(sd, name + "_b", nOut);
        return in.mmul(wv).add(bv);
    }

    /** Decoder: (dense layers) -> dense to the code shape -> (stride-2 transposed convs) -> logits [n, c, h, w]. */
    private static final class Decoder {
        private final VaeSpec spec;
        private final List<SDVariable[]> dense = new ArrayList<>();
        private final List<SDVariable[]> deconv = new ArrayList<>();
        private final SameDiff sd;

        Decoder(SameDiff sd, Init init, VaeSpec spec) {
            this.sd = sd;
            this.spec = spec;
            int units = spec.latentDim();
            List<Integer> widths = new ArrayList<>();
            if (!spec.conv()) {
                // dense decoders mirror the encoder's hidden layers
                for (int i = spec.hidden().size() - 1; i >= 0; i--) {
                    widths.add(spec.hidden().get(i));
                }
                widths.add(spec.pixels());
            } else {
                // conv decoders go straight from z to the code map, as in the Keras example
                widths.add(spec.filters().get(spec.filters().size() - 1) * spec.codeHeight() * spec.codeWidth());
            }
            for (int i = 0; i < widths.size(); i++) {
                int out = widths.get(i);
                dense.add(new SDVariable[]{init.weight(sd, "dec_dense" + i + "_W", units, out, units, out),
                        init.bias(sd, "dec_dense" + i + "_b", out)});
                units = out;
            }
            if (spec.conv()) {
                int k = spec.kernel();
                int inC = spec.filters().get(spec.filters().size() - 1);
                List<Integer> outs = new ArrayList<>();
                for (int i = spec.filters().size() - 1; i >= 0; i--) {
                    outs.add(spec.filters().get(i));
                }
                outs.add(spec.channels());
                for (int i = 0; i < outs.size(); i++) {
                    int outC = outs.get(i);
                    // conv2d weights [kH, kW, inC, outC]; the stride-2 layers are sub-pixel convs (see apply())
                    boolean last = i == outs.size() - 1;
                    int kk = last ? k : (k + 1) / 2;
                    int outs4 = last ? outC : 4 * outC;
                    deconv.add(new SDVariable[]{init.weight(sd, "dec_deconv" + i + "_W", k * k * inC, k * k * outC, kk, kk, inC, outs4),
                            init.bias(sd, "dec_deconv" + i + "_b", outs4)});
                    inC = outC;
                }
            }
        }

        SDVariable apply(SDVariable z) {
            SDVariable h = z;
            for (int i = 0; i < dense.size(); i++) {
                h = h.mmul(dense.get(i)[0]).add(dense.get(i)[1]);
                boolean last = i == dense.size() - 1;
                if (!last || spec.conv()) {
                    h = sd.nn.relu(h, 0);
                }
            }
            if (!spec.conv()) {
                return h.reshape(-1, spec.channels(), spec.height(), spec.width());
            }
            int codeC = spec.filters().get(spec.filters().size() - 1);
            h = h.reshape(-1, codeC, spec.codeHeight(), spec.codeWidth());
            // A stride-2 transposed conv with a k x k kernel and same padding gives each output pixel a
            // window of ceil(k/2) x ceil(k/2) input pixels, with one kernel slice per output parity. So it
            // equals a stride-1 conv with a ceil(k/2) kernel and 4x the output channels, followed by
            // depth-to-space (a "sub-pixel" conv), up to a fixed reordering of the learned weights.
            // libnd4j's deconv2d (M2.1) is ~30x slower than its oneDNN conv2d and took > 90% of each step.
            Conv2DConfig subPixel = Conv2DConfig.builder().kH((spec.kernel() + 1) / 2).kW((spec.kernel() + 1) / 2).sH(1).sW(1)
                    .paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW).build();
            Conv2DConfig plain = Conv2DConfig.builder().kH(spec.kernel()).kW(spec.kernel()).sH(1).sW(1)
                    .paddingMode(PaddingMode.SAME).dataFormat(Conv2DConfig.NCHW).build();
            for (int i = 0; i < deconv.size(); i++) {
                boolean last = i == deconv.size() - 1;
                h = sd.cnn.conv2d(h, deconv.get(i)[0], deconv.get(i)[1], last ? plain : subPixel);
                if (!last) {
                    h = sd.nn.relu(sd.cnn.depthToSpace(h, 2, DataFormat.NCHW), 0);
                }
            }
            return h;
        }
    }

    /** Seeded Glorot-uniform initialisation done in Java, so weights do not depend on ND4J's global RNG. */
    private static final class Init {
        private final Random random;

        Init(long seed) {
            this.random = new Random(seed);
        }

        SDVariable weight(SameDiff sd, String name, int fanIn, int fanOut, long... shape) {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            float[] values = new float[(int) n];
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
            }
            return sd.var(name, Nd4j.create(values, shape, 'c'));
        }

        SDVariable bias(SameDiff sd, String name, int n) {
            return sd.var(name, Nd4j.zeros(DataType.FLOAT, n));
        }
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public VaeSpec spec() {
        return spec;
    }

    public long parameterCount() {
        long n = 0;
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                n += v.getArr().length();
            }
        }
        return n;
    }

    /** Posterior means mu for images [n, c, h, w]. */
    public INDArray encodeMean(INDArray images) {
        return sd.output(Map.of(INPUT, images), MU).get(MU);
    }

    /** Pixel probabilities (bernoulli) or means (gaussian) for latent codes [n, latent]. */
    public INDArray decode(INDArray z) {
        return sd.output(Map.of(Z, z), SAMPLE).get(SAMPLE);
    }

    /** Reconstructions through the posterior mean (no noise). */
    public INDArray reconstruct(INDArray images) {
        return decode(encodeMean(images));
    }

    /** Mean reconstruction term, KL term and negative ELBO per image, in nats. */
    public record Terms(double reconstruction, double kl, int images) {
        public double negativeElbo() {
            return reconstruction + kl;
        }
    }

    /**
     * Evaluates -ELBO = E_q[-log p(x|z)] + KL(q(z|x) || p(z)) on {@code data} with one z per image drawn
     * from {@code seed} (as the Keras and PyTorch references do), with beta = 1 whatever the training weight.
     */
    public Terms evaluate(LabeledData data, long seed) {
        Random noise = new Random(seed);
        int batch = 500;
        double rec = 0;
        double kl = 0;
        for (int from = 0; from < data.size(); from += batch) {
            int to = Math.min(data.size(), from + batch);
            Map<String, INDArray> in = new HashMap<>();
            in.put(INPUT, images(data, from, to));
            in.put(EPS, gaussian(noise, to - from, spec.latentDim(), 1.0));
            in.put(BETA, Nd4j.scalar(1.0f));
            Map<String, INDArray> out = sd.output(in, REC, KL);
            rec += out.get(REC).sumNumber().doubleValue();
            kl += out.get(KL).sumNumber().doubleValue();
        }
        int n = Math.max(1, data.size());
        return new Terms(rec / n, kl / n, data.size());
    }

    /** Images {@code from}..{@code to} of {@code data} as [n, c, h, w]. */
    public static INDArray images(LabeledData data, int from, int to) {
        int f = data.featureSize();
        float[] p = Arrays.copyOfRange(data.pixels(), from * f, to * f);
        return Nd4j.create(p, new long[]{to - from, data.channels(), data.height(), data.width()}, 'c');
    }

    /** Images at the given indices as [n, c, h, w]. */
    public static INDArray images(LabeledData data, int[] indices) {
        int f = data.featureSize();
        float[] p = new float[indices.length * f];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data.pixels(), indices[i] * f, p, i * f, f);
        }
        return Nd4j.create(p, new long[]{indices.length, data.channels(), data.height(), data.width()}, 'c');
    }

    /** Standard normal noise [rows, cols] scaled by {@code scale}, from a Java RNG (reproducible). */
    public static INDArray gaussian(Random random, int rows, int cols, double scale) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        return Nd4j.create(v, new long[]{rows, cols}, 'c');
    }
}
