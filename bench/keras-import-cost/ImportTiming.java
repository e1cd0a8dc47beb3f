import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.easel.keras.KerasImporter;

/**
 * Wall time of one Keras import per file (median of N after one warm-up import), with the easel-keras build on the
 * class path, so two builds (e.g. main and this branch) can be compared on the same machine, alternating runs:
 * {@code java -cp "$CP" ImportTiming.java N file...}. An architecture {@code A.json} imports with {@code A_weights.h5}
 * or {@code A.h5} beside it (the shared fixture names both ways). Prints {@code file  median_ms  min_ms}.
 */
public class ImportTiming {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        for (String a : Arrays.copyOfRange(args, 1, args.length)) {
            Path f = Path.of(a);
            KerasImporter.Builder b = KerasImporter.builder();
            String name = f.getFileName().toString();
            if (name.endsWith(".json")) {
                Path w = f.resolveSibling(name.replace("_config.json", "_weights.h5"));
                b.weights(Files.isRegularFile(w) ? w : f.resolveSibling(name.replaceAll("\\.json$", ".h5")));
            }
            KerasImporter importer = b.build();
            importer.importModel(f); // warm-up
            List<Double> ms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                importer.importModel(f);
                ms.add((System.nanoTime() - t0) / 1e6);
            }
            ms.sort(null);
            System.out.printf(Locale.ROOT, "%s\t%.0f\t%.0f%n", name, ms.get(ms.size() / 2), ms.get(0));
        }
    }
}
