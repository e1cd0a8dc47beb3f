package org.easel.style.optim;

/** A differentiable function: returns f(x) and writes the gradient into {@code grad}. */
@FunctionalInterface
public interface Objective {
    double evaluate(double[] x, double[] grad);
}
