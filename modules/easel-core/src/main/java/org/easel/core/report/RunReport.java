package org.easel.core.report;

import java.util.List;
import org.easel.core.data.DataSplits;
import org.easel.core.train.Evaluation;
import org.easel.core.train.EpochMetrics;

/** The run's report.md: what was trained, how it went, and the final test metrics, with the figures linked. */
public final class RunReport {
    private RunReport() {
    }

    public static String markdown(String name, String configYaml, String summary, List<EpochMetrics> history,
                                  Evaluation test, List<DataSplits.SkippedFile> skipped, String notes) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Run report: ").append(name).append("\n\n");
        sb.append("## Test results\n\n");
        sb.append(String.format("- **Test accuracy: %.4f**%n- Test loss (cross-entropy): %.4f%n- Test examples: %d%n",
                test.accuracy(), test.loss(), test.examples()));
        sb.append(String.format("- Epochs run: %d%n", history.size()));
        if (notes != null && !notes.isBlank()) {
            sb.append("- ").append(notes).append("\n");
        }
        sb.append("\n| class | precision | recall | F1 |\n|---|---|---|---|\n");
        for (int c = 0; c < test.classes().size(); c++) {
            sb.append(String.format("| %s | %.4f | %.4f | %.4f |%n", test.classes().get(c), test.precision()[c], test.recall()[c], test.f1()[c]));
        }
        sb.append("\n![confusion matrix](confusion.png)\n\n## Training history\n\n![history](history.png)\n\n");
        sb.append("| epoch | loss | accuracy | val_loss | val_accuracy | seconds |\n|---|---|---|---|---|---|\n");
        for (EpochMetrics m : history) {
            sb.append(String.format("| %d | %.4f | %.4f | %.4f | %.4f | %.1f |%n", m.epoch(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(), m.seconds()));
        }
        sb.append("\n## Data\n\n");
        if (skipped.isEmpty()) {
            sb.append("No input files were skipped.\n");
        } else {
            sb.append(skipped.size()).append(" unreadable file(s) were skipped:\n\n");
            skipped.forEach(s -> sb.append("- `").append(s.path()).append("`: ").append(s.reason()).append("\n"));
        }
        sb.append("\n## Model\n\n```\n").append(summary).append("```\n\n## Config (resolved)\n\n```yaml\n").append(configYaml).append("```\n");
        return sb.toString();
    }

}
