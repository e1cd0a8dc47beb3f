package org.easel.style;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.easel.core.config.Checks;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;
import org.easel.core.train.TrainingListener;
import org.easel.style.config.StyleConfig;
import org.easel.style.image.Caffe;
import org.easel.style.image.ImageFiles;
import org.easel.style.image.RgbImage;
import org.easel.style.image.Yiq;
import org.easel.style.loss.LossSpec;
import org.easel.style.loss.StyleLoss;
import org.easel.style.loss.Targets;
import org.easel.style.model.StyleBackbone;
import org.easel.style.optim.Adam;
import org.easel.style.optim.Lbfgs;
import org.easel.style.optim.Objective;
import org.easel.style.optim.Optimizer;
import org.easel.style.report.LossChart;
import org.easel.style.report.Panel;
import org.easel.style.report.StyleReport;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Neural style transfer (Gatys, Ecker & Bethge 2016): optimise the pixels of an image so its deep
 * features match the content photo and its feature correlations (Gram matrices) match the
 * painting(s). Java entry point: {@code StyleTransfer.run(options, progress)}.
 */
public final class StyleTransfer {
    /** Coarse scales whose long side would fall below this are dropped (the network would see too little). */
    static final int MIN_SCALE_SIDE = 64;

    private final StyleOptions options;
    private final StyleConfig c;
    private final TrainingListener progress;
    private final UnaryOperator<Objective> decorate;
    private final List<String> notes = new ArrayList<>();
    private final List<StyleResult.Step> history = new ArrayList<>();
    private final List<StyleResult.ScaleRun> scaleRuns = new ArrayList<>();
    private final List<Path> frames = new ArrayList<>();

    private StyleTransfer(StyleOptions options, TrainingListener progress, UnaryOperator<Objective> decorate) {
        this.options = options;
        this.c = options.config();
        this.progress = progress != null ? progress : TrainingListener.NONE;
        this.decorate = decorate;
    }

    public static StyleResult run(StyleOptions options, TrainingListener progress) {
        return run(options, progress, UnaryOperator.identity());
    }

    /** For tests: {@code decorate} wraps the loss (e.g. to inject a NaN). */
    static StyleResult run(StyleOptions options, TrainingListener progress, UnaryOperator<Objective> decorate) {
        return new StyleTransfer(options, progress, decorate).execute();
    }

