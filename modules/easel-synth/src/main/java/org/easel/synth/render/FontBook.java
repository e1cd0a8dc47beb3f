package org.easel.synth.render;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The font families images are drawn with: the JDK's logical fonts plus every installed family
 * that can show digits, letters and currency signs. Listed once and sorted, so the same machine
 * always yields the same list (and so the same images). Both classes draw from this one list, so
 * a typeface never tells financial from non-financial.
 */
public final class FontBook {
    private static final String PROBE = "Aa0123456789$%.,()-+€£¥▲▼";
    private static final List<String> LOGICAL = List.of("Serif", "SansSerif", "Monospaced", "Dialog", "DialogInput");
    private static volatile List<String> families;
    private static volatile List<String> monospaced;

    private FontBook() {
    }

    public static List<String> families() {
        if (families == null) {
            load();
        }
        return families;
    }

    /** Families whose digits line up (for receipts, terminals, spreadsheets in code editors). */
    public static List<String> monospaced() {
        if (monospaced == null) {
            load();
        }
        return monospaced;
    }

    private static synchronized void load() {
        if (families != null) {
            return;
        }
        Set<String> all = new LinkedHashSet<>(LOGICAL);
        String[] installed = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
        Arrays.sort(installed);
        for (String name : installed) {
            String lower = name.toLowerCase(Locale.ROOT);
            // symbol and emoji fonts draw boxes or pictures instead of text
            if (lower.contains("symbol") || lower.contains("dingbat") || lower.contains("emoji") || lower.contains("wingding")) {
                continue;
            }
            Font f = new Font(name, Font.PLAIN, 12);
            if (f.canDisplayUpTo(PROBE) == -1) {
                all.add(name);
            }
        }
        List<String> mono = new ArrayList<>();
        for (String name : all) {
            Font f = new Font(name, Font.PLAIN, 20);
            FontRenderContext frc = new FontRenderContext(null, true, true);
            double wi = f.getStringBounds("iiii", frc).getWidth();
            double wm = f.getStringBounds("MMMM", frc).getWidth();
            if (Math.abs(wi - wm) < 0.5) {
                mono.add(name);
            }
        }
        if (mono.isEmpty()) {
            mono.add("Monospaced");
        }
        monospaced = List.copyOf(mono);
        families = List.copyOf(all);
    }
}
