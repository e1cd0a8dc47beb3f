package org.easel.vae;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.easel.core.data.LabeledData;
import org.easel.core.error.EaselException;
import org.easel.vae.model.VaeFiles;
import org.easel.vae.model.VaeModel;
import org.easel.vae.model.VaeSpec;
import org.easel.vae.report.ImageGrid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Draws images from a trained VAE: prior samples, reconstructions, latent interpolations and the
 * 2-D latent manifold. The CLI's {@code easel sample} is
 * {@code VaeSampler.load(model).sampleGrid(n, seed, temperature, out)}.
 */
public final class VaeSampler {
    /** The model file name inside a run folder. */
    public static final String MODEL_FILE = "vae.zip";

    private final VaeModel model;

    private VaeSampler(VaeModel model) {
        this.model = model;
    }

    /** Loads {@code path}: a vae.zip, or a run folder containing one. Anything else fails with an {@link EaselException}. */
    public static VaeSampler load(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve(MODEL_FILE) : path;
        if (Files.isDirectory(path) && !Files.isRegularFile(file)) {
            throw new EaselException(path + " is a folder without " + MODEL_FILE + ": pass the run folder of a finished"
                    + " 'easel run' with task: vae, or the model file itself.");
        }
        return new VaeSampler(VaeFiles.load(file, false));
    }

    public static VaeSampler of(VaeModel model) {
        return new VaeSampler(model);
    }

    public VaeSpec spec() {
        return model.spec();
    }

    /** {@code n} images [n, c, h, w] decoded from z ~ N(0, temperature^2 I), reproducible from {@code seed}. */
    public INDArray sample(int n, long seed, double temperature) {
        if (n < 1 || n > 4096) {
            throw new EaselException("The number of samples must be 1..4096, found " + n + ".");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new EaselException("The sampling temperature must be > 0 (1 = the prior, e.g. 0.8 for sharper samples), found " + temperature + ".");
        }
        return model.decode(VaeModel.gaussian(new Random(seed), n, model.spec().latentDim(), temperature));
    }

    /** Writes {@code n} prior samples as a near-square PNG grid and returns {@code out}. */
    public Path sampleGrid(int n, long seed, double temperature, Path out) {
        INDArray images = sample(n, seed, temperature);
        ImageGrid.write(images, gridColumns(n), out);
        return out;
    }

    public static int gridColumns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    /** Inputs and their reconstructions (through the posterior mean): input rows alternate with output rows, {@code cols} per row. */
    public void reconstructions(LabeledData data, int n, int cols, Path out) {
        checkShape(data);
        n = Math.min(n, data.size());
        INDArray inputs = VaeModel.images(data, 0, n);
        INDArray outputs = model.reconstruct(inputs);
        int rows = (n + cols - 1) / cols;
        INDArray grid = Nd4j.zeros(inputs.dataType(), 2L * rows * cols, data.channels(), data.height(), data.width());
        for (int i = 0; i < n; i++) {
            int r = i / cols;
            int c = i % cols;
            grid.putSlice(2 * r * cols + c, inputs.slice(i));
            grid.putSlice((2 * r + 1) * cols + c, outputs.slice(i));
        }
        ImageGrid.write(grid, cols, out);
    }

    /**
     * One row per pair: image a, {@code steps} decodings along the straight line between the two posterior
     * means, image b.
     */
    public void interpolation(LabeledData data, int[][] pairs, int steps, Path out) {
        checkShape(data);
        int cols = steps + 2;
        INDArray grid = Nd4j.zeros(DataType.FLOAT, (long) pairs.length * cols, data.channels(), data.height(), data.width());
        for (int p = 0; p < pairs.length; p++) {
            INDArray ends = VaeModel.images(data, pairs[p]);
            INDArray mu = model.encodeMean(ends);
            INDArray z = Nd4j.zeros(mu.dataType(), steps, mu.size(1));
            for (int s = 0; s < steps; s++) {
                double t = steps == 1 ? 0.5 : s / (double) (steps - 1);
                z.putRow(s, mu.getRow(0).mul(1 - t).add(mu.getRow(1).mul(t)));
            }
            INDArray decoded = model.decode(z);
            grid.putSlice(p * cols, ends.slice(0));
            for (int s = 0; s < steps; s++) {
                grid.putSlice(p * cols + 1 + s, decoded.slice(s));
            }
            grid.putSlice(p * cols + cols - 1, ends.slice(1));
        }
        ImageGrid.write(grid, cols, out);
    }

    /** For a 2-D latent: a size x size grid (unscaled pixels) decoded at Gaussian quantiles 0.05..0.95 of each axis (z[1] grows upwards). */
    public void manifold(int size, Path out) {
        if (model.spec().latentDim() != 2) {
            throw new EaselException("The latent manifold needs vae.latent_dim 2; this model has " + model.spec().latentDim() + ".");
        }
        INDArray z = Nd4j.zeros(DataType.FLOAT, (long) size * size, 2);
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                z.putScalar(new long[]{r * size + c, 0}, quantile(c, size));
                z.putScalar(new long[]{r * size + c, 1}, quantile(size - 1 - r, size));
            }
        }
        ImageGrid.write(model.decode(z), size, 1, out);
    }

    private static double quantile(int i, int size) {
        double p = 0.05 + 0.9 * i / (size - 1.0);
        return Math.sqrt(2) * Erf.erfInv(2 * p - 1);
    }

    /** Posterior means of the first {@code n} images as float[n][latent]. */
    public float[][] encode(LabeledData data, int n) {
        checkShape(data);
        n = Math.min(n, data.size());
        float[][] out = new float[n][];
        for (int from = 0; from < n; from += 1000) {
            int to = Math.min(n, from + 1000);
            INDArray mu = model.encodeMean(VaeModel.images(data, from, to));
            for (int i = from; i < to; i++) {
                out[i] = mu.getRow(i - from).toFloatVector();
            }
        }
        return out;
    }

    private void checkShape(LabeledData data) {
        VaeSpec s = model.spec();
        if (data.channels() != s.channels() || data.height() != s.height() || data.width() != s.width()) {
            throw new EaselException("Images are " + data.channels() + "x" + data.height() + "x" + data.width()
                    + " but the VAE was trained on " + s.channels() + "x" + s.height() + "x" + s.width()
                    + " (channels x height x width); use the same data.image_size and data.channels.");
        }
    }

}
