package org.easel.keras;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Seeded float32 test arrays. */
final class TestArrays {
    private TestArrays() {
    }

    /** Normal values with standard deviation 0.5, C order. */
    static INDArray gaussian(Random random, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * 0.5);
        }
        return Nd4j.create(v, shape, 'c');
    }
}
