package org.easel.core.progress;

import java.io.PrintStream;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.TrainingListener;

/**
 * Progress for people watching: a bar with ETA redrawn in place on a terminal, or a plain line
 * every 10% when output goes to a file or CI log (where carriage returns make a mess).
 */
public final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final boolean interactive;
    private long epochStart;
    private int lastShown = -1;
    private int totalEpochs;

    public ConsoleProgress(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** Interactive when a console is attached and EASEL_NO_PROGRESS is not set. */
    public static ConsoleProgress forStdout() {
        return new ConsoleProgress(System.out, System.console() != null && System.getenv("EASEL_NO_PROGRESS") == null);
    }

    @Override
    public void onEpochStart(int epoch, int totalEpochs, int batches) {
        this.totalEpochs = totalEpochs;
        epochStart = System.nanoTime();
        lastShown = -1;
        if (!interactive) {
            out.printf("Epoch %d/%d (%d batches)%n", epoch, totalEpochs, batches);
        }
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        int percent = (int) (100L * batch / batches);
        int step = interactive ? percent : percent / 10 * 10;
        if (step == lastShown) {
            return;
        }
        lastShown = step;
        double elapsed = (System.nanoTime() - epochStart) / 1e9;
        double eta = batch == 0 ? 0 : elapsed / batch * (batches - batch);
        if (interactive) {
            int width = 30;
            int filled = width * batch / batches;
            out.printf("\rEpoch %d/%d [%s%s] %3d%% %d/%d loss %.4f ETA %s   ", epoch, totalEpochs, "=".repeat(filled),
                    " ".repeat(width - filled), percent, batch, batches, loss, duration(eta));
            out.flush();
        } else if (step > 0 && step < 100) {
            out.printf("  %3d%% (%d/%d batches) loss %.4f, %s elapsed, ETA %s%n", step, batch, batches, loss, duration(elapsed), duration(eta));
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        if (interactive) {
            out.print("\r" + " ".repeat(110) + "\r");
        }
        out.printf("Epoch %d/%d: %.1fs - loss %.4f - accuracy %.4f - val_loss %.4f - val_accuracy %.4f%n",
                m.epoch(), totalEpochs, m.seconds(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy());
    }

    @Override
    public void onMessage(String message) {
        out.println(message);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
