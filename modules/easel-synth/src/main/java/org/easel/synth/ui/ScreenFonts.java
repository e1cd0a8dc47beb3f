package org.easel.synth.ui;

import java.awt.GraphicsEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.easel.core.io.Hashing;

/**
 * The typefaces real screens and documents use, by role, as far as this machine has them. Each role lists
 * the look-alikes of what the real toolkits ship (Cantarell for GNOME, Noto Sans ~ Open Sans / Oxygen for KDE,
 * Segoe UI ~ Open Sans / Liberation Sans for Windows, San Francisco ~ Inter / Nimbus Sans for macOS,
 * Tahoma ~ DejaVu Sans for old desktops). Families missing here are skipped; every role falls back to
 * DejaVu / the JDK's logical fonts, so the generator works on a bare machine with fewer distinct faces
 * (see the module README: {@code .ci/run} installs the Debian font packages).
 */
public final class ScreenFonts {
    public static final List<String> ADWAITA = List.of("Cantarell", "Inter", "DejaVu Sans", "Open Sans");
    public static final List<String> BREEZE = List.of("Open Sans", "Oxygen-Sans", "DejaVu Sans", "Liberation Sans");
    public static final List<String> WINDOWS = List.of("Open Sans", "Liberation Sans", "Carlito", "DejaVu Sans", "Nimbus Sans");
    public static final List<String> MACOS = List.of("Inter", "Nimbus Sans", "Liberation Sans", "Open Sans");
    public static final List<String> CLASSIC = List.of("DejaVu Sans", "Liberation Sans", "Nimbus Sans", "URW Gothic", "DejaVu Sans Condensed");
    public static final List<String> MONO = List.of("DejaVu Sans Mono", "Liberation Mono", "Hack", "Noto Mono", "Noto Sans Mono", "Nimbus Mono PS",
            "Oxygen Mono");
    public static final List<String> SERIF = List.of("DejaVu Serif", "Liberation Serif", "Nimbus Roman", "Caladea", "C059", "P052");
    public static final List<String> DOCUMENT_SANS = List.of("Liberation Sans", "Carlito", "Open Sans", "DejaVu Sans", "Nimbus Sans", "Inter",
            "Cantarell");

    private static volatile Set<String> installed;

    private ScreenFonts() {
    }

    /** The available members of {@code wanted}, in order; never empty (falls back to a logical font). */
    public static List<String> available(List<String> wanted, String fallback) {
        Set<String> have = installed();
        List<String> out = new ArrayList<>();
        for (String f : wanted) {
            if (have.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            out.add(fallback);
        }
        return out;
    }

    /** A fingerprint of the families this generator can use here: images depend on it. */
    public static String fingerprint() {
        List<String> all = new ArrayList<>();
        for (List<String> role : List.of(ADWAITA, BREEZE, WINDOWS, MACOS, CLASSIC, MONO, SERIF, DOCUMENT_SANS)) {
            all.addAll(available(role, "-"));
        }
        return Hashing.sha256(String.join(",", all).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** Families of all roles present on this machine (for the README's "with / without the packages" note and logs). */
    public static List<String> presentFamilies() {
        Set<String> seen = new TreeSet<>();
        for (List<String> role : List.of(ADWAITA, BREEZE, WINDOWS, MACOS, CLASSIC, MONO, SERIF, DOCUMENT_SANS)) {
            for (String f : role) {
                if (installed().contains(f)) {
                    seen.add(f);
                }
            }
        }
        return List.copyOf(seen);
    }

    private static Set<String> installed() {
        if (installed == null) {
            synchronized (ScreenFonts.class) {
                if (installed == null) {
                    String[] names = GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
                    installed = new HashSet<>(Arrays.asList(names));
                }
            }
        }
        return installed;
    }
}
