import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.easel.core.config.ConfigLoader;
import org.easel.core.config.ExperimentConfig;
import org.easel.core.model.ModelFactory;
import org.easel.core.model.Models;
import org.easel.core.train.ComputeThreads;
import org.easel.core.train.FusedConvStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a fused convolution step spends its time: milliseconds per step in each node's forward and backward pass
 * (FusedConvStep#timings), on random batches of the config's input size; the best of several rounds, since the
 * machine is shared. Also DL4J's own fit on the same batches, for comparison. Run by bench/cnn-profile.sh.
 */
public class ConvStepProfile {
    public static void main(String[] args) {
        ExperimentConfig cfg = ConfigLoader.load(Path.of(args[0]), List.of());
        int threads = Integer.parseInt(args[1]);
        int steps = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int[] in = Models.inputShape(cfg.data());
        int classes = cfg.model().layers().get(cfg.model().layers().size() - 1).units();
        MultiLayerNetwork net = ModelFactory.build(cfg.model(), cfg.training(), cfg.seed(), in[0], in[1], in[2], classes);
        ComputeThreads.apply(threads);
        int batch = cfg.training().batchSize();
        INDArray x = Nd4j.rand(DataType.FLOAT, batch, (long) in[0] * in[1] * in[2]);
        INDArray y = Nd4j.zeros(DataType.FLOAT, batch, classes);
        for (int i = 0; i < batch; i++) {
            y.putScalar(i, i % classes, 1f);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        FusedConvStep.Choice choice = FusedConvStep.forNetwork(net);
        FusedConvStep warm = choice.step().orElseThrow(() -> new IllegalStateException(choice.whyNot()));
        for (int i = 0; i < 10; i++) {
            warm.fit(x, y);
        }
        double best = Double.MAX_VALUE;
        String table = null;
        StringBuilder all = new StringBuilder();
        for (int r = 0; r < rounds; r++) {
            FusedConvStep step = FusedConvStep.forNetwork(net).step().orElseThrow();
            long cpu = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                step.fit(x, y);
            }
            double ms = (System.nanoTime() - t0) / 1e6 / steps;
            all.append(String.format(" %.1f (cpu %.1f)", ms, (os.getProcessCpuTime() - cpu) / 1e6 / steps));
            if (ms < best) {
                best = ms;
                table = step.timings();
            }
        }
        System.out.print(table);
        System.out.printf("the step's workspace after training: %.0f MB%n",
                Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread("EASEL_FUSED_CONV_STEP").getCurrentSize() / 1e6);
        System.out.printf("fused step, ms per step of %d, rounds:%s; best %.1f (%.3f ms per sample)%n", batch, all, best, best / batch);
        INDArray big = Nd4j.rand(DataType.FLOAT, 512, x.size(1));
        warm.probabilities(big);
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            warm.probabilities(big);
        }
        System.out.printf("fused inference, ms per 512 images: %.1f%n", (System.nanoTime() - t0) / 1e6 / 5);
        System.out.printf("the step's workspace after training and 512-image inference: %.0f MB%n",
                Nd4j.getWorkspaceManager().getWorkspaceForCurrentThread("EASEL_FUSED_CONV_STEP").getCurrentSize() / 1e6);
        DataSet ds = new DataSet(x, y);
        for (int i = 0; i < 3; i++) {
            net.fit(ds);
        }
        int dl4jSteps = Math.max(3, steps / 4);
        t0 = System.nanoTime();
        for (int i = 0; i < dl4jSteps; i++) {
            net.fit(ds);
        }
        System.out.printf("DL4J fit, ms per step: %.1f%n", (System.nanoTime() - t0) / 1e6 / dl4jSteps);
    }
}
