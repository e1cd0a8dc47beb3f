package org.easel.synth.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * What happens between content and file, identically for both classes: cropping, scaling,
 * rotation and perspective onto a backdrop (a document on a desk, a photographed screen), then
 * camera and scanner artefacts. Every probability here is class-blind on purpose: any artefact a
 * classifier could key on appears equally often in financial and non-financial images.
 */
public final class Effects {
    private Effects() {
    }

    /** Takes the rendered canvas to a size x size image: crop, fit or place with perspective. */
    public static int[] geometry(Ctx c, int size) {
        int sw = c.canvasW();
        int sh = c.canvasH();
        double mode = c.r.nextDouble();
        double[] corners;
        double cx = size / 2.0;
        double cy = size / 2.0;
        double angle = 0;
        double jitter = 0;
        if (mode < 0.5) {
            // crop: a window of the canvas fills the frame (partial crops included)
            double side = Math.min(sw, sh) * c.u(0.6, 1.0);
            double ax = c.u(0.9, 1.1);
            double sx = size / side * ax;
            double sy = size / side / ax;
            double ox = c.u(0, Math.max(0, sw - side / ax));
            double oy = c.u(0, Math.max(0, sh - side * ax));
            corners = new double[] {-ox * sx, -oy * sy, (sw - ox) * sx, -oy * sy, (sw - ox) * sx, (sh - oy) * sy, -ox * sx, (sh - oy) * sy};
            if (c.p(0.25)) {
                angle = Math.toRadians(c.u(-3, 3));
            }
        } else if (mode < 0.7) {
            // fit: the whole canvas, letterboxed
            double s = size * c.u(0.8, 1.0) / Math.max(sw, sh);
            double ox = (size - sw * s) * c.u(0.3, 0.7);
            double oy = (size - sh * s) * c.u(0.3, 0.7);
            corners = new double[] {ox, oy, ox + sw * s, oy, ox + sw * s, oy + sh * s, ox, oy + sh * s};
            if (c.p(0.25)) {
                angle = Math.toRadians(c.u(-3, 3));
            }
        } else {
            // placed: photographed at an angle, the backdrop around it
            double s = size * c.u(0.6, 1.15) / Math.max(sw, sh);
            double ox = (size - sw * s) * c.u(0.2, 0.8);
            double oy = (size - sh * s) * c.u(0.2, 0.8);
            corners = new double[] {ox, oy, ox + sw * s, oy, ox + sw * s, oy + sh * s, ox, oy + sh * s};
            angle = Math.toRadians(c.r.nextGaussian() * 6);
            jitter = size * c.u(0.02, 0.12);
        }
        for (int i = 0; i < 4; i++) {
            double x = corners[2 * i] - cx;
            double y = corners[2 * i + 1] - cy;
            corners[2 * i] = cx + x * Math.cos(angle) - y * Math.sin(angle) + c.u(-jitter, jitter);
            corners[2 * i + 1] = cy + x * Math.sin(angle) + y * Math.cos(angle) + c.u(-jitter, jitter);
        }
        // shrink first when the canvas is much larger than its footprint, so text anti-aliases instead of aliasing
        double footprint = Math.hypot(corners[2] - corners[0], corners[3] - corners[1]) / sw;
        int[] src = Pixels.of(c.img);
        int k = (int) Math.floor(1.0 / footprint);
        if (k >= 2) {
            src = Pixels.shrink(src, sw, sh, k);
            sw = Math.max(1, sw / k);
            sh = Math.max(1, sh / k);
        }
        double[] hm = Pixels.homography(corners, sw, sh);
        int[] backdrop = backdrop(c, size);
        return Pixels.warp(src, sw, sh, hm, backdrop, size);
    }

    private static int[] backdrop(Ctx parent, int size) {
        Ctx b = new Ctx(parent.r, size, size, parent.t, parent.photos);
        double p = parent.r.nextDouble();
        if (p < 0.2) {
            b.fill(parent.t.bg(), 0, 0, size, size);
        } else if (p < 0.35) {
            // a monitor bezel or a dark room around a screen
            b.fill(new Color(b.i(5, 40), b.i(5, 40), b.i(5, 45)), 0, 0, size, size);
        } else {
            Backdrops.fill(b, 0, 0, size, size);
        }
        b.dispose();
        return Pixels.of(b.img);
    }

    /** Camera, screen and scanner artefacts on the final pixels. */
    public static int[] photometric(Random r, int[] px, int size) {
        if (r.nextDouble() < 0.6) {
            px = colour(r, px);
        }
        if (r.nextDouble() < 0.15) {
            px = screenPhoto(r, px, size);
        }
        if (r.nextDouble() < 0.15) {
            px = scan(r, px, size);
        }
        if (r.nextDouble() < 0.12) {
            px = Pixels.boxBlur(px, size, size, 1);
        }
        if (r.nextDouble() < 0.15) {
            vignette(r, px, size, 0.2 + r.nextDouble() * 0.4);
        }
        if (r.nextDouble() < 0.3) {
            double sigma = 2 + r.nextDouble() * 8;
            for (int i = 0; i < px.length; i++) {
                double n = r.nextGaussian() * sigma;
                px[i] = add(px[i], n, n, n);
            }
        }
        if (r.nextDouble() < 0.07) {
            gray(px);
        }
        if (r.nextDouble() < 0.2) {
            px = jpegRoundTrip(px, size, 0.1f + r.nextFloat() * 0.45f);
        }
        return px;
    }

