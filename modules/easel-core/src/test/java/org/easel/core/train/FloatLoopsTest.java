package org.easel.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SIMD loops and the scalar fallback compute the same thing, including the tails past the last full vector. */
class FloatLoopsTest {
    private static final int ROWS = 5;
    private static final int COLS = 37;   // two 16-lane vectors and a tail of 5

    private static ByteBuffer random(int n, long seed, boolean withZerosAndNegatives) {
        Random r = new Random(seed);
        ByteBuffer b = ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            float v = withZerosAndNegatives ? (i % 7 == 0 ? 0f : (float) r.nextGaussian()) : r.nextFloat() + 0.01f;
            b.putFloat(i * Float.BYTES, v);
        }
        return b;
    }

    private static ByteBuffer copy(ByteBuffer b) {
        ByteBuffer c = ByteBuffer.allocateDirect(b.capacity()).order(ByteOrder.nativeOrder());
        for (int i = 0; i < b.capacity(); i += Float.BYTES) {
            c.putFloat(i, b.getFloat(i));
        }
        return c;
    }

    private static void assertSame(ByteBuffer expected, ByteBuffer actual, String what) {
        for (int i = 0; i < expected.capacity(); i += Float.BYTES) {
            float e = expected.getFloat(i);
            assertEquals(e, actual.getFloat(i), 1e-6f * Math.max(1f, Math.abs(e)), what + " at float " + i / Float.BYTES);
        }
    }

    @Test
    void testsRunTheVectorApiPath() {
        assertInstanceOf(VectorFloatLoops.class, FloatLoops.BEST, "surefire's argLine adds jdk.incubator.vector, as ./easel does");
    }

    @Test
    void rmsPropAndSgdAgree() {
        FloatLoops scalar = new FloatLoops();
        int n = ROWS * COLS;
        ByteBuffer p = random(n, 1, true), g = random(n, 2, true), s = random(n, 3, false);
        ByteBuffer p2 = copy(p), g2 = copy(g), s2 = copy(s);
        scalar.rmsProp(p, g, s, n, 1e-3f, 0.9f, 1e-7f);
        FloatLoops.BEST.rmsProp(p2, g2, s2, n, 1e-3f, 0.9f, 1e-7f);
        assertSame(s, s2, "RMSprop state");
        assertSame(p, p2, "RMSprop params");
        scalar.sgd(p, g, n, 0.1f);
        FloatLoops.BEST.sgd(p2, g2, n, 0.1f);
        assertSame(p, p2, "SGD params");
    }

    @Test
    void adamAgreesAndFollowsTheFormula() {
        FloatLoops scalar = new FloatLoops();
        int n = ROWS * COLS;
        ByteBuffer p = random(n, 1, true), g = random(n, 2, true), m = random(n, 3, true), u = random(n, 4, false);
        ByteBuffer p2 = copy(p), m2 = copy(m), u2 = copy(u);
        float p0 = p.getFloat(8), g0 = g.getFloat(8), m0 = m.getFloat(8), u0 = u.getFloat(8);
        scalar.adam(p, g, m, u, n, 1e-3f, 0.9f, 0.999f, 1e-7f);
        FloatLoops.BEST.adam(p2, g, m2, u2, n, 1e-3f, 0.9f, 0.999f, 1e-7f);
        assertSame(m, m2, "Adam first moment");
        assertSame(u, u2, "Adam second moment");
        assertSame(p, p2, "Adam params");
        float m1 = 0.9f * m0 + 0.1f * g0;
        float u1 = 0.999f * u0 + 0.001f * g0 * g0;
        assertEquals(m1, m.getFloat(8), 1e-6f);
        assertEquals(u1, u.getFloat(8), 1e-6f);
        assertEquals(p0 - 1e-3f * m1 / ((float) Math.sqrt(u1) + 1e-7f), p.getFloat(8), 1e-6f);
    }

    @Test
    void rmsPropFollowsTheFormula() {
        ByteBuffer p = random(1, 1, false), g = random(1, 2, false), s = random(1, 3, false);
        float p0 = p.getFloat(0), g0 = g.getFloat(0), s0 = s.getFloat(0);
        new FloatLoops().rmsProp(p, g, s, 1, 0.01f, 0.9f, 1e-7f);
        float s1 = 0.9f * s0 + 0.1f * g0 * g0;
        assertEquals(s1, s.getFloat(0), 1e-7f);
        assertEquals(p0 - 0.01f * g0 / ((float) Math.sqrt(s1) + 1e-7f), p.getFloat(0), 1e-7f);
    }

    @Test
    void reluForwardAndBackwardAgree() {
        FloatLoops scalar = new FloatLoops();
        ByteBuffer z = random(ROWS * COLS, 4, true), bias = random(COLS, 5, true);
        ByteBuffer z2 = copy(z);
        scalar.biasRelu(z, bias, ROWS, COLS);
        FloatLoops.BEST.biasRelu(z2, bias, ROWS, COLS);
        assertSame(z, z2, "bias + ReLU");
        for (int i = 0; i < z.capacity(); i += Float.BYTES) {
            assertEquals(true, z.getFloat(i) >= 0f, "ReLU output is never negative");
        }
        ByteBuffer up = random(ROWS * COLS, 6, true), up2 = copy(up);
        ByteBuffer db = random(COLS, 7, true), db2 = copy(db);   // stale values: the loops must overwrite them
        scalar.reluBackward(up, z, db, ROWS, COLS, 0.6f);
        FloatLoops.BEST.reluBackward(up2, z, db2, ROWS, COLS, 0.6f);
        assertSame(up, up2, "ReLU backward");
        assertSame(db, db2, "bias gradient");
        float column0 = 0f;
        for (int r = 0; r < ROWS; r++) {
            column0 += up.getFloat(r * COLS * Float.BYTES);
        }
        assertEquals(column0, db.getFloat(0), 1e-6f, "bias gradient = column sum");
    }
}
