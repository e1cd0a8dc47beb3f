package org.easel.style.optim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Limited-memory BFGS (Nocedal & Wright, Algorithm 7.4/7.5): the two-loop recursion over the last
 * {@code history} curvature pairs, the initial Hessian scaled by s'y / y'y, and a backtracking
 * line search on the Armijo condition with safeguarded quadratic interpolation. Pairs that violate
 * the curvature condition (s'y <= 0) are skipped, so the implied Hessian stays positive definite.
 * Every function evaluation, including line-search trials, counts toward the budget.
 */
public final class Lbfgs implements Optimizer {
    private final int history;
    private final double c1;
    private final int maxBacktracks;

    public Lbfgs() {
        this(10, 1e-4, 20);
    }

    public Lbfgs(int history, double c1, int maxBacktracks) {
        this.history = history;
        this.c1 = c1;
        this.maxBacktracks = maxBacktracks;
    }

    private record Pair(double[] s, double[] y, double rho) {
    }

    @Override
    public Result minimize(Objective f, double[] x0, int maxEvaluations, Monitor monitor) {
        int n = x0.length;
        double[] x = x0.clone();
        double[] g = new double[n];
        double fx = f.evaluate(x, g);
        int evals = 1;
        int iter = 0;
        if (!monitor.onStep(evals, fx, x)) {
            return new Result(x, fx, evals, iter, "stopped by monitor");
        }
        Deque<Pair> pairs = new ArrayDeque<>();
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        String reason = "evaluation budget used";
        while (evals < maxEvaluations) {
            double gInf = 0;
            for (double v : g) {
                gInf = Math.max(gInf, Math.abs(v));
            }
            if (gInf == 0) {
                reason = "gradient is zero";
                break;
            }
            direction(g, pairs, d);
            double gd = dot(g, d);
            if (!(gd < 0)) { // not a descent direction (numerical trouble): restart from steepest descent
                pairs.clear();
                direction(g, pairs, d);
                gd = dot(g, d);
            }
            // First step (no curvature yet): a small step, as in minFunc/torch; afterwards the scaled
            // quasi-Newton step of length 1 is usually accepted as is.
            double t = pairs.isEmpty() ? Math.min(1.0, 1.0 / sumAbs(g)) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k <= maxBacktracks && evals < maxEvaluations; k++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + t * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                evals++;
                if (Double.isFinite(fNew) && fNew <= fx + c1 * t * gd) {
                    accepted = true;
                    break;
                }
                // Minimiser of the quadratic through f(0), f'(0), f(t), kept within [0.1t, 0.5t].
                double tq = Double.isFinite(fNew) ? -gd * t * t / (2 * (fNew - fx - gd * t)) : 0.1 * t;
                t = Math.max(0.1 * t, Math.min(0.5 * t, tq));
            }
            if (!accepted) {
                if (!pairs.isEmpty()) {
                    pairs.clear(); // the model of the curvature was wrong: try again from steepest descent
                    continue;
                }
                reason = evals >= maxEvaluations ? "evaluation budget used" : "line search found no decrease";
                break;
            }
            iter++;
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xNew[i] - x[i];
                y[i] = gNew[i] - g[i];
            }
            double sy = dot(s, y);
            if (history > 0 && sy > 1e-10 * Math.sqrt(dot(s, s) * dot(y, y))) {
                while (pairs.size() >= history) {
                    pairs.removeFirst();
                }
                pairs.addLast(new Pair(s, y, 1.0 / sy));
            }
            double previous = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (!monitor.onStep(evals, fx, x)) {
                reason = "stopped by monitor";
                break;
            }
            if (Math.abs(previous - fx) <= 1e-12 * Math.max(1.0, Math.abs(fx))) {
                reason = "converged (no further decrease)";
                break;
            }
        }
        return new Result(x, fx, evals, iter, reason);
    }

    /** d = -H g by the two-loop recursion. */
    private static void direction(double[] g, Deque<Pair> pairs, double[] d) {
        int n = g.length;
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        if (pairs.isEmpty()) {
            return;
        }
        double[] alpha = new double[pairs.size()];
        int k = pairs.size() - 1;
        for (Iterator<Pair> it = pairs.descendingIterator(); it.hasNext(); k--) {
            Pair p = it.next();
            alpha[k] = p.rho * dot(p.s, d);
            axpy(-alpha[k], p.y, d);
        }
        Pair last = pairs.getLast();
        double gamma = dot(last.s, last.y) / dot(last.y, last.y);
        for (int i = 0; i < n; i++) {
            d[i] *= gamma;
        }
        k = 0;
        for (Pair p : pairs) {
            double beta = p.rho * dot(p.y, d);
            axpy(alpha[k] - beta, p.s, d);
            k++;
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double sumAbs(double[] a) {
        double s = 0;
        for (double v : a) {
            s += Math.abs(v);
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
