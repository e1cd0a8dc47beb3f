package org.easel.synth.scene;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.easel.synth.apps.Doc;
import org.easel.synth.apps.Env;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.render.Pixels;
import org.easel.synth.render.Theme;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.TextLog;
import org.easel.synth.ui.Ui;

/**
 * A document page at a real page scale — A4 or Letter rendered at 96–150 dpi, body text 9.5–12 pt — as a
 * PDF renderer, a scanner or a phone camera would deliver it. Financial pages: invoices, statements, reports,
 * price lists, finance help pages, printed banking/shop/quote pages; the others: letters, help pages,
 * articles with maths, manuals with tables of measurements, minutes, printed wiki/news/forum/weather pages.
 */
public final class PageScene {
    /** The page image, what it shows, and the money strings visible on it. */
    public record Page(BufferedImage image, String kind, String look, int money, List<Rectangle> moneyBoxes) {
    }

    private PageScene() {
    }

    public static Page render(Random r, boolean financial, PhotoLibrary photos) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Page p = attempt(r, financial, photos);
            if (!financial || p.money() >= ScreenScene.MIN_MONEY) {
                return p;
            }
        }
        throw new IllegalStateException("no financial page with visible money after 8 attempts");
    }

    private static Page attempt(Random r, boolean financial, PhotoLibrary photos) {
        List<Doc.Kind> kinds = new ArrayList<>(Doc.Kind.of(financial, false));
        if (r.nextDouble() < 0.25) {
            kinds = Doc.Kind.of(financial, true);
        }
        Doc.Kind kind = kinds.get(r.nextInt(kinds.size()));
        double dpi = new double[] {96, 110, 120, 150}[r.nextInt(4)];
        boolean letter = r.nextBoolean();
        double wIn = letter ? 8.5 : 8.27;
        double hIn = letter ? 11 : 11.69;
        boolean landscape = r.nextDouble() < 0.12;
        int w = (int) Math.round((landscape ? hIn : wIn) * dpi);
        int h = (int) Math.round((landscape ? wIn : hIn) * dpi);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Skin skin = Skin.of(Skin.Look.values()[r.nextInt(Skin.Look.values().length)], false, r);
        ScreenScene.hints(g, r, skin);
        TextLog log = new TextLog();
        Ui u = new Ui(g, skin, r, log);
        u.fill(r.nextDouble() < 0.8 ? Color.WHITE : new Color(250, 248, 240 + r.nextInt(10)), 0, 0, w, h);
        int margin = (int) (dpi * (0.6 + r.nextDouble() * 0.5));
        float px = (float) ((9.5 + r.nextDouble() * 2.5) * dpi / 72);
        Env env = Env.of(u, photos);
        new Doc(u, env, new Rectangle(margin, margin, w - 2 * margin, h - 2 * margin), px, r.nextDouble() < 0.5).fill(kind);
        if (r.nextDouble() < 0.6) {
            u.textCenter(Integer.toString(1 + r.nextInt(40)), w / 2.0, h - margin / 2.0, u.font(skin.ui(), Font.PLAIN, px * 0.85f), skin.dim());
        }
        g.dispose();
        Rectangle capture = new Rectangle(0, 0, w, h);
        if (r.nextDouble() < 0.2) {
            // the top of a page (a cropped scan or a screenshot of a PDF's first half)
            int ch = (int) (h * (0.4 + r.nextDouble() * 0.35));
            capture = new Rectangle(0, 0, w, ch);
            img = ScreenScene.copy(img.getSubimage(0, 0, w, ch));
        }
        final Rectangle cap = capture;
        List<Rectangle> boxes = log.marks().stream().filter(m -> m.money() && cap.contains(m.box())).map(TextLog.Mark::box).toList();
        if (!financial && log.moneyCount() > 0) {
            throw new IllegalStateException("label rule broken: non-financial page " + kind + " drew money");
        }
        return new Page(img, kind.name().toLowerCase(Locale.ROOT), "paper-" + (int) dpi + "dpi", boxes.size(), boxes);
    }

    /** A flatbed scan: slight rotation, paper tint, grey, specks, softness. Text stays where it was within a few pixels. */
    public static BufferedImage scan(BufferedImage page, Random r) {
        int w = page.getWidth();
        int h = page.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(235 + r.nextInt(20), 235 + r.nextInt(20), 228 + r.nextInt(25)));
        g.fillRect(0, 0, w, h);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(page, AffineTransform.getRotateInstance(Math.toRadians(r.nextGaussian() * 0.8), w / 2.0, h / 2.0), null);
        g.dispose();
        int[] px = Pixels.of(out);
        int state = r.nextInt() | 1;
        boolean grey = r.nextDouble() < 0.5;
        double tr = 0.97 + r.nextDouble() * 0.03;
        double tg = 0.96 + r.nextDouble() * 0.04;
        double tb = 0.9 + r.nextDouble() * 0.1;
        double contrast = 0.85 + r.nextDouble() * 0.3;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double rr = ((p >> 16) & 255);
            double gg = ((p >> 8) & 255);
            double bb = p & 255;
            if (grey) {
                double l = 0.299 * rr + 0.587 * gg + 0.114 * bb;
                rr = l;
                gg = l;
                bb = l;
            }
            rr = (rr - 128) * contrast + 128;
            gg = (gg - 128) * contrast + 128;
            bb = (bb - 128) * contrast + 128;
            // specks from a cheap generator seeded by r: a Random draw per pixel cost more than the rest of the scan
            state ^= state << 13;
            state ^= state >>> 17;
            state ^= state << 5;
            int v = (state & 0xffff) < 39 ? -120 : 0;
            px[i] = (Theme.clamp((int) (rr * tr) + v) << 16) | (Theme.clamp((int) (gg * tg) + v) << 8) | Theme.clamp((int) (bb * tb) + v);
        }
        if (r.nextDouble() < 0.6) {
            px = Pixels.boxBlur(px, w, h, 1);
        }
        return Pixels.image(px, w, h);
    }
}