    private static int[] colour(Random r, int[] px) {
        double contrast = 0.75 + r.nextDouble() * 0.5;
        double bright = (r.nextDouble() - 0.5) * 50;
        double sat = 0.6 + r.nextDouble() * 0.7;
        double[] gain = {0.9 + r.nextDouble() * 0.2, 0.9 + r.nextDouble() * 0.2, 0.9 + r.nextDouble() * 0.2};
        double gamma = 0.8 + r.nextDouble() * 0.4;
        int[] lut = new int[256];
        for (int v = 0; v < 256; v++) {
            lut[v] = Theme.clamp((int) Math.round(255 * Math.pow(v / 255.0, gamma)));
        }
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            double rr = (p >> 16) & 255;
            double gg = (p >> 8) & 255;
            double bb = p & 255;
            double l = 0.299 * rr + 0.587 * gg + 0.114 * bb;
            rr = l + (rr - l) * sat;
            gg = l + (gg - l) * sat;
            bb = l + (bb - l) * sat;
            rr = (rr - 128) * contrast + 128 + bright;
            gg = (gg - 128) * contrast + 128 + bright;
            bb = (bb - 128) * contrast + 128 + bright;
            px[i] = (lut[Theme.clamp((int) (rr * gain[0]))] << 16) | (lut[Theme.clamp((int) (gg * gain[1]))] << 8) | lut[Theme.clamp((int) (bb * gain[2]))];
        }
        return px;
    }

    /** A phone photo of a monitor: moiré interference, RGB sub-pixel rows, glare, vignette, softness. */
    private static int[] screenPhoto(Random r, int[] px, int size) {
        double f1 = 0.5 + r.nextDouble() * 2.5;
        double f2 = f1 * (0.9 + r.nextDouble() * 0.2);
        double a1 = r.nextDouble() * Math.PI;
        double a2 = a1 + (r.nextDouble() - 0.5) * 0.3;
        double amp = 8 + r.nextDouble() * 22;
        boolean subpixel = r.nextDouble() < 0.5;
        double gx = r.nextDouble() * size;
        double gy = r.nextDouble() * size;
        double gr = size * (0.2 + r.nextDouble() * 0.5);
        double gAmp = r.nextDouble() < 0.6 ? 40 + r.nextDouble() * 120 : 0;
        double c1 = Math.cos(a1) * f1;
        double s1 = Math.sin(a1) * f1;
        double c2 = Math.cos(a2) * f2;
        double s2 = Math.sin(a2) * f2;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int i = y * size + x;
                double m = Math.sin(x * c1 + y * s1) * Math.sin(x * c2 + y * s2) * amp;
                double dr = m;
                double dg = m;
                double db = m;
                if (subpixel) {
                    int phase = x % 3;
                    dr += phase == 0 ? 8 : -4;
                    dg += phase == 1 ? 8 : -4;
                    db += phase == 2 ? 8 : -4;
                }
                if (gAmp > 0) {
                    double d = Math.hypot(x - gx, y - gy) / gr;
                    double glare = d < 1 ? gAmp * (1 - d) * (1 - d) : 0;
                    dr += glare;
                    dg += glare;
                    db += glare;
                }
                px[i] = add(px[i], dr, dg, db);
            }
        }
        vignette(r, px, size, 0.2 + r.nextDouble() * 0.3);
        return r.nextDouble() < 0.5 ? Pixels.boxBlur(px, size, size, 1) : px;
    }

    /** A scanned or photocopied page: paper tint, slight softness, specks, sometimes grey. */
    private static int[] scan(Random r, int[] px, int size) {
        double tr = 0.92 + r.nextDouble() * 0.08;
        double tg = 0.9 + r.nextDouble() * 0.08;
        double tb = 0.8 + r.nextDouble() * 0.15;
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            px[i] = (Theme.clamp((int) (((p >> 16) & 255) * tr)) << 16) | (Theme.clamp((int) (((p >> 8) & 255) * tg)) << 8)
                    | Theme.clamp((int) ((p & 255) * tb));
        }
        if (r.nextDouble() < 0.5) {
            px = Pixels.boxBlur(px, size, size, 1);
        }
        double specks = r.nextDouble() * 0.004;
        for (int i = 0; i < px.length; i++) {
            double v = r.nextDouble();
            if (v < specks / 2) {
                px[i] = 0x101010;
            } else if (v < specks) {
                px[i] = 0xf0f0f0;
            }
        }
        if (r.nextDouble() < 0.4) {
            gray(px);
        }
        return px;
    }

    private static void vignette(Random r, int[] px, int size, double strength) {
        double c = size / 2.0;
        double max = Math.hypot(c, c);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double d = Math.hypot(x - c, y - c) / max;
                double f = 1 - strength * d * d;
                int i = y * size + x;
                int p = px[i];
                px[i] = (Theme.clamp((int) (((p >> 16) & 255) * f)) << 16) | (Theme.clamp((int) (((p >> 8) & 255) * f)) << 8)
                        | Theme.clamp((int) ((p & 255) * f));
            }
        }
    }

    private static void gray(int[] px) {
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            int l = (int) (0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255));
            px[i] = (l << 16) | (l << 8) | l;
        }
    }

    private static int add(int p, double dr, double dg, double db) {
        return (Theme.clamp((int) (((p >> 16) & 255) + dr)) << 16) | (Theme.clamp((int) (((p >> 8) & 255) + dg)) << 8)
                | Theme.clamp((int) ((p & 255) + db));
    }

    /** Low-quality JPEG encode and decode: the blocky artefacts of re-shared screenshots. */
    static int[] jpegRoundTrip(int[] px, int size, float quality) {
        try {
            byte[] bytes = Jpeg.encode(Pixels.image(px, size, size), quality);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(bytes));
            return Pixels.of(back);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
