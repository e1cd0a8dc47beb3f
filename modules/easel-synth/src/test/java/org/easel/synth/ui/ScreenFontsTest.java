package org.easel.synth.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A machine without the font packages still gets a face for every role; the fingerprint follows what is installed. */
class ScreenFontsTest {
    @Test
    void missingFamiliesFallBackAndPresentOnesKeepTheirOrder() {
        assertEquals(List.of("SansSerif"), ScreenFonts.available(List.of("No Such Face", "Another Missing Face"), "SansSerif"));
        List<String> have = ScreenFonts.presentFamilies();
        if (!have.isEmpty()) {
            String first = have.get(0);
            assertEquals(List.of(first), ScreenFonts.available(List.of("No Such Face", first), "SansSerif"));
        }
        assertEquals(16, ScreenFonts.fingerprint().length());
        for (Skin.Look look : Skin.Look.values()) {
            Skin s = Skin.of(look, false, new Random(1));
            assertFalse(s.ui().isEmpty() || s.mono().isEmpty() || s.serif().isEmpty(), look.toString());
            assertTrue(s.fontPx() >= 11 && s.fontPx() <= 15, "UI text at screen size: " + s.fontPx());
        }
    }
}
