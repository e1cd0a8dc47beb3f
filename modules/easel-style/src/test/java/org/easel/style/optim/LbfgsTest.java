package org.easel.style.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LbfgsTest {

    /** f(x) = 1/2 sum a_i (x_i - 1)^2 with condition number 1e3. */
    private static Objective quadratic(int n) {
        return (x, g) -> {
            double f = 0;
            for (int i = 0; i < n; i++) {
                double a = Math.pow(1e3, (double) i / (n - 1));
                double d = x[i] - 1;
                f += 0.5 * a * d * d;
                g[i] = a * d;
            }
            return f;
        };
    }

    /** The n-dimensional Rosenbrock function; minimum 0 at (1, ..., 1). */
    private static final Objective ROSENBROCK = (x, g) -> {
        double f = 0;
        Arrays.fill(g, 0);
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
            g[i] += -400 * x[i] * a - 2 * b;
            g[i + 1] += 200 * a;
        }
        return f;
    };

    @Test
    void solvesAnIllConditionedQuadratic() {
        int n = 50;
        Optimizer.Result r = new Lbfgs().minimize(quadratic(n), new double[n], 300, Optimizer.Monitor.NONE);
        assertTrue(r.f() < 1e-8, "f = " + r.f() + " after " + r.evaluations() + " evaluations (" + r.stopReason() + ")");
        for (double v : r.x()) {
            assertEquals(1.0, v, 1e-4);
        }
    }

    @Test
    void solvesRosenbrockFromTheClassicStart() {
        double[] x0 = {-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1};
        Optimizer.Result r = new Lbfgs().minimize(ROSENBROCK, x0, 2000, Optimizer.Monitor.NONE);
        assertTrue(r.f() < 1e-8, "f = " + r.f() + " after " + r.evaluations() + " evaluations (" + r.stopReason() + ")");
        for (double v : r.x()) {
            assertEquals(1.0, v, 1e-3);
        }
    }

    @Test
    void acceptedStepsOnlyDecreaseAndRespectTheBudget() {
        List<Double> values = new ArrayList<>();
        int[] maxEval = {0};
        Optimizer.Result r = new Lbfgs().minimize(ROSENBROCK, new double[] {-1.2, 1}, 30, (e, f, x) -> {
            values.add(f);
            maxEval[0] = e;
            return true;
        });
        assertTrue(r.evaluations() <= 30, "used " + r.evaluations());
        assertTrue(maxEval[0] <= 30);
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.get(i) <= values.get(i - 1), "loss rose at step " + i + ": " + values);
        }
        assertTrue(values.get(values.size() - 1) < values.get(0) * 0.5);
    }

    @Test
    void farBetterThanSteepestDescentOnTheQuadratic() {
        int n = 50;
        double lbfgs = new Lbfgs().minimize(quadratic(n), new double[n], 200, Optimizer.Monitor.NONE).f();
        double sd = new Lbfgs(0, 1e-4, 20).minimize(quadratic(n), new double[n], 200, Optimizer.Monitor.NONE).f(); // no memory
        assertTrue(lbfgs < 1e-3 * sd, "lbfgs " + lbfgs + " vs steepest descent " + sd);
    }

    @Test
    void beatsAdamOnRosenbrockBudget() {
        // L-BFGS must reach far lower than Adam with the same budget on a curved valley.
        double[] x0 = {-1.2, 1};
        double lbfgs = new Lbfgs().minimize(ROSENBROCK, x0, 100, Optimizer.Monitor.NONE).f();
        double adam = new Adam(0.01, null).minimize(ROSENBROCK, x0, 100, Optimizer.Monitor.NONE).f();
        assertTrue(lbfgs < adam, "lbfgs " + lbfgs + " vs adam " + adam);
    }

    @Test
    void adamDecreasesAQuadraticAndProjects() {
        int n = 10;
        Optimizer.Result r = new Adam(0.1, x -> {
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.min(x[i], 0.5); // the minimum at 1 is outside the feasible set
            }
        }).minimize(quadratic(n), new double[n], 300, Optimizer.Monitor.NONE);
        for (double v : r.x()) {
            assertEquals(0.5, v, 1e-6);
        }
    }

    @Test
    void aMonitorCanStopEarly() {
        Optimizer.Result r = new Lbfgs().minimize(quadratic(5), new double[5], 100, (e, f, x) -> e < 3);
        assertEquals("stopped by monitor", r.stopReason());
        assertTrue(r.evaluations() <= 4);
    }
}
