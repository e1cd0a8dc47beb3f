package org.easel.core.train;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** {@link FloatLoops} with the JDK Vector API; only loaded when the jdk.incubator.vector module is present. */
final class VectorFloatLoops extends FloatLoops {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private static FloatVector load(ByteBuffer b, int floatIndex) {
        return FloatVector.fromByteBuffer(SPECIES, b, floatIndex * Float.BYTES, ORDER);
    }

    private static void store(FloatVector v, ByteBuffer b, int floatIndex) {
        v.intoByteBuffer(b, floatIndex * Float.BYTES, ORDER);
    }

    @Override
    String describe() {
        return "Java Vector API, " + LANES + " floats per instruction";
    }

    @Override
    void rmsProp(ByteBuffer params, ByteBuffer gradient, ByteBuffer meanSquare, int n, float lr, float decay, float eps) {
        float oneMinusDecay = 1f - decay;
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            FloatVector g = load(gradient, i);
            FloatVector s = load(meanSquare, i).mul(decay).add(g.mul(g).mul(oneMinusDecay));
            store(s, meanSquare, i);
            store(load(params, i).sub(g.mul(lr).div(s.sqrt().add(eps))), params, i);
        }
        rmsPropFrom(i, params, gradient, meanSquare, n, lr, decay, eps);
    }

    @Override
    void adam(ByteBuffer params, ByteBuffer gradient, ByteBuffer m, ByteBuffer u, int n, float alpha, float beta1, float beta2, float eps) {
        float oneMinusBeta1 = 1f - beta1;
        float oneMinusBeta2 = 1f - beta2;
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            FloatVector g = load(gradient, i);
            FloatVector mi = load(m, i).mul(beta1).add(g.mul(oneMinusBeta1));
            FloatVector ui = load(u, i).mul(beta2).add(g.mul(g).mul(oneMinusBeta2));
            store(mi, m, i);
            store(ui, u, i);
            store(load(params, i).sub(mi.mul(alpha).div(ui.sqrt().add(eps))), params, i);
        }
        adamFrom(i, params, gradient, m, u, n, alpha, beta1, beta2, eps);
    }

    @Override
    void sgd(ByteBuffer params, ByteBuffer gradient, int n, float lr) {
        int i = 0;
        for (; i <= n - LANES; i += LANES) {
            store(load(params, i).sub(load(gradient, i).mul(lr)), params, i);
        }
        sgdFrom(i, params, gradient, n, lr);
    }

    @Override
    void biasRelu(ByteBuffer z, ByteBuffer bias, int rows, int cols) {
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c <= cols - LANES; c += LANES) {
                FloatVector v = load(z, row + c).add(load(bias, c));
                store(zero.blend(v, v.compare(VectorOperators.GT, 0f)), z, row + c);
            }
            biasReluFrom(c, z, bias, row, cols);
        }
    }

    @Override
    void reluBackward(ByteBuffer upstream, ByteBuffer activation, ByteBuffer biasGrad, int rows, int cols, float keep) {
        zero(biasGrad, cols);
        FloatVector zero = FloatVector.zero(SPECIES);
        for (int r = 0; r < rows; r++) {
            int row = r * cols;
            int c = 0;
            for (; c <= cols - LANES; c += LANES) {
                FloatVector d = zero.blend(load(upstream, row + c).div(keep), load(activation, row + c).compare(VectorOperators.GT, 0f));
                store(d, upstream, row + c);
                store(load(biasGrad, c).add(d), biasGrad, c);
            }
            reluBackwardFrom(c, upstream, activation, biasGrad, row, cols, keep);
        }
    }
}
