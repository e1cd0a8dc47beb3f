package org.easel.synth.render;

import java.awt.Color;
import java.util.List;
import java.util.Random;

/**
 * Colours and typefaces of one image. Drawn the same way for every content kind, so light/dark,
 * palette and fonts carry no hint of the class.
 */
public record Theme(boolean dark, Color bg, Color panel, Color fg, Color muted, Color grid, Color headerBg, Color headerFg,
                    Color stripe, List<Color> palette, Color up, Color down, String family, String mono) {

    private static final Color[][] PALETTES = {
            {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd)},
            {new Color(0x4e79a7), new Color(0xf28e2b), new Color(0xe15759), new Color(0x76b7b2), new Color(0x59a14f)},
            {new Color(0x003f5c), new Color(0x58508d), new Color(0xbc5090), new Color(0xff6361), new Color(0xffa600)},
            {new Color(0x264653), new Color(0x2a9d8f), new Color(0xe9c46a), new Color(0xf4a261), new Color(0xe76f51)},
            {new Color(0x0b5394), new Color(0x6fa8dc), new Color(0x38761d), new Color(0xb45f06), new Color(0x741b47)},
            {new Color(0x3366cc), new Color(0xdc3912), new Color(0xff9900), new Color(0x109618), new Color(0x990099)},
            {new Color(0x00a6ed), new Color(0x7fb800), new Color(0xffb400), new Color(0xf6511d), new Color(0x0d2c54)},
    };

    public static Theme random(Random r) {
        boolean dark = r.nextDouble() < 0.35;
        Color bg;
        Color fg;
        if (dark) {
            int base = 8 + r.nextInt(40);
            bg = new Color(clamp(base + r.nextInt(10)), clamp(base + r.nextInt(14)), clamp(base + 4 + r.nextInt(30)));
            int f = 200 + r.nextInt(56);
            fg = new Color(f, f, clamp(f + r.nextInt(10) - 5));
        } else {
            int base = 228 + r.nextInt(28);
            bg = new Color(clamp(base + r.nextInt(8) - 4), clamp(base + r.nextInt(8) - 4), clamp(base + r.nextInt(10) - 6));
            int f = r.nextInt(60);
            fg = new Color(f, f, clamp(f + r.nextInt(30)));
        }
        Color panel = mix(bg, fg, 0.04 + r.nextDouble() * 0.06);
        Color muted = mix(bg, fg, 0.45 + r.nextDouble() * 0.2);
        Color grid = mix(bg, fg, 0.1 + r.nextDouble() * 0.12);
        Color[] pal = PALETTES[r.nextInt(PALETTES.length)].clone();
        for (int i = 0; i < pal.length; i++) {
            pal[i] = jitter(pal[i], r, 25);
            if (dark) {
                pal[i] = mix(pal[i], Color.WHITE, 0.15);
            }
        }
        Color headerBg = r.nextBoolean() ? mix(bg, pal[0], 0.7 + r.nextDouble() * 0.3) : mix(bg, fg, 0.12);
        Color headerFg = luminance(headerBg) > 0.55 ? Color.BLACK : Color.WHITE;
        Color stripe = mix(bg, fg, 0.03 + r.nextDouble() * 0.05);
        Color up = r.nextDouble() < 0.85 ? jitter(new Color(dark ? 0x26d07c : 0x12a150), r, 20) : jitter(new Color(0x2b7bd6), r, 20);
        Color down = jitter(new Color(dark ? 0xff5252 : 0xd32f2f), r, 20);
        List<String> fams = FontBook.families();
        List<String> monos = FontBook.monospaced();
        String family = fams.get(r.nextInt(fams.size()));
        String mono = r.nextDouble() < 0.5 ? family : monos.get(r.nextInt(monos.size()));
        return new Theme(dark, bg, panel, fg, muted, grid, headerBg, headerFg, stripe, List.of(pal), up, down, family, mono);
    }

    /** A paper-like light theme, used where the content is printed (statements, letters, receipts). */
    public Theme paper(Random r) {
        if (!dark || r.nextDouble() < 0.25) {
            return this;
        }
        int base = 235 + r.nextInt(21);
        Color bg2 = new Color(base, clamp(base - r.nextInt(6)), clamp(base - r.nextInt(16)));
        Color fg2 = new Color(r.nextInt(40), r.nextInt(40), r.nextInt(50));
        return new Theme(false, bg2, mix(bg2, fg2, 0.05), fg2, mix(bg2, fg2, 0.55), mix(bg2, fg2, 0.15), mix(bg2, fg2, 0.1),
                Color.BLACK, mix(bg2, fg2, 0.04), palette, new Color(0x12a150), new Color(0xd32f2f), family, mono);
    }

    public Color accent(int i) {
        return palette.get(Math.floorMod(i, palette.size()));
    }

    public static Color mix(Color a, Color b, double t) {
        return new Color(clamp((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t)),
                clamp((int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t)),
                clamp((int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t)));
    }

    public static Color jitter(Color c, Random r, int amount) {
        return new Color(clamp(c.getRed() + r.nextInt(2 * amount + 1) - amount), clamp(c.getGreen() + r.nextInt(2 * amount + 1) - amount),
                clamp(c.getBlue() + r.nextInt(2 * amount + 1) - amount));
    }

    public static Color alpha(Color c, int a) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
    }

    public static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
    }

    public static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }
}
