package org.easel.vae.report;

import java.util.List;
import java.util.Locale;
import org.easel.vae.model.VaeSpec;
import org.easel.vae.train.VaeEpoch;

/** report.md of a VAE run: what was trained, the per-epoch terms, the test -ELBO and the figures. */
public final class VaeReport {
    private VaeReport() {
    }

    public static String markdown(String name, String configYaml, VaeSpec spec, long parameters, int trainImages, int testImages,
                                  List<VaeEpoch> history, List<String> figures, List<String> skipped) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(name).append(" (variational autoencoder)\n\n");
        VaeEpoch last = history.isEmpty() ? null : history.get(history.size() - 1);
        sb.append(String.format(Locale.ROOT, "- Model: %s VAE, latent %d, %s likelihood, %,d parameters, images %dx%dx%d (%s)%n",
                spec.architecture(), spec.latentDim(), spec.likelihood(), parameters, spec.channels(), spec.height(), spec.width(),
                spec.dataset()));
        sb.append(String.format(Locale.ROOT, "- Data: %d training images, %d test images%n", trainImages, testImages));
        if (last != null) {
            sb.append(String.format(Locale.ROOT, "- **Test negative ELBO: %.2f nats per image** (reconstruction %.2f + KL %.2f), after %d epochs%n",
                    last.testNegElbo(), last.testReconstruction(), last.testKl(), last.epoch()));
            double train = history.stream().mapToDouble(VaeEpoch::trainSeconds).sorted().toArray()[history.size() / 2];
            sb.append(String.format(Locale.ROOT, "- Median training time per epoch: %.1f s%n", train));
        }
        sb.append("\nThe negative ELBO is the reconstruction term (").append(spec.bernoulli()
                ? "binary cross-entropy summed over pixels" : "Gaussian negative log-likelihood summed over pixels")
                .append(") plus KL(q(z|x) || N(0, I)), averaged over the test images with one z per image (fixed seed);")
                .append(" it is an upper bound on -log p(x).\n\n");
        sb.append("| epoch | train loss | train reconstruction | train KL | KL weight | test reconstruction | test KL | test -ELBO | train s | total s |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (VaeEpoch e : history) {
            sb.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.3f | %.2f | %.2f | %.2f | %.1f | %.1f |%n", e.epoch(), e.trainLoss(),
                    e.trainReconstruction(), e.trainKl(), e.klWeight(), e.testReconstruction(), e.testKl(), e.testNegElbo(), e.trainSeconds(), e.seconds()));
        }
        sb.append("\n## Figures\n\n");
        for (String f : figures) {
            sb.append("### ").append(f).append("\n\n![").append(f).append("](").append(f).append(")\n\n");
        }
        if (!skipped.isEmpty()) {
            sb.append("## Skipped files\n\n");
            skipped.forEach(s -> sb.append("- ").append(s).append('\n'));
            sb.append('\n');
        }
        sb.append("## Config\n\n```yaml\n").append(configYaml).append("```\n");
        return sb.toString();
    }
}
