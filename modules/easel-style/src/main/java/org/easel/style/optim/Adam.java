package org.easel.style.optim;

import java.util.function.Consumer;

/**
 * Adam (Kingma & Ba) with bias correction; one evaluation per iteration. An optional projection
 * (e.g. clamping pixels to their valid range) is applied after every step.
 */
public final class Adam implements Optimizer {
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final Consumer<double[]> projection;

    public Adam(double lr, Consumer<double[]> projection) {
        this(lr, 0.9, 0.999, 1e-8, projection);
    }

    public Adam(double lr, double beta1, double beta2, double eps, Consumer<double[]> projection) {
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.projection = projection != null ? projection : x -> { };
    }

    @Override
    public Result minimize(Objective f, double[] x0, int maxEvaluations, Monitor monitor) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double[] m = new double[n];
        double[] v = new double[n];
        double[] best = x.clone();
        double bestF = Double.POSITIVE_INFINITY;
        String reason = "evaluation budget used";
        int t = 0;
        while (t < maxEvaluations) {
            double fx = f.evaluate(x, g);
            t++;
            if (fx < bestF) {
                bestF = fx;
                System.arraycopy(x, 0, best, 0, n);
            }
            if (!monitor.onStep(t, fx, x)) {
                reason = "stopped by monitor";
                break;
            }
            if (t == maxEvaluations) {
                break; // the last evaluation scores the final image; no step after it
            }
            double c1 = 1 - Math.pow(beta1, t);
            double c2 = 1 - Math.pow(beta2, t);
            for (int i = 0; i < n; i++) {
                m[i] = beta1 * m[i] + (1 - beta1) * g[i];
                v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
                x[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
            }
            projection.accept(x);
        }
        return new Result(best, bestF, t, t, reason);
    }
}
