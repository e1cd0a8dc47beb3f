package org.easel.transfer.report;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.data.DataSplits;
import org.easel.core.data.ImageLoader;
import org.easel.core.io.AtomicFiles;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.Evaluation;
import org.easel.core.train.Evaluator;
import org.easel.transfer.model.TransferModel;
import org.easel.transfer.TransferOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transfer run's figures and report.md: test metrics, ROC curve, confusion matrix, a gallery of
 * misclassified test images, Grad-CAM heatmaps, how the features were made (and how fast), and
 * which weights were really used.
 */
public final class TransferReport {
    private static final Logger LOG = LoggerFactory.getLogger(TransferReport.class);
    public static final String ROC_PNG = "roc.png";
    public static final String GALLERY_PNG = "misclassified.png";
    public static final String GRADCAM_PNG = "gradcam.png";

    private TransferReport() {
    }

    /** ROC of the positive class ("financial", else the last class) for the test probabilities. */
    public static Roc roc(List<String> classes, float[][] probs, int[] labels) {
        int pos = classes.contains("financial") ? classes.indexOf("financial") : classes.size() - 1;
        float[] scores = new float[probs.length];
        boolean[] truth = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probs[i][pos];
            truth[i] = labels[i] == pos;
        }
        return Roc.of(scores, truth, classes.get(pos));
    }

    /** Mean per-class recall. */
    public static double balancedAccuracy(Evaluation test) {
        double balanced = 0;
        for (double r : test.recall()) {
            balanced += r;
        }
        return balanced / test.classes().size();
    }

    /** Writes the PNGs (ROC, misclassified gallery, Grad-CAM) and report.md. */
    public static void write(Path dir, Path reportMd, TransferOutcome in, TransferModel model, MultiLayerNetwork inferenceHead) {
        List<String> classes = in.test().classes();
        in.roc().writePng(dir.resolve(ROC_PNG));
        int n = in.testProbs().length;
        List<ImageGrid.Tile> wrong = new ArrayList<>();
        int wrongCount = 0;
        for (int i = 0; i < n; i++) {
            int p = Evaluator.argmax(in.testProbs()[i]);
            int t = in.testFeatures().labels()[i];
            if (p != t) {
                wrongCount++;
                if (wrong.size() < in.cfg().galleryImages()) {
                    Path f = in.testFeatures().files().get(i);
                    BufferedImage img = readOrNull(f);
                    if (img != null) {
                        wrong.add(new ImageGrid.Tile(img, "true: " + classes.get(t),
                                String.format("pred: %s %.2f", classes.get(p), in.testProbs()[i][p])));
                    }
                }
            }
        }
        ImageGrid.write("Misclassified test images (" + wrongCount + " of " + n + ", up to " + in.cfg().galleryImages() + " shown)",
                wrong, 144, 6, dir.resolve(GALLERY_PNG));

        List<ImageGrid.Tile> cams = new ArrayList<>();
        if (in.cfg().gradcamImages() > 0) {
            GradCam gradCam = new GradCam(model, inferenceHead);
            int perClass = Math.max(1, (in.cfg().gradcamImages() + classes.size() - 1) / classes.size());
            int[] taken = new int[classes.size()];
            for (int i = 0; i < n && cams.size() < 2 * in.cfg().gradcamImages(); i++) {
                int t = in.testFeatures().labels()[i];
                if (taken[t] >= perClass) {
                    continue;
                }
                BufferedImage img = readOrNull(in.testFeatures().files().get(i));
                if (img == null) {
                    continue;
                }
                taken[t]++;
                GradCam.Result r = gradCam.explain(img);
                cams.add(new ImageGrid.Tile(ImageLoader.resize(img, 160, 160), "true " + classes.get(t),
                        in.testFeatures().files().get(i).getFileName().toString()));
                cams.add(new ImageGrid.Tile(GradCam.overlay(img, r.heat(), 160),
                        String.format("Grad-CAM: %s p=%.2f", classes.get(r.predicted()), r.probability()),
                        "at " + in.freeze() + " " + r.heat().length + "x" + r.heat()[0].length));
            }
            ImageGrid.write("Grad-CAM at " + in.freeze() + " (left: test image, right: evidence for the predicted class)", cams, 160, 4,
                    dir.resolve(GRADCAM_PNG));
        }

        AtomicFiles.writeString(reportMd, markdown(in, wrongCount, !cams.isEmpty()));
    }

    private static BufferedImage readOrNull(Path f) {
        try {
            return ImageLoader.read(f);
        } catch (Exception e) {
            LOG.warn("Cannot read {} for the report: {}", f, e.getMessage());
            return null;
        }
    }

    static String markdown(TransferOutcome in, int wrongCount, boolean gradcam) {
        Roc roc = in.roc();
        double balanced = in.balancedAccuracy();
        Evaluation t = in.test();
        StringBuilder sb = new StringBuilder();
        sb.append("# Transfer learning report: ").append(in.name()).append("\n\n");
        sb.append("## Test results\n\n");
        sb.append(String.format("- **Test accuracy: %.4f** (%d test images; %d misclassified)%n", t.accuracy(), t.examples(), wrongCount));
        sb.append(String.format("- Balanced accuracy (mean per-class recall): %.4f%n", balanced));
        sb.append(String.format("- ROC AUC (%s vs rest): %.4f%n", roc.positiveClass(), roc.auc()));
        sb.append(String.format("- Test loss (cross-entropy): %.4f%n", t.loss()));
        sb.append(String.format("- Total time: %.0f s (data %.0f s, head training %.1f s)%n%n", in.totalSeconds(), in.dataSeconds(), in.trainSeconds()));
        sb.append("| class | precision | recall | F1 |\n|---|---|---|---|\n");
        for (int c = 0; c < t.classes().size(); c++) {
            sb.append(String.format("| %s | %.4f | %.4f | %.4f |%n", t.classes().get(c), t.precision()[c], t.recall()[c], t.f1()[c]));
        }
        sb.append("\n![ROC curve](").append(ROC_PNG).append(")\n\n![confusion matrix](confusion.png)\n\n");
        sb.append("## Misclassified test images\n\n![misclassified](").append(GALLERY_PNG).append(")\n\n");
        if (gradcam) {
            sb.append("## Grad-CAM\n\nWhere the evidence for the predicted class lies, at layer `").append(in.freeze())
                    .append("` (channel weights = spatial mean of d log p(class) / d feature map, through the head).\n\n![Grad-CAM](")
                    .append(GRADCAM_PNG).append(")\n\n");
        }
        sb.append("## Backbone and features\n\n");
        sb.append("- Backbone: ").append(in.backboneName()).append(" — ").append(in.backboneDescription()).append("\n");
        sb.append("- Frozen up to: `").append(in.freeze()).append("`, input ").append(in.inputSize()).append("x").append(in.inputSize())
                .append(", feature map ").append(Arrays.toString(in.featureMap())).append(", ").append(in.cfg().pooling())
                .append(" pooled to ").append(in.featureSize()).append(" features, standardised\n");
        sb.append("- **Weights used: ").append(in.weights().used()).append("**")
                .append(in.weights().fellBack() ? " — requested `" + in.cfg().weights() + "` was unavailable; transfer.fallback: random was set\n" : "\n");
        sb.append("- Preprocessing: ").append(in.weights().preprocessing()).append(" (owned by the weights; stored in the model)\n");
        sb.append("- ").append(in.trainFeaturize()).append("\n- ").append(in.testFeaturize()).append("\n");
        sb.append("- Augmentation: ").append(in.augmentation()).append("\n");
        if (in.upscaled() > 0) {
            sb.append("- ").append(in.upscaled()).append(" image(s) were smaller than the input size and were upscaled (bilinear).\n");
        }
        sb.append("- Class weights in the loss: ").append(in.classWeights() == null ? "none" : Arrays.toString(
                Arrays.stream(in.classWeights()).map(w -> Math.round(w * 1000) / 1000.0).toArray())).append("\n\n");
        sb.append("## Head training\n\n![history](history.png)\n\n");
        sb.append("| epoch | loss | accuracy | val_loss | val_accuracy | seconds |\n|---|---|---|---|---|---|\n");
        for (EpochMetrics m : in.history()) {
            sb.append(String.format("| %d | %.4f | %.4f | %.4f | %.4f | %.1f |%n", m.epoch(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(), m.seconds()));
        }
        sb.append("\n```\n").append(in.headSummary()).append("```\n\n## Data\n\n");
        List<DataSplits.SkippedFile> skipped = new ArrayList<>(in.trainSkipped());
        skipped.addAll(in.testFeatures().skipped());
        if (skipped.isEmpty()) {
            sb.append("No input files were skipped.\n");
        } else {
            sb.append(skipped.size()).append(" unreadable file(s) were skipped:\n\n");
            skipped.forEach(s -> sb.append("- `").append(s.path()).append("`: ").append(s.reason()).append("\n"));
        }
        sb.append("\n## Config (resolved)\n\n```yaml\n").append(in.configYaml()).append("```\n");
        return sb.toString();
    }
}
