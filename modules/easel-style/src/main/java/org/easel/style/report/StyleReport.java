package org.easel.style.report;

import java.nio.file.Path;
import org.easel.style.StyleResult;
import org.easel.style.config.StyleConfig;
import org.easel.style.loss.LossSpec;

/** The run's report.md: the pictures first, then how the loss fell, the settings and any warnings. */
public final class StyleReport {
    private StyleReport() {
    }

    public static String markdown(StyleConfig c, LossSpec spec, StyleResult r, Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Style transfer report\n\n");
        if (!r.pretrained()) {
            sb.append("> **WARNING: random network weights.** The features mean nothing, so this is a test of the mechanics, "
                    + "not a style transfer. Use `weights: imagenet`.\n\n");
        }
        sb.append("![content | style | result](panel.png)\n\n");
        sb.append("Result: `").append(relative(dir, r.image()))
                .append("` (").append(r.width()).append("x").append(r.height()).append(")\n\n");
        sb.append("## Loss\n\n![loss](loss.png)\n\n");
        sb.append(String.format("- Total loss: %.5g at the first iteration -> %.5g at the last: **%.1f%% lower**%n",
                r.initialLoss(), r.finalLoss(), 100 * r.lossDrop()));
        sb.append(String.format("- Iterations (loss + gradient evaluations): %d; wall time %.1f s; %.3f s per iteration%n",
                r.iterations(), r.seconds(), r.secondsPerIteration()));
        sb.append("\n| scale | size | iterations | loss start | loss end | seconds | s/iteration | stopped because |\n|---|---|---|---|---|---|---|---|\n");
        int k = 1;
        for (StyleResult.ScaleRun s : r.scales()) {
            sb.append(String.format("| %d | %dx%d | %d | %.5g | %.5g | %.1f | %.3f | %s |%n", k++, s.width(), s.height(), s.iterations(),
                    s.startLoss(), s.endLoss(), s.seconds(), s.seconds() / Math.max(1, s.iterations()), s.stopReason()));
        }
        sb.append("\nEach term is normalised by its target (content: ||F-P||^2/||P||^2; style: per layer ||G-A||^2/||A||^2; "
                + "TV relative to the content photo's), then weighted. Per-iteration values: `losses.csv`.\n");
        sb.append("\n## Settings\n\n");
        sb.append("- Content: `").append(c.content()).append("`\n");
        for (int i = 0; i < c.style().size(); i++) {
            sb.append("- Style: `").append(c.style().get(i)).append("`");
            if (!c.styleWeights().isEmpty()) {
                sb.append(" (weight ").append(c.styleWeights().get(i)).append(")");
            }
            sb.append("\n");
        }
        sb.append("- Backbone: ").append(r.backbone()).append("\n");
        sb.append("- Content layer: `").append(spec.contentLayer()).append("`\n- Style layers (weight): ");
        for (int i = 0; i < spec.styleLayers().size(); i++) {
            sb.append(i > 0 ? ", " : "").append("`").append(spec.styleLayers().get(i)).append("` (")
                    .append(String.format("%.3f", spec.styleLayerWeights()[i])).append(")");
        }
        sb.append(String.format("%n- Weights: content %s, style %s, tv %s%n", c.contentWeight(), c.styleWeight(), c.tvWeight()));
        sb.append("- Optimizer: ").append(c.optimizer()).append("adam".equals(c.optimizer()) ? " (learning rate " + c.learningRate() + ")" : "")
                .append("; init: ").append(c.init()).append("; scales: ").append(c.scales()).append("; preserve colours: ")
                .append(c.preserveColors()).append("\n");
        if (!r.frames().isEmpty()) {
            sb.append("\n## Frames\n\n");
            for (Path f : r.frames()) {
                sb.append("- [").append(f.getFileName()).append("](").append(relative(dir, f)).append(")\n");
            }
        }
        if (!r.notes().isEmpty()) {
            sb.append("\n## Notes and warnings\n\n");
            r.notes().forEach(n -> sb.append("- ").append(n).append("\n"));
        }
        return sb.toString();
    }

    private static String relative(Path dir, Path p) {
        try {
            return dir.toAbsolutePath().relativize(p.toAbsolutePath()).toString();
        } catch (IllegalArgumentException e) {
            return p.toString();
        }
    }
}
