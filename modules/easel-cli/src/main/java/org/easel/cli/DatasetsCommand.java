package org.easel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.easel.core.config.DataConfig;
import org.easel.core.data.DatasetStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "datasets", mixinStandardHelpOptions = true, description = {
        "List the datasets Easel knows, where it looks for them, and whether they are there."})
final class DatasetsCommand implements Callable<Integer> {
    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Data dir to inspect (default: $EASEL_DATA, else data/)")
    Path dataDir;

    @Override
    public Integer call() {
        DataConfig cfg = new DataConfig(DataConfig.DEFAULTS.dataset(), dataDir == null ? null : dataDir.toString(), null,
                DataConfig.DEFAULTS.imageSize(), 3, 0.2, 0, 0, true, DataConfig.DEFAULTS.synthetic());
        System.out.print(DatasetStatus.describe(cfg));
        return 0;
    }
}
