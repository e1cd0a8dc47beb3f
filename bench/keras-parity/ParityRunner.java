import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.easel.keras.ImportedModel;
import org.easel.keras.KerasImporter;
import org.easel.keras.ReferenceData;

/**
 * The Java side of the Keras parity check: imports every model listed (or every model in a folder) with
 * Easel's importer and, when the Python side wrote {@code <model>.reference.h5} (inputs/ and predictions/),
 * compares DL4J's outputs with it, twice: as imported (float32) against {@code predictions/}, and with the network
 * converted to float64 against the float64 reference pass {@code predictions64/} (so float32 rounding on large
 * outputs is told apart from mapping errors). One tab-separated line per file on stdout:
 * {@code file  imported|refused  max_abs_diff_float32  max_abs_diff_float64  logits_float32/float64  params  keras_version
 * seconds|message}; the logits column (outputs without the final softmax/sigmoid) is filled when the reference has
 * {@code logits64/}, since saturated probabilities (exactly 0 or 1) compare equal whatever the weights.
 *
 * <p>Run with the CLI's class path (bench/keras-parity/run.sh does): {@code java -cp "$CP" ParityRunner.java DIR}.
 * A JSON architecture {@code A.json} is imported with the weights file {@code A.h5} beside it.
 */
public class ParityRunner {
    public static void main(String[] args) throws Exception {
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            Path p = Path.of(a);
            if (Files.isDirectory(p)) {
                try (var s = Files.list(p)) {
                    s.filter(ParityRunner::isModel).sorted().forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            Path ref = f.resolveSibling(name + ".reference.h5");
            KerasImporter.Builder b = KerasImporter.builder();
            if (name.endsWith(".json")) {
                b.weights(f.resolveSibling(name.substring(0, name.length() - 5) + ".h5"));
            }
            if (Files.isRegularFile(ref)) {
                b.compareWith(ref);
            }
            long t0 = System.nanoTime();
            try {
                ImportedModel m = b.build().importModel(f);
                double seconds = (System.nanoTime() - t0) / 1e9;
                Double d = m.report().maxAbsDiff();
                String d64 = "-";
                String logits = "-";
                if (Files.isRegularFile(ref)) {
                    d64 = fmt(ReferenceData.maxAbsDiffFloat64(m, ref));
                    double l32 = ReferenceData.maxAbsDiffLogits(m, ref, false);
                    if (!Double.isNaN(l32)) {
                        logits = fmt(l32) + "/" + fmt(ReferenceData.maxAbsDiffLogits(m, ref, true));
                    }
                }
                System.out.printf(Locale.ROOT, "%s\timported\t%s\t%s\t%s\t%d\t%s\t%.1fs%n", name,
                        d == null ? "-" : fmt(d), d64, logits, m.report().totalParams(), m.report().kerasVersion(), seconds);
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "%s\trefused\t-\t-\t-\t-\t-\t%s%n", name, String.valueOf(e.getMessage()).replace('\n', ' ').replace('\t', ' '));
            }
            System.out.flush();
        }
    }

    static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3g", d);
    }

    static boolean isModel(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".reference.h5") || n.contains("_inputs_and_outputs")) {
            return false;
        }
        if (n.endsWith(".json")) {
            return Files.isRegularFile(p.resolveSibling(p.getFileName().toString().replaceAll("\\.json$", ".h5")));
        }
        if (n.endsWith(".h5") && Files.isRegularFile(p.resolveSibling(p.getFileName().toString().replaceAll("\\.h5$", ".json")))) {
            return false; // the weights half of a JSON + weights pair
        }
        return n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".keras");
    }
}
