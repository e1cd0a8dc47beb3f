package org.easel.synth.scene;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.easel.synth.render.PhotoLibrary;

/**
 * Generator 2's entry point: makes image {@code index} of a class from (seed, class, index) alone. First a
 * family — screenshot, photo of a screen, document page, graphic, picture — with shares chosen so that no
 * presentation gives the class away (screens and pages are about as common in both classes; pictures exist
 * only without money, as in the real world), then the family's renderer, then the output step.
 */
public final class SceneFactory {
    /** Families and their shares per class: {screen, screen_photo, page, graphic, picture}. */
    static final String[] FAMILIES = {"screen", "screen_photo", "page", "graphic", "picture"};
    static final double[] FINANCIAL_SHARES = {0.52, 0.10, 0.22, 0.16, 0.0};
    static final double[] NON_FINANCIAL_SHARES = {0.48, 0.09, 0.18, 0.12, 0.13};

    private final int cap;
    private final long seed;
    private final PhotoLibrary photos;

    /**
     * @param cap    the long side of stored images is at most this many pixels (natural size below it)
     */
    public SceneFactory(int cap, long seed, PhotoLibrary photos) {
        this.cap = cap;
        this.seed = seed;
        this.photos = photos;
    }

    /**
     * A finished image.
     *
     * @param family   screen, screen_photo, page, graphic or picture
     * @param renderer the program, document or generator-1 kind drawn (e.g. manager.register, page.invoice, candlestick_chart)
     * @param theme    toolkit look and colour scheme (adwaita-dark@2.0x), paper dpi, or v1 theme
     * @param scene    how it is shown: maximised, desktop, window, region, dialog; clean, scan, photo; drawn
     * @param money    money strings visible in the image (label check), or -1 where generator-1 kinds do not track them
     */
    public record Made(byte[] jpeg, String family, String renderer, String theme, String scene, int width, int height, int money) {
        public String subtype() {
            return family + "-" + renderer.replace('.', '_');
        }
    }

    public Made make(boolean financial, int index) {
        Random r = new Random(mix(seed, financial ? 0x46494e32L : 0x4e4f4e32L, index));
        String family = pick(financial ? FINANCIAL_SHARES : NON_FINANCIAL_SHARES, r);
        switch (family) {
            case "screen" -> {
                ScreenScene.Shot s = ScreenScene.render(r, financial, photos);
                Output.Encoded e = Output.finish(s.image(), r, cap, false);
                return new Made(e.jpeg(), family, s.app(), s.theme(), s.mode(), e.width(), e.height(), s.money());
            }
            case "screen_photo" -> {
                ScreenScene.Shot s = ScreenScene.render(r, financial, photos, true);
                Camera.Photo photo = null;
                int visible = 0;
                for (int attempt = 0; attempt < 6; attempt++) {
                    // close-ups may cut the figures off; shoot again from further away until some stay in frame
                    photo = Camera.shoot(s.image(), r, photos, true, attempt < 3 ? 1.15 : 0.9, work());
                    visible = photo.visible(s.moneyBoxes());
                    if (!financial || visible >= ScreenScene.MIN_MONEY) {
                        break;
                    }
                }
                Output.Encoded e = Output.finish(photo.image(), r, cap, true);
                return new Made(e.jpeg(), family, s.app(), s.theme(), s.mode() + "+photo", e.width(), e.height(), visible);
            }
            case "page" -> {
                PageScene.Page p = PageScene.render(r, financial, photos);
                double how = r.nextDouble();
                BufferedImage img = p.image();
                String scene = "clean";
                int money = p.money();
                if (how < 0.25) {
                    img = PageScene.scan(Output.fit(img, work()), r);
                    scene = "scan";
                } else if (how < 0.45) {
                    Camera.Photo photo = Camera.shoot(img, r, photos, false, 0.95, work());
                    img = photo.image();
                    money = photo.visible(p.moneyBoxes());
                    scene = "photo";
                }
                Output.Encoded e = Output.finish(img, r, cap, !scene.equals("clean"));
                return new Made(e.jpeg(), family, "page." + p.kind(), p.look(), scene, e.width(), e.height(), money);
            }
            case "graphic" -> {
                LegacyScene.Made m = LegacyScene.graphic(r, financial, photos);
                BufferedImage img = m.image();
                String scene = "clean";
                if (r.nextDouble() < 0.2) {
                    img = Camera.shoot(img, r, photos, r.nextBoolean(), 0.95, work()).image();
                    scene = "photo";
                }
                Output.Encoded e = Output.finish(img, r, cap, !scene.equals("clean"));
                return new Made(e.jpeg(), family, m.kind(), m.theme(), scene, e.width(), e.height(), -1);
            }
            default -> {
                LegacyScene.Made m = LegacyScene.picture(r, photos);
                Output.Encoded e = Output.finish(m.image(), r, cap, true);
                return new Made(e.jpeg(), family, m.kind(), m.theme(), "drawn", e.width(), e.height(), 0);
            }
        }
    }

    /** Resolution to run scan and camera effects at: the cap with headroom, so small caps skip work on pixels that would be shrunk away. */
    private int work() {
        return Math.max(2 * cap, 480);
    }

    static String pick(double[] shares, Random r) {
        double x = r.nextDouble();
        for (int k = 0; k < shares.length; k++) {
            x -= shares[k];
            if (x < 0) {
                return FAMILIES[k];
            }
        }
        return FAMILIES[0];
    }

    /** SplitMix64-style mixing: nearby indices give unrelated seeds. */
    static long mix(long seed, long salt, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
