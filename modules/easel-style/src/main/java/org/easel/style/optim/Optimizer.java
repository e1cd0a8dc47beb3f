package org.easel.style.optim;

/** Minimises an {@link Objective} within a budget of function (= loss + gradient) evaluations. */
public interface Optimizer {
    Result minimize(Objective f, double[] x0, int maxEvaluations, Monitor monitor);

    /** Called at every accepted point; return false to stop early. */
    @FunctionalInterface
    interface Monitor {
        boolean onStep(int evaluations, double f, double[] x);

        Monitor NONE = (e, f, x) -> true;
    }

    /** The best point found, its value, and why the optimizer stopped. */
    record Result(double[] x, double f, int evaluations, int iterations, String stopReason) {
    }
}
