package org.easel.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class PreprocessingTest {
    @Test
    void caffeSwapsToBgrScalesAndSubtractsTheImageNetMeans() {
        float[] px = {1f, 0.5f, 0f}; // one pixel: R=1, G=0.5, B=0
        Preprocessing.CAFFE_BGR.apply(px, 1, 1, 1);
        assertArrayEquals(new float[]{0f - 103.939f, 127.5f - 116.779f, 255f - 123.68f}, px, 1e-3f);
        float[] unit = {0.2f, 0.4f, 0.6f};
        Preprocessing.UNIT.apply(unit, 1, 1, 1);
        assertArrayEquals(new float[]{0.2f, 0.4f, 0.6f}, unit);
    }
}
