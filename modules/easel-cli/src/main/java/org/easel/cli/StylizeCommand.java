package org.easel.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.easel.core.progress.ConsoleProgress;
import org.easel.style.StyleOptions;
import org.easel.style.StyleResult;
import org.easel.style.StyleTransfer;
import org.easel.style.config.StyleConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stylize", mixinStandardHelpOptions = true, description = {
        "Paint a photo in the style of a painting (Gatys et al. on ImageNet features).",
        "Example: easel stylize --content photo.jpg --style painting.jpg --out result.png --size 384 --iterations 300",
        "Pretrained features: SqueezeNet (or VGG16) .h5 in pretrained/ or $EASEL_PRETRAINED."})
final class StylizeCommand implements Callable<Integer> {
    @Option(names = "--content", required = true, paramLabel = "<photo>", description = "The photo whose structure is kept")
    Path content;

    @Option(names = "--style", required = true, paramLabel = "<painting>", description = "Style image (repeat for several)")
    List<Path> styles = new ArrayList<>();

    @Option(names = "--style-weight", paramLabel = "<w>", description = "Weight per style image, same order (repeatable)")
    List<Double> styleWeights = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "<result.png>", description = "Result image")
    Path out;

    @Option(names = "--size", paramLabel = "<px>", description = "Long side of the result (default ${DEFAULT-VALUE})", defaultValue = "384")
    int size;

    @Option(names = "--iterations", paramLabel = "<n>", description = "Loss+gradient evaluations (default ${DEFAULT-VALUE})", defaultValue = "300")
    int iterations;

    @Option(names = "--optimizer", paramLabel = "lbfgs|adam", defaultValue = "lbfgs", description = "Default ${DEFAULT-VALUE}")
    String optimizer;

    @Option(names = "--init", paramLabel = "content|style|noise", defaultValue = "content", description = "Start image (default ${DEFAULT-VALUE})")
    String init;

    @Option(names = "--preserve-colors", description = "Keep the photo's colours; transfer style on luminance only")
    boolean preserveColors;

    @Option(names = "--scales", paramLabel = "<n>", defaultValue = "2", description = "Coarse-to-fine scales (default ${DEFAULT-VALUE})")
    int scales;

    @Option(names = {"--backbone", "--network"}, paramLabel = "auto|vgg16|squeezenet", defaultValue = "auto",
            description = "Backbone (feature network; --network is its old name), default ${DEFAULT-VALUE}")
    String backbone;

    @Option(names = "--report-dir", paramLabel = "<dir>", description = "Also write frames, loss curve, panel and report.md here")
    Path reportDir;

    @Override
    public Integer call() {
        StyleOptions o = StyleOptions.of(content, styles.get(0), out);
        StyleConfig c = o.config()
                .withStyle(styles.stream().map(Path::toString).toList(), styleWeights)
                .withSize(size).withIterations(iterations).withInit(init).withPreserveColors(preserveColors).withScales(scales)
                .withOptimizer(optimizer, o.config().learningRate())
                .withBackbone(backbone, o.config().weights(), o.config().pretrainedDir());
        o = o.withConfig(c);
        if (reportDir != null) {
            o = o.withOutDir(reportDir);
        }
        StyleResult r = StyleTransfer.run(o, ConsoleProgress.forStdout());
        r.notes().forEach(n -> System.out.println("note: " + n));
        System.out.printf("Loss %.4g -> %.4g (%.1f%% lower) in %d iterations, %.0f s (%.2f s/iteration) with %s%s%nWrote %s%n",
                r.initialLoss(), r.finalLoss(), 100 * r.lossDrop(), r.iterations(), r.seconds(), r.secondsPerIteration(),
                r.backbone(), r.pretrained() ? " (ImageNet)" : " (RANDOM weights: mechanics only)", r.image());
        return 0;
    }
}
