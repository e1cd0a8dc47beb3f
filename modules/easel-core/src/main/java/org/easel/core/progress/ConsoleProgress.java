package org.easel.core.progress;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.easel.core.train.EpochMetrics;
import org.easel.core.train.TrainingListener;

/**
 * Progress for people watching: on a terminal, a progress bar per epoch (me.tongfei:progressbar,
 * with rate and ETA); when output goes to a file or CI log, where a redrawn bar makes a mess,
 * a plain line every 10% with elapsed time and ETA.
 */
public final class ConsoleProgress implements TrainingListener {
    private final PrintStream out;
    private final boolean interactive;
    private ProgressBar bar;
    private long epochStart;
    private int lastDecile = -1;
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
        lastDecile = 0;
        if (interactive) {
            bar = new ProgressBarBuilder().setTaskName("Epoch " + epoch + "/" + totalEpochs).setInitialMax(batches)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" batches", 1).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(out)).build();
        } else {
            out.printf("Epoch %d/%d (%d batches)%n", epoch, totalEpochs, batches);
        }
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, double loss) {
        if (bar != null) {
            bar.stepTo(batch);
            bar.setExtraMessage(String.format("loss %.4f", loss));
            return;
        }
        int decile = (int) (10L * batch / batches);
        if (decile > lastDecile && decile < 10) {
            lastDecile = decile;
            double elapsed = (System.nanoTime() - epochStart) / 1e9;
            double eta = elapsed / batch * (batches - batch);
            out.printf("  %3d%% (%d/%d batches) loss %.4f, %s elapsed, ETA %s%n", decile * 10, batch, batches, loss,
                    duration(elapsed), duration(eta));
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        if (bar != null) {
            bar.close();
            bar = null;
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
