package org.easel.synth.scene;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.easel.synth.render.Catalog;
import org.easel.synth.render.Chrome;
import org.easel.synth.render.Ctx;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.render.SceneRenderer;
import org.easel.synth.render.Textures;
import org.easel.synth.render.Theme;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.TextLog;
import org.easel.synth.ui.Ui;

/**
 * The generator-1 content kept in version 2, now at a natural size instead of a 224 px square: financial
 * graphics (charts, statements, invoices, receipts, tickers, trading screens, dashboards), non-financial
 * graphics (diagrams, boards, timetables, calendars, prose, lists) and pictures (photos, drawn scenes,
 * doodles, textures, wallpapers).
 */
public final class LegacyScene {
    /** Non-financial kinds that are pictures rather than graphics: they make up the "picture" family. */
    static final List<String> PICTURES = List.of("scene", "texture", "doodle");

    public record Made(BufferedImage image, String kind, String theme) {
    }

    private LegacyScene() {
    }

    public static List<Catalog.Subtype> graphics(boolean financial) {
        if (financial) {
            return Catalog.FINANCIAL;
        }
        List<Catalog.Subtype> out = new ArrayList<>();
        for (Catalog.Subtype s : Catalog.nonFinancial(false)) {
            if (!PICTURES.contains(s.name())) {
                out.add(s);
            }
        }
        return out;
    }

    /** A graphic of a generator-1 kind on a canvas 560–1400 px wide, with generator-1 chrome odds. */
    public static Made graphic(Random r, boolean financial, PhotoLibrary photos) {
        Catalog.Subtype kind = Catalog.pick(graphics(financial), r);
        int w = 560 + r.nextInt(840);
        int h = (int) Math.max(360, Math.min(1400, w * Math.exp((r.nextDouble() - 0.5) * 1.0)));
        Theme theme = Theme.random(r);
        Ctx c = new Ctx(r, w, h, theme, photos);
        c.fill(theme.bg(), 0, 0, w, h);
        Chrome.maybeDraw(c);
        kind.renderer().draw(c);
        c.dispose();
        return new Made(c.img, kind.name(), theme.dark() ? "v1-dark" : "v1-light");
    }

    /** A picture: a photo crop (when photos were given), a drawn scene, doodle or texture, or a desktop wallpaper. */
    public static Made picture(Random r, PhotoLibrary photos) {
        double p = r.nextDouble();
        int w = 480 + r.nextInt(800);
        int h = (int) Math.max(320, w * Math.exp((r.nextDouble() - 0.6) * 0.8));
        if (!photos.isEmpty() && p < 0.4) {
            return new Made(photos.crop(r, w, h), "photo", "photo");
        }
        if (p < 0.55) {
            int[][] screens = ScreenScene.SCREENS;
            int[] s = screens[r.nextInt(screens.length)];
            BufferedImage img = new BufferedImage(s[0], s[1], BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            Desktop.wallpaper(new Ui(g, Skin.random(r), r, new TextLog()), photos, s[0], s[1]);
            g.dispose();
            return new Made(img, "wallpaper", "wallpaper");
        }
        Ctx c = new Ctx(r, w, h, Theme.random(r), photos);
        String kind;
        double q = r.nextDouble();
        if (q < 0.5) {
            SceneRenderer.scene(c);
            kind = "scene";
        } else if (q < 0.75) {
            SceneRenderer.doodle(c);
            kind = "doodle";
        } else {
            Textures.texture(c);
            kind = "texture";
        }
        c.dispose();
        return new Made(c.img, kind, "drawn");
    }
}
