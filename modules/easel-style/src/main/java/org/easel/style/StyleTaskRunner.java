package org.easel.style;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.run.RunFolder;
import org.easel.core.run.RunResult;
import org.easel.core.run.TaskRunner;
import org.easel.core.train.TrainingListener;
import org.easel.style.config.StyleConfig;
import org.easel.style.config.StyleSection;

/** {@code task: style}: runs the {@code style:} section into the run folder (result.png, frames/, loss.png, panel.png, report.md). */
public final class StyleTaskRunner implements TaskRunner {
    @Override
    public String task() {
        return "style";
    }

    @Override
    public RunResult run(ExperimentConfig config, RunFolder run, boolean resuming, TrainingListener listener) {
        if (resuming) {
            listener.onMessage("Style transfer keeps no checkpoint; the run starts again from the beginning.");
        }
        StyleConfig style = config.section(StyleSection.KEY, StyleConfig.class);
        StyleOptions options = new StyleOptions(style, run.dir().resolve("result.png"), run.dir(), config.seed(),
                config.data().download());
        StyleResult r = StyleTransfer.run(options, listener);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss_initial", r.initialLoss());
        metrics.put("loss_final", r.finalLoss());
        metrics.put("loss_drop", r.lossDrop());
        metrics.put("iterations", (double) r.iterations());
        metrics.put("seconds", r.seconds());
        metrics.put("seconds_per_iteration", r.secondsPerIteration());
        String headline = String.format("Stylized %s (%dx%d, %s): loss %.4g -> %.4g (%.1f%% lower) in %.0f s; result %s",
                Path.of(style.content()).getFileName(), r.width(), r.height(), r.backbone(), r.initialLoss(), r.finalLoss(),
                100 * r.lossDrop(), r.seconds(), r.image());
        return new RunResult(run.dir(), headline, metrics, null);
    }
}
