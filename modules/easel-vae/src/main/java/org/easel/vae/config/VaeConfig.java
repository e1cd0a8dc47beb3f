package org.easel.vae.config;

import java.util.List;
import org.easel.core.config.Checks;
import org.easel.core.config.Doc;
import org.easel.core.config.Validated;

/**
 * The {@code vae:} section. Epochs, batch size, optimizer and learning rate come from the core
 * {@code training:} section and the images from {@code data:}; this section only shapes the model
 * and its loss.
 */
@Doc("Variational autoencoder (task: vae)")
public record VaeConfig(
        @Doc("conv (stride-2 conv encoder, transposed-conv decoder) or dense (fully connected)") String architecture,
        @Doc("Size of the latent code z; 2 also draws the latent manifold and a scatter of test encodings") int latentDim,
        @Doc("conv only: filters of each stride-2 conv layer of the encoder; the decoder mirrors them with stride-2 transposed convs") List<Integer> filters,
        @Doc("conv only: kernel size of the (transposed) conv layers") int kernel,
        @Doc("Dense ReLU layers between the image (dense) or the conv features (conv) and the latent code; dense decoders mirror them") List<Integer> hidden,
        @Doc("bernoulli (sigmoid + binary cross-entropy summed over pixels) or gaussian (fixed pixel standard deviation)") String likelihood,
        @Doc("gaussian only: pixel standard deviation of the likelihood") double gaussianSigma,
        @Doc("Weight of the KL term in the loss (1 = the true ELBO; > 1 = beta-VAE); reported ELBOs always use 1") double beta,
        @Doc("Ramp the KL weight linearly from 0 to beta over this many epochs (0 = no warm-up)") int klWarmupEpochs,
        @Doc("Number of prior samples drawn into samples.png (a square grid)") int samples,
        @Doc("Scale of the prior noise for samples.png (1 = the prior; < 1 = sharper, less varied)") double temperature)
        implements Validated {

    public static final List<String> ARCHITECTURES = List.of("conv", "dense");
    public static final List<String> LIKELIHOODS = List.of("bernoulli", "gaussian");

    public static final VaeConfig DEFAULTS = new VaeConfig("conv", 2, List.of(32, 64), 3, List.of(16), "bernoulli", 0.1,
            1.0, 0, 64, 1.0);

    public boolean conv() {
        return "conv".equals(architecture);
    }

    @Override
    public void validate(Checks c) {
        c.oneOf(architecture, "architecture", ARCHITECTURES);
        c.require(latentDim >= 1 && latentDim <= 4096, "latent_dim", "must be 1..4096, found " + latentDim);
        c.require(filters.stream().allMatch(f -> f != null && f > 0), "filters", "every entry must be > 0, found " + filters);
        c.require(!conv() || !filters.isEmpty(), "filters", "architecture conv needs at least one conv layer, e.g. [32, 64]");
        c.require(kernel >= 1 && kernel % 2 == 1, "kernel", "must be an odd number >= 1 (same padding), found " + kernel);
        c.require(hidden.stream().allMatch(h -> h != null && h > 0), "hidden", "every entry must be > 0, found " + hidden);
        c.oneOf(likelihood, "likelihood", LIKELIHOODS);
        c.positive(gaussianSigma, "gaussian_sigma");
        c.require(beta >= 0 && Double.isFinite(beta), "beta", "must be >= 0, found " + beta);
        c.require(klWarmupEpochs >= 0, "kl_warmup_epochs", "must be >= 0 (0 = no warm-up), found " + klWarmupEpochs);
        c.require(samples >= 1 && samples <= 1024, "samples", "must be 1..1024, found " + samples);
        c.positive(temperature, "temperature");
    }
}
