package org.easel.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.easel.vae.VaeSampler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sample", mixinStandardHelpOptions = true, description = {
        "Draw new images from a trained VAE and write them as a grid.",
        "Example: easel sample --model outputs/vae-mnist-20260101-120000 --n 64 --out grid.png --seed 7 --temperature 0.8"})
final class SampleCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "<run-dir|vae.zip>", description = "A VAE run folder or its vae.zip")
    Path model;

    @Option(names = "--n", defaultValue = "64", paramLabel = "<count>", description = "Number of samples (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--out", required = true, paramLabel = "<grid.png>", description = "Where to write the grid")
    Path out;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "<seed>", description = "Seed of the latent draws (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--temperature", defaultValue = "1.0", paramLabel = "<t>",
            description = "Scale of the latent draws: < 1 sharper and less varied (default ${DEFAULT-VALUE})")
    double temperature;

    @Override
    public Integer call() {
        Path written = VaeSampler.load(model).sampleGrid(n, seed, temperature, out);
        System.out.println("Wrote " + n + " samples to " + written);
        return 0;
    }
}
