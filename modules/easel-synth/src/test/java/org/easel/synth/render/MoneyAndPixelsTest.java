package org.easel.synth.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyAndPixelsTest {
    @Test
    void moneyUsesThousandsSeparatorsAndParenthesesOrMinusForNegatives() {
        for (int seed = 0; seed < 200; seed++) {
            Money m = new Money(new Random(seed));
            String neg = m.number(-1234567.891, 2);
            String expectedDigits = "1" + m.group + "234" + m.group + "567" + m.decimal + "89";
            assertEquals(m.parens ? "(" + expectedDigits + ")" : "-" + expectedDigits, neg);
            String amount = m.amount(9876.5, 0);
            assertTrue(amount.contains(m.sign.trim()), amount);
            assertTrue(amount.contains("9" + m.group + "877"), amount);
        }
    }

    @Test
    void homographyMapsTheQuadCornersOntoTheSourceRectangle() {
        double[] quad = {10, 20, 200, 5, 220, 180, 0, 210};
        double[] hm = Pixels.homography(quad, 300, 150);
        double[][] expected = {{0, 0}, {300, 0}, {300, 150}, {0, 150}};
        for (int i = 0; i < 4; i++) {
            double x = quad[2 * i];
            double y = quad[2 * i + 1];
            double z = hm[6] * x + hm[7] * y + hm[8];
            assertEquals(expected[i][0], (hm[0] * x + hm[1] * y + hm[2]) / z, 1e-6);
            assertEquals(expected[i][1], (hm[3] * x + hm[4] * y + hm[5]) / z, 1e-6);
        }
    }

    @Test
    void shrinkAveragesBlocks() {
        int[] src = {0x000000, 0xffffff, 0x000000, 0xffffff};
        assertArrayEquals(new int[] {0x7f7f7f}, Pixels.shrink(src, 2, 2, 2));
    }
}
