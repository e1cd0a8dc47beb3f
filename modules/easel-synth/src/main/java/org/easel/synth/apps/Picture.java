package org.easel.synth.apps;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.easel.synth.render.Ctx;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.render.SceneRenderer;
import org.easel.synth.render.Textures;
import org.easel.synth.render.Theme;
import org.easel.synth.ui.Ui;

/** A picture inside a program or page: a photo crop when photos were given, else a drawn scene, doodle or texture. */
public final class Picture {
    private Picture() {
    }

    public static BufferedImage make(Random r, PhotoLibrary photos, int w, int h) {
        return make(r, photos, w, h, true);
    }

    /** @param any false for wallpapers: photos and landscapes only, no doodles or textures */
    public static BufferedImage make(Random r, PhotoLibrary photos, int w, int h, boolean any) {
        int cw = Math.max(8, Math.min(w, 520));
        int ch = Math.max(8, (int) Math.round(cw * h / (double) Math.max(1, w)));
        if (!photos.isEmpty() && r.nextDouble() < 0.6) {
            return photos.crop(r, cw, ch);
        }
        Ctx c = new Ctx(r, cw, ch, Theme.random(r), photos);
        double p = r.nextDouble();
        if (p < 0.55 || !any) {
            SceneRenderer.scene(c);
        } else if (p < 0.8) {
            SceneRenderer.doodle(c);
        } else {
            Textures.texture(c);
        }
        c.dispose();
        return c.img;
    }

    public static void draw(Ui u, PhotoLibrary photos, Rectangle r) {
        u.g.drawImage(make(u.r, photos, r.width, r.height), r.x, r.y, r.width, r.height, null);
    }
}
