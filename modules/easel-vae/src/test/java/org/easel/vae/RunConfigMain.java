package org.easel.vae;

import java.nio.file.Path;
import java.util.Arrays;
import org.easel.core.config.ConfigLoader;
import org.easel.core.train.TrainingListener;
import org.easel.core.run.Experiments;
import org.easel.core.run.RunOptions;
import org.easel.core.run.RunResult;

/** Developer helper (not a test): runs a config like 'easel run' would, e.g. for timing trials. Args: config [overrides...]. */
public final class RunConfigMain {
    public static void main(String[] args) {
        var config = ConfigLoader.load(Path.of(args[0]), Arrays.asList(args).subList(1, args.length));
        RunResult r = Experiments.run(config, new RunOptions(Path.of(System.getProperty("out", "/tmp/vae-runs")), null,
                new TrainingListener() {
                    @Override
                    public void onBatch(int epoch, int batch, int batches, double loss) {
                        if (batch % 100 == 0) {
                            System.out.printf("  epoch %d batch %d/%d loss %.2f%n", epoch, batch, batches, loss);
                        }
                    }

                    @Override
                    public void onMessage(String message) {
                        System.out.println(message);
                    }
                }));
        System.out.println(r.headline());
        System.out.println(r.metrics());
    }
}
