package org.easel.synth.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.render.Pixels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SceneFactoryTest {
    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void sameSeedClassAndIndexGiveTheSameBytes() {
        SceneFactory a = new SceneFactory(480, 9L, PhotoLibrary.EMPTY);
        SceneFactory b = new SceneFactory(480, 9L, PhotoLibrary.EMPTY);
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(a.make(true, i).jpeg(), b.make(true, i).jpeg());
            assertArrayEquals(a.make(false, i).jpeg(), b.make(false, i).jpeg());
        }
        assertFalse(Arrays.equals(a.make(true, 0).jpeg(), a.make(true, 1).jpeg()));
        assertFalse(Arrays.equals(a.make(true, 0).jpeg(), new SceneFactory(480, 10L, PhotoLibrary.EMPTY).make(true, 0).jpeg()));
    }

    @Test
    void familySharesMatchTheTableAndPresentationIsNotAClassCue() {
        Map<String, Integer> fin = new HashMap<>();
        Map<String, Integer> non = new HashMap<>();
        Random r = new Random(3);
        int n = 20_000;
        for (int k = 0; k < n; k++) {
            fin.merge(SceneFactory.pick(SceneFactory.FINANCIAL_SHARES, r), 1, Integer::sum);
            non.merge(SceneFactory.pick(SceneFactory.NON_FINANCIAL_SHARES, r), 1, Integer::sum);
        }
        for (int f = 0; f < SceneFactory.FAMILIES.length; f++) {
            String family = SceneFactory.FAMILIES[f];
            assertEquals(SceneFactory.FINANCIAL_SHARES[f], fin.getOrDefault(family, 0) / (double) n, 0.015, family);
            assertEquals(SceneFactory.NON_FINANCIAL_SHARES[f], non.getOrDefault(family, 0) / (double) n, 0.015, family);
        }
        // screens, photos of screens and pages: each within 5 points between the classes
        for (int f = 0; f < 3; f++) {
            assertEquals(SceneFactory.FINANCIAL_SHARES[f], SceneFactory.NON_FINANCIAL_SHARES[f], 0.05, SceneFactory.FAMILIES[f]);
        }
        assertEquals(0.0, SceneFactory.FINANCIAL_SHARES[4], "pictures without money only");
    }

    @Test
    void theCapShrinksTheLongSideAndNaturalSizeIsKeptBelowIt() {
        SceneFactory capped = new SceneFactory(300, 4L, PhotoLibrary.EMPTY);
        SceneFactory natural = new SceneFactory(1920, 4L, PhotoLibrary.EMPTY);
        for (int i = 0; i < 3; i++) {
            SceneFactory.Made c = capped.make(false, i);
            SceneFactory.Made m = natural.make(false, i);
            assertEquals(300, Math.max(c.width(), c.height()));
            assertTrue(Math.max(m.width(), m.height()) <= 1920 && Math.max(m.width(), m.height()) >= 320, m.toString());
            BufferedImage img = Output.decode(c.jpeg());
            assertEquals(c.width(), img.getWidth());
        }
    }

    @Test
    void areaShrinkAveragesExactlyAndKeepsTheMean() {
        // 4x2 → 2x1: each output pixel is the mean of a 2x2 block
        int[] src = {0x000000, 0x646464, 0xc8c8c8, 0xffffff, 0x000000, 0x646464, 0xc8c8c8, 0xffffff};
        int[] out = Output.shrink(src, 4, 2, 2, 1);
        assertEquals(0x323232, out[0]);
        assertEquals(0xe4e4e4 & 0xff, out[1] & 0xff, 1);
        // a 3 → 2 shrink splits the middle pixel between both outputs
        int[] row = {0x000000, 0x969696, 0xffffff};
        int[] two = Output.shrink(row, 3, 1, 2, 1);
        assertEquals(Math.round((0 * 1.0 + 150 * 0.5) / 1.5), two[0] & 0xff);
        assertEquals(Math.round((150 * 0.5 + 255 * 1.0) / 1.5), two[1] & 0xff);
        BufferedImage flat = Pixels.image(new int[] {0x808080, 0x808080, 0x808080, 0x808080, 0x808080, 0x808080}, 3, 2);
        assertEquals(0x808080, Pixels.of(Output.fit(flat, 2))[0]);
    }
}