    /** Checks a config built in Java (the YAML binder checks the same rules for config files). */
    public static void validate(StyleConfig config) {
        List<String> problems = new ArrayList<>();
        config.validate(new Checks() {
            @Override
            public void require(boolean ok, String key, String message) {
                if (!ok) {
                    problems.add("style." + key + " " + message);
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new EaselException("Invalid style-transfer settings:\n  - " + String.join("\n  - ", problems));
        }
    }

    private void warn(String message) {
        notes.add(message);
        progress.onMessage(message);
    }

    private StyleResult execute() {
        validate(c);
        if (options.result() == null) {
            throw new EaselException("No output file given for the stylized image (--out).");
        }
        long t0 = System.nanoTime();
        Consumer<String> warn = this::warn;
        RgbImage content = ImageFiles.read(Path.of(c.content()), "content", warn);
        List<RgbImage> styles = new ArrayList<>();
        for (String s : c.style()) {
            styles.add(ImageFiles.read(Path.of(s), "style", warn));
        }
        double[] styleWeights = new double[styles.size()];
        for (int i = 0; i < styleWeights.length; i++) {
            styleWeights[i] = c.styleWeights().isEmpty() ? 1.0 : c.styleWeights().get(i);
        }
        StyleBackbone.Resolved resolved = StyleBackbone.resolve(c.backbone(), c.weights(), c.pretrainedDir(), options.download(), options.seed(),
                DataType.FLOAT);
        resolved.notes().forEach(this::warn);
        StyleBackbone net = resolved.backbone();
        LossSpec spec = lossSpec(net);
        progress.onMessage("Style transfer with " + net.description() + "; content layer " + spec.contentLayer()
                + ", style layers " + spec.styleLayers());

        int[] full = content.sizeForLongSide(c.size());
        RgbImage fullContent = content.resize(full[0], full[1]);
        RgbImage workContent = fullContent;
        List<RgbImage> workStyles = styles;
        if (c.preserveColors()) {
            // Luminance-only transfer: both images become gray, the style's luminance is matched to
            // the content's mean and spread (so the painting's brightness doesn't override the photo's).
            float[] yContent = Yiq.luminance(fullContent);
            workContent = fullContent.luminanceAsRgb();
            workStyles = new ArrayList<>();
            for (RgbImage s : styles) {
                float[] y = Yiq.matchMeanStd(Yiq.luminance(s), yContent);
                float[] d = new float[3 * y.length];
                for (int k = 0; k < 3; k++) {
                    System.arraycopy(y, 0, d, k * y.length, y.length);
                }
                workStyles.add(new RgbImage(s.width(), s.height(), d));
            }
        }

        List<int[]> sizes = scaleSizes(workContent, full);
        int[] perScale = splitIterations(c.iterations(), sizes.size());
        double[] x = null;
        int[] prev = null;
        int done = 0;
        try {
            for (int k = 0; k < sizes.size(); k++) {
                int[] sz = sizes.get(k);
                RgbImage cImg = workContent.resize(sz[0], sz[1]);
                List<RgbImage> sImgs = new ArrayList<>();
                for (RgbImage s : workStyles) {
                    int[] ss = s.sizeForLongSide(Math.max(sz[0], sz[1]));
                    sImgs.add(s.resize(ss[0], ss[1]));
                }
                double[] x0 = k == 0 ? initial(cImg, sImgs.get(0)) : Caffe.toInput(Caffe.fromInput(x, prev[0], prev[1]).resize(sz[0], sz[1]));
                x = optimiseScale(net, spec, cImg, sImgs, styleWeights, x0, k, sizes.size(), perScale[k], done, sz, fullContent);
                done += perScale[k];
                prev = sz;
            }
        } catch (NonFiniteLoss e) {
            RgbImage last = finish(e.lastGood, e.width, e.height, fullContent);
            writeOutputs(last, content, styles, resolved, spec, t0);
            throw new EaselException("The loss became " + e.value + " at iteration " + e.iteration + "; the optimisation was stopped. "
                    + "The last good image (iteration " + e.lastGoodIteration + ") was saved to " + options.result().toAbsolutePath()
                    + ". Lower style.learning_rate or style.style_weight, or use optimizer: lbfgs.");
        }
        int[] last = sizes.get(sizes.size() - 1);
        RgbImage result = finish(x, last[0], last[1], fullContent);
        return writeOutputs(result, content, styles, resolved, spec, t0);
    }

    private LossSpec lossSpec(StyleBackbone net) {
        String contentLayer = c.contentLayer() == null || c.contentLayer().isBlank() ? net.defaults().content() : c.contentLayer();
        net.requireLayer(contentLayer, "content_layer");
        List<String> styleLayers = c.styleLayers().isEmpty() ? net.defaults().style() : c.styleLayers();
        for (String l : styleLayers) {
            net.requireLayer(l, "style_layers");
        }
        List<Double> w = !c.styleLayerWeights().isEmpty() ? c.styleLayerWeights()
                : c.styleLayers().isEmpty() ? net.defaults().styleWeights() : styleLayers.stream().map(l -> 1.0).toList();
        return new LossSpec(contentLayer, styleLayers, w.stream().mapToDouble(Double::doubleValue).toArray(),
                c.contentWeight(), c.styleWeight(), c.tvWeight());
    }

    private List<int[]> scaleSizes(RgbImage content, int[] full) {
        List<int[]> sizes = new ArrayList<>();
        for (int k = c.scales() - 1; k >= 0; k--) {
            int longSide = (int) Math.round(c.size() / Math.pow(2, k));
            if (k > 0 && longSide < MIN_SCALE_SIDE) {
                warn("Scale " + (c.scales() - k) + " (long side " + longSide + " px) is below " + MIN_SCALE_SIDE + " px and was skipped.");
                continue;
            }
            sizes.add(k == 0 ? full : content.sizeForLongSide(longSide));
        }
        return sizes;
    }

    /** Coarse scales are cheap (a quarter of the pixels per halving), so each scale gets an equal share. */
    static int[] splitIterations(int total, int scales) {
        int[] out = new int[scales];
        for (int i = 0; i < scales; i++) {
            out[i] = total / scales + (i == scales - 1 ? total % scales : 0);
        }
        return out;
    }

    private double[] initial(RgbImage content, RgbImage style) {
        return switch (c.init()) {
            case "style" -> Caffe.toInput(style.resize(content.width(), content.height()));
            case "noise" -> {
                Random rnd = new Random(options.seed());
                float[] d = new float[content.data().length];
                for (int i = 0; i < d.length; i++) {
                    d[i] = rnd.nextFloat() * 255f;
                }
                yield Caffe.toInput(new RgbImage(content.width(), content.height(), d));
            }
            default -> Caffe.toInput(content);
        };
    }

    private double[] optimiseScale(StyleBackbone net, LossSpec spec, RgbImage cImg, List<RgbImage> sImgs, double[] styleWeights,
                                   double[] x0, int scale, int scales, int iterations, int offset, int[] sz, RgbImage fullContent) {
        long start = System.nanoTime();
        Targets targets = Targets.compute(net, spec, cImg, sImgs, styleWeights, DataType.FLOAT);
        StyleLoss loss = new StyleLoss(net, spec, targets, sz[0], sz[1], DataType.FLOAT);
        StyleLoss.Parts[] lastParts = new StyleLoss.Parts[1];
        int[] evals = {0};
        double[][] lastGood = {x0.clone()};
        int[] lastGoodIteration = {offset};
        Objective guarded = (xx, grad) -> {
            StyleLoss.Parts p = loss.evaluate(xx, grad);
            evals[0]++;
            if (!Double.isFinite(p.total())) {
                throw new NonFiniteLoss(p.total(), offset + evals[0], lastGood[0], lastGoodIteration[0], sz[0], sz[1]);
            }
            lastParts[0] = p;
            return p.total();
        };
        Objective f = decorate.apply(guarded);
        Optimizer opt = "adam".equals(c.optimizer()) ? new Adam(c.learningRate(), Caffe::clamp) : new Lbfgs();
        int reportEvery = Math.max(1, c.iterations() / 20);
        int[] nextReport = {offset + reportEvery};
        int[] nextFrame = {c.frameEvery() > 0 ? (offset / c.frameEvery() + 1) * c.frameEvery() : Integer.MAX_VALUE};
        double[] startLoss = {Double.NaN};
        progress.onMessage(String.format("Scale %d/%d: %dx%d, %d iterations", scale + 1, scales, sz[0], sz[1], iterations));
        Optimizer.Result r = opt.minimize(f, x0, iterations, (n, fx, xx) -> {
            if (!Double.isFinite(fx)) {
                throw new NonFiniteLoss(fx, offset + n, lastGood[0], lastGoodIteration[0], sz[0], sz[1]);
            }
            StyleLoss.Parts p = lastParts[0];
            int it = offset + n;
            history.add(new StyleResult.Step(it, scale + 1, p.total(), p.content(), p.style(), p.tv()));
            if (Double.isNaN(startLoss[0])) {
                startLoss[0] = p.total();
            }
            lastGood[0] = xx.clone();
            lastGoodIteration[0] = it;
            progress.onBatch(scale + 1, n, iterations, p.total());
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (it >= nextReport[0] || n >= iterations) {
                nextReport[0] = it + reportEvery;
                double perIt = elapsed / Math.max(1, evals[0]);
                progress.onMessage(String.format("  iteration %d/%d (scale %d/%d, %dx%d): loss %.4g (content %.3g, style %.3g, tv %.3g), "
                                + "%.2f s/it, scale ETA %ds", it, c.iterations(), scale + 1, scales, sz[0], sz[1], p.total(), p.content(),
                        p.style(), p.tv(), perIt, Math.round(perIt * (iterations - n))));
            }
            if (options.outDir() != null && it >= nextFrame[0]) {
                nextFrame[0] = (it / c.frameEvery() + 1) * c.frameEvery();
                Path frame = options.outDir().resolve("frames").resolve(String.format("iter-%04d.png", it));
                ImageFiles.writePng(finish(xx, sz[0], sz[1], fullContent).toBufferedImage(), frame);
                frames.add(frame);
            }
            return true;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        scaleRuns.add(new StyleResult.ScaleRun(sz[0], sz[1], r.evaluations(), startLoss[0], r.f(), seconds, r.stopReason()));
        return r.x();
    }

    /** Back to pixels; with preserve_colors, the result's luminance on the content's chroma. */
    private RgbImage finish(double[] x, int w, int h, RgbImage fullContent) {
        RgbImage rgb = Caffe.fromInput(x, w, h);
        if (c.preserveColors()) {
            rgb = Yiq.combine(Yiq.luminance(rgb), fullContent.resize(w, h));
        }
        return rgb;
    }

    private StyleResult writeOutputs(RgbImage result, RgbImage content, List<RgbImage> styles, StyleBackbone.Resolved resolved,
                                     LossSpec spec, long t0) {
        BufferedImage out = result.toBufferedImage();
        ImageFiles.writePng(out, options.result());
        double seconds = (System.nanoTime() - t0) / 1e9;
        int iterations = history.isEmpty() ? 0 : history.get(history.size() - 1).iteration();
        double optSeconds = scaleRuns.stream().mapToDouble(StyleResult.ScaleRun::seconds).sum();
        double initial = history.isEmpty() ? Double.NaN : history.get(0).total();
        double fin = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).total();
        StyleResult res = new StyleResult(options.result(), options.outDir(), resolved.backbone().description(),
                resolved.backbone().isPretrained(), result.width(), result.height(), iterations, initial, fin, seconds,
                iterations > 0 ? optSeconds / iterations : Double.NaN, List.copyOf(scaleRuns), List.copyOf(history),
                List.copyOf(frames), List.copyOf(notes));
        if (options.outDir() != null) {
            Path dir = options.outDir();
            if (!history.isEmpty()) {
                LossChart.write(history, dir.resolve("loss.png"));
            }
            List<BufferedImage> imgs = new ArrayList<>();
            List<String> caps = new ArrayList<>();
            imgs.add(content.toBufferedImage());
            caps.add("content: " + Path.of(c.content()).getFileName());
            for (int i = 0; i < styles.size(); i++) {
                imgs.add(styles.get(i).toBufferedImage());
                caps.add("style: " + Path.of(c.style().get(i)).getFileName());
            }
            imgs.add(out);
            caps.add("result");
            ImageFiles.writePng(Panel.sideBySide(imgs, caps, Math.min(384, result.height())), dir.resolve("panel.png"));
            StringBuilder csv = new StringBuilder("iteration,scale,total,content,style,tv\n");
            for (StyleResult.Step s : history) {
                csv.append(s.iteration()).append(',').append(s.scale()).append(',').append(s.total()).append(',').append(s.content())
                        .append(',').append(s.style()).append(',').append(s.tv()).append('\n');
            }
            AtomicFiles.writeString(dir.resolve("losses.csv"), csv.toString());
            AtomicFiles.writeString(dir.resolve("report.md"), StyleReport.markdown(c, spec, res, dir));
        }
        return res;
    }

    /** A non-finite loss: carries the last image whose loss was finite. */
    static final class NonFiniteLoss extends RuntimeException {
        final double value;
        final int iteration;
        final double[] lastGood;
        final int lastGoodIteration;
        final int width;
        final int height;

        NonFiniteLoss(double value, int iteration, double[] lastGood, int lastGoodIteration, int width, int height) {
            super("non-finite loss " + value + " at iteration " + iteration, null, false, false);
            this.value = value;
            this.iteration = iteration;
            this.lastGood = lastGood;
            this.lastGoodIteration = lastGoodIteration;
            this.width = width;
            this.height = height;
        }
    }
}
