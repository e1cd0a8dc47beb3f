package org.easel.core.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;

/**
 * One optimizer step on a network's flattened parameters: {@code params -= update(gradient, state)}.
 *
 * <p>Why: libnd4j's RMSprop op takes ~1.8 ms for the MNIST MLP's 235k parameters (40 % of the whole step)
 * and the subtraction is another op; one Java pass over the native buffers does both in ~0.1 ms
 * ({@link FloatLoops}). Adam likewise (libnd4j's op plus the subtraction took 3-4 ms per step for the
 * Fashion-MNIST CNN's 422k parameters). The
 * arithmetic is libnd4j's, in the same float order, so trajectories match DL4J's (FusedDenseStepTest).
 * Optimizers without a Java pass here use ND4J's own updater.
 */
abstract class FlatUpdate {
    /** Applies one step; {@code iteration} and {@code epoch} drive learning-rate schedules as in DL4J. */
    abstract void apply(int iteration, int epoch);

    static FlatUpdate of(IUpdater config, INDArray params, INDArray gradient, INDArray state) {
        if (config instanceof RmsProp rms && state.length() == params.length()) {
            return new RmsPropUpdate(rms, params, gradient, state);
        }
        if (config instanceof Adam adam && state.length() == 2 * params.length()) {
            return new AdamUpdate(adam, params, gradient, state);
        }
        if (config instanceof Sgd sgd && (state == null || state.isEmpty())) {
            return new SgdUpdate(sgd, params, gradient);
        }
        return new Nd4jUpdate(config.instantiate(state, false), params, gradient);
    }

    private static final class RmsPropUpdate extends FlatUpdate {
        private final RmsProp config;
        private final ByteBuffer params;
        private final ByteBuffer gradient;
        private final ByteBuffer meanSquare;
        private final int n;

        RmsPropUpdate(RmsProp config, INDArray params, INDArray gradient, INDArray state) {
            this.config = config;
            this.params = NativeFloats.bytes(params);
            this.gradient = NativeFloats.bytes(gradient);
            this.meanSquare = NativeFloats.bytes(state);
            this.n = Math.toIntExact(params.length());
        }

        @Override
        void apply(int iteration, int epoch) {
            FloatLoops.BEST.rmsProp(params, gradient, meanSquare, n, (float) config.getLearningRate(iteration, epoch),
                    (float) config.getRmsDecay(), (float) config.getEpsilon());
        }
    }

    /** Adam; DL4J's state holds the first moments of all parameters, then the second moments. */
    private static final class AdamUpdate extends FlatUpdate {
        private final Adam config;
        private final ByteBuffer params;
        private final ByteBuffer gradient;
        private final ByteBuffer firstMoment;
        private final ByteBuffer secondMoment;
        private final int n;

        AdamUpdate(Adam config, INDArray params, INDArray gradient, INDArray state) {
            this.config = config;
            this.n = Math.toIntExact(params.length());
            this.params = NativeFloats.bytes(params);
            this.gradient = NativeFloats.bytes(gradient);
            ByteBuffer moments = NativeFloats.bytes(state);
            this.firstMoment = moments.slice(0, n * Float.BYTES).order(ByteOrder.nativeOrder());
            this.secondMoment = moments.slice(n * Float.BYTES, n * Float.BYTES).order(ByteOrder.nativeOrder());
        }

        @Override
        void apply(int iteration, int epoch) {
            float lr = (float) config.getLearningRate(iteration, epoch);
            float beta1 = (float) config.getBeta1();
            float beta2 = (float) config.getBeta2();
            float eps = (float) config.getEpsilon();
            // The bias-corrected step size, with libnd4j's float/double mix (adam_updater).
            float beta1T = (float) Math.pow(beta1, iteration + 1f);
            float beta2T = (float) Math.pow(beta2, iteration + 1f);
            float alpha = (float) (lr * (float) Math.sqrt((float) (1.0 - beta2T)) / (1.0 - beta1T));
            if (Float.isNaN(alpha) || Float.isInfinite(alpha) || alpha == 0f) {
                alpha = eps;
            }
            FloatLoops.BEST.adam(params, gradient, firstMoment, secondMoment, n, alpha, beta1, beta2, eps);
        }
    }

    private static final class SgdUpdate extends FlatUpdate {
        private final Sgd config;
        private final ByteBuffer params;
        private final ByteBuffer gradient;
        private final int n;

        SgdUpdate(Sgd config, INDArray params, INDArray gradient) {
            this.config = config;
            this.params = NativeFloats.bytes(params);
            this.gradient = NativeFloats.bytes(gradient);
            this.n = Math.toIntExact(params.length());
        }

        @Override
        void apply(int iteration, int epoch) {
            FloatLoops.BEST.sgd(params, gradient, n, (float) config.getLearningRate(iteration, epoch));
        }
    }

    /** Any other optimizer: ND4J's updater turns the gradient into the update, then one subtraction. */
    private static final class Nd4jUpdate extends FlatUpdate {
        private final GradientUpdater updater;
        private final INDArray params;
        private final INDArray gradient;

        Nd4jUpdate(GradientUpdater updater, INDArray params, INDArray gradient) {
            this.updater = updater;
            this.params = params;
            this.gradient = gradient;
        }

        @Override
        void apply(int iteration, int epoch) {
            updater.applyUpdater(gradient, iteration, epoch);
            params.subi(gradient.reshape(params.shape()));
        }
    }
}
