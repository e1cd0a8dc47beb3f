package org.easel.vae.model;

import java.util.List;
import org.easel.vae.config.VaeConfig;

/**
 * Everything needed to rebuild, interpret and describe a trained VAE, stored as JSON next to the
 * SameDiff graph in the model file. {@code format} marks the file as an Easel VAE.
 */
public record VaeSpec(String format, int version, String architecture, int latentDim, List<Integer> filters, int kernel,
                      List<Integer> hidden, String likelihood, double gaussianSigma, int channels, int height, int width,
                      String dataset, List<String> classes, String easelVersion) {

    public static final String FORMAT = "easel-vae";
    public static final int VERSION = 1;

    public static VaeSpec of(VaeConfig c, int channels, int height, int width, String dataset, List<String> classes,
                             String easelVersion) {
        return new VaeSpec(FORMAT, VERSION, c.architecture(), c.latentDim(), List.copyOf(c.filters()), c.kernel(),
                List.copyOf(c.hidden()), c.likelihood(), c.gaussianSigma(), channels, height, width, dataset,
                List.copyOf(classes), easelVersion);
    }

    public boolean conv() {
        return "conv".equals(architecture);
    }

    public boolean bernoulli() {
        return "bernoulli".equals(likelihood);
    }

    public int pixels() {
        return channels * height * width;
    }

    /** Spatial size after the stride-2 encoder convs (same padding: ceil division). */
    public int codeHeight() {
        return height >> filters.size();
    }

    public int codeWidth() {
        return width >> filters.size();
    }
}
