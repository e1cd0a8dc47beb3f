package org.easel.core.data;

import java.nio.file.Path;
import java.util.List;
import org.easel.core.config.DataConfig;

/** Human-readable answer to "which datasets are here, and where does Easel look?". */
public final class DatasetStatus {
    private DatasetStatus() {
    }

    public static String describe(DataConfig config) {
        Path dir = Datasets.dataDir(config);
        StringBuilder sb = new StringBuilder();
        sb.append("Data dir: ").append(dir.toAbsolutePath())
          .append(config.dir() != null ? " (from --data-dir / data.dir)" : System.getenv(Datasets.DATA_ENV) != null
                  ? " (from $" + Datasets.DATA_ENV + ")" : " (default; set $" + Datasets.DATA_ENV + " or data.dir to change)")
          .append("\n\n");
        for (IdxDatasets.Spec spec : List.of(IdxDatasets.MNIST, IdxDatasets.FASHION_MNIST)) {
            Path folder = dir.resolve(spec.folder());
            long present = spec.sha256ByFile().keySet().stream().filter(f -> IdxDatasets.locate(folder, f) != null).count();
            sb.append(String.format("%-14s %s  %s%n", spec.name(), present == 4 ? "available" : present + "/4 files",
                    folder.toAbsolutePath()));
            if (present < 4) {
                sb.append(String.format("%-14s downloaded on first use from %s (data.download: true)%n", "", spec.baseUrl()));
            }
        }
        sb.append(String.format("%-14s %s%n", "image-folder", "any folder with one sub-folder per class (data.path), relative to the data dir or absolute"));
        return sb.toString();
    }
}
