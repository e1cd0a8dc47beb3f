package org.easel.synth.render;

import java.awt.Color;
import java.awt.GradientPaint;

/**
 * Surfaces that documents and screens lie on or are photographed against: desks, walls, fabric,
 * photos. Used for both classes, so "something behind the content" is never a class cue.
 */
public final class Backdrops {
    private Backdrops() {
    }

    public static void fill(Ctx c, double x, double y, double w, double h) {
        double p = c.r.nextDouble();
        int ix = (int) x;
        int iy = (int) y;
        int iw = (int) Math.ceil(w);
        int ih = (int) Math.ceil(h);
        if (p < 0.3 && !c.photos.isEmpty()) {
            c.g.drawImage(c.photos.crop(c.r, Math.max(1, iw / 2), Math.max(1, ih / 2)), ix, iy, iw, ih, null);
        } else if (p < 0.55) {
            Color wood = new Color(c.i(90, 200), c.i(60, 140), c.i(30, 90));
            Color surface = c.p(0.5) ? wood : new Color(c.i(30, 230), c.i(30, 230), c.i(30, 230));
            c.g.setPaint(new GradientPaint((float) x, (float) y, surface, (float) (x + w * c.u(0.5, 1.5)), (float) (y + h), Theme.mix(surface,
                    Color.BLACK, c.u(0.1, 0.5))));
            c.g.fillRect(ix, iy, iw, ih);
        } else if (p < 0.8) {
            int ox = c.x;
            int oy = c.y;
            int ow = c.w;
            int oh = c.h;
            c.x = ix;
            c.y = iy;
            c.w = iw;
            c.h = ih;
            Textures.noise(c, ix, iy, iw, ih, c.i(0, 2));
            c.x = ox;
            c.y = oy;
            c.w = ow;
            c.h = oh;
        } else {
            Color a = Theme.jitter(c.t.bg(), c.r, 50);
            c.g.setPaint(new GradientPaint((float) x, (float) y, a, (float) x, (float) (y + h), Theme.mix(a, Color.BLACK, c.u(0, 0.4))));
            c.g.fillRect(ix, iy, iw, ih);
        }
    }
}
