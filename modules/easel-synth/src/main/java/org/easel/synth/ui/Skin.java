package org.easel.synth.ui;

import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.easel.synth.render.Theme;

/**
 * One desktop toolkit's look in one colour scheme: the colours, metrics and typefaces every widget is drawn
 * with. Chosen per image independently of the class, so a look or a dark theme never tells financial from not.
 *
 * @param look     which toolkit family the widgets imitate
 * @param dark     dark colour scheme
 * @param fontPx   UI text size in pixels (12 px ≈ Windows' 9 pt, 13–15 px ≈ GNOME's 11 pt at 96 dpi)
 * @param rowH     height of a list/table row in pixels
 */
public record Skin(Look look, boolean dark, Color window, Color view, Color viewAlt, Color text, Color dim, Color border, Color selBg,
                   Color selFg, Color accent, Color titleBg, Color titleFg, Color header, Color button, Color sidebar, Color red,
                   Color green, Color link, String ui, String mono, String serif, float fontPx, int rowH, int titleH, int radius) {

    /** Toolkit families whose structure the windows imitate. */
    public enum Look {
        ADWAITA, BREEZE, WINDOWS, MACOS, CLASSIC;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public String id() {
        return look.id() + (dark ? "-dark" : "-light");
    }

    public static Skin random(Random r) {
        Look look = Look.values()[r.nextInt(Look.values().length)];
        boolean dark = look != Look.CLASSIC ? r.nextDouble() < 0.4 : r.nextDouble() < 0.08;
        return of(look, dark, r);
    }

    public static Skin of(Look look, boolean dark, Random r) {
        Color accent = Theme.jitter(switch (look) {
            case ADWAITA -> new Color(0x3584e4);
            case BREEZE -> new Color(0x3daee9);
            case WINDOWS -> new Color(0x0078d7);
            case MACOS -> new Color(0x0a64d6);
            case CLASSIC -> new Color(0x0a246a);
        }, r, 18);
        if (r.nextDouble() < 0.15) {
            // users pick other accents (purple, green, orange)
            accent = Theme.jitter(new Color[] {new Color(0x9141ac), new Color(0x2ec27e), new Color(0xe66100), new Color(0xc01c28)}[r.nextInt(4)], r, 15);
        }
        Color window;
        Color view;
        Color text;
        Color titleBg;
        Color sidebar;
        Color border;
        Color header;
        Color button;
        switch (look) {
            case ADWAITA -> {
                window = dark ? new Color(0x242424) : new Color(0xfafafa);
                view = dark ? new Color(0x1e1e1e) : Color.WHITE;
                text = dark ? Color.WHITE : new Color(0x2e3436);
                titleBg = dark ? new Color(0x303030) : new Color(r.nextBoolean() ? 0xebebeb : 0xe1dedb);
                sidebar = dark ? new Color(0x2e2e2e) : new Color(0xf0efee);
                border = dark ? new Color(0x1b1b1b) : new Color(0xd5d0cc);
                header = dark ? new Color(0x2a2a2a) : new Color(0xf6f5f4);
                button = dark ? new Color(0x3a3a3a) : new Color(0xe8e6e3);
            }
            case BREEZE -> {
                window = dark ? new Color(0x31363b) : new Color(0xeff0f1);
                view = dark ? new Color(0x232629) : new Color(0xfcfcfc);
                text = dark ? new Color(0xeff0f1) : new Color(0x232627);
                titleBg = dark ? new Color(r.nextBoolean() ? 0x475057 : 0x2a2e32) : new Color(r.nextBoolean() ? 0xdee0e2 : 0xeff0f1);
                sidebar = dark ? new Color(0x2a2e32) : new Color(0xeff0f1);
                border = dark ? new Color(0x4d5257) : new Color(0xbcbebf);
                header = dark ? new Color(0x31363b) : new Color(0xeff0f1);
                button = dark ? new Color(0x3b4045) : new Color(0xfcfcfc);
            }
            case WINDOWS -> {
                window = dark ? new Color(0x202020) : new Color(r.nextBoolean() ? 0xf0f0f0 : 0xffffff);
                view = dark ? new Color(0x191919) : Color.WHITE;
                text = dark ? new Color(0xf2f2f2) : new Color(0x1a1a1a);
                titleBg = dark ? new Color(0x202020) : r.nextDouble() < 0.3 ? accent : Color.WHITE;
                sidebar = dark ? new Color(0x1c1c1c) : new Color(r.nextBoolean() ? 0xffffff : 0xf3f3f3);
                border = dark ? new Color(0x3a3a3a) : new Color(0xd9d9d9);
                header = dark ? new Color(0x2b2b2b) : Color.WHITE;
                button = dark ? new Color(0x2d2d2d) : new Color(0xe1e1e1);
            }
            case MACOS -> {
                window = dark ? new Color(0x323232) : new Color(0xececec);
                view = dark ? new Color(0x1e1e1e) : Color.WHITE;
                text = dark ? new Color(0xdfdfdf) : new Color(0x262626);
                titleBg = dark ? new Color(0x3a3a3a) : new Color(0xe8e6e8);
                sidebar = dark ? new Color(0x2b2b2d) : new Color(0xe3e1e4);
                border = dark ? new Color(0x4a4a4a) : new Color(0xc8c8c8);
                header = dark ? new Color(0x2a2a2a) : new Color(0xf5f5f5);
                button = dark ? new Color(0x5a5a5a) : Color.WHITE;
            }
            default -> {
                int grey = r.nextBoolean() ? 0xc0c0c0 : 0xd4d0c8;
                window = dark ? new Color(0x3c3c3c) : new Color(grey);
                view = dark ? Color.BLACK : Color.WHITE;
                text = dark ? new Color(0xe0e0e0) : Color.BLACK;
                titleBg = dark ? new Color(0x1c3c6c) : new Color(r.nextBoolean() ? 0x000080 : 0x0a246a);
                sidebar = window;
                border = dark ? new Color(0x707070) : new Color(0x808080);
                header = window;
                button = window;
            }
        }
        Color dim = Theme.mix(view, text, 0.55);
        Color viewAlt = r.nextDouble() < 0.55 ? Theme.mix(view, text, dark ? 0.05 : 0.035) : view;
        Color titleFg = Theme.luminance(titleBg) > 0.55 ? new Color(0x202020) : Color.WHITE;
        Color selBg = look == Look.WINDOWS && !dark && r.nextBoolean() ? new Color(0xcce8ff) : accent;
        Color selFg = Theme.luminance(selBg) > 0.6 ? Color.BLACK : Color.WHITE;
        Color red = dark ? new Color(0xff6b6b) : new Color(r.nextBoolean() ? 0xcc0000 : 0xc01c28);
        Color green = dark ? new Color(0x57e389) : new Color(0x1a7f37);
        Color link = dark ? new Color(0x78aeed) : new Color(0x1a5fb4);
        List<String> uiFamilies = ScreenFonts.available(switch (look) {
            case ADWAITA -> ScreenFonts.ADWAITA;
            case BREEZE -> ScreenFonts.BREEZE;
            case WINDOWS -> ScreenFonts.WINDOWS;
            case MACOS -> ScreenFonts.MACOS;
            case CLASSIC -> ScreenFonts.CLASSIC;
        }, "SansSerif");
        // the first family is the toolkit's own; the others are what users and distributions switch to
        String ui = r.nextDouble() < 0.6 ? uiFamilies.get(0) : uiFamilies.get(r.nextInt(uiFamilies.size()));
        List<String> monos = ScreenFonts.available(ScreenFonts.MONO, "Monospaced");
        List<String> serifs = ScreenFonts.available(ScreenFonts.SERIF, "Serif");
        float fontPx = switch (look) {
            case ADWAITA -> 13.5f + r.nextInt(3) * 0.5f;
            case BREEZE -> 12.5f + r.nextInt(3) * 0.5f;
            case WINDOWS -> 11.5f + r.nextInt(3) * 0.5f;
            case MACOS -> 12.5f + r.nextInt(3) * 0.5f;
            case CLASSIC -> 11f + r.nextInt(2) * 0.5f;
        };
        double rowFactor = switch (look) {
            case ADWAITA -> 2.3;
            case BREEZE, MACOS -> 1.75;
            case WINDOWS -> 1.8;
            case CLASSIC -> 1.45;
        } * (0.9 + r.nextDouble() * 0.25);
        int rowH = Math.round(fontPx * (float) rowFactor);
        int titleH = switch (look) {
            case ADWAITA -> 46;
            case BREEZE -> 30;
            case WINDOWS -> 31;
            case MACOS -> r.nextBoolean() ? 28 : 52;
            case CLASSIC -> 20;
        };
        int radius = switch (look) {
            case ADWAITA -> 12;
            case BREEZE -> 5;
            case WINDOWS -> r.nextBoolean() ? 8 : 0;
            case MACOS -> 10;
            case CLASSIC -> 0;
        };
        return new Skin(look, dark, window, view, viewAlt, text, dim, border, selBg, selFg, accent, titleBg, titleFg, header, button, sidebar,
                red, green, link, ui, monos.get(r.nextInt(monos.size())), serifs.get(r.nextInt(serifs.size())), fontPx, rowH, titleH, radius);
    }
}
