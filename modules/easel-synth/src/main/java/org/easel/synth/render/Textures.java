package org.easel.synth.render;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Random;

/** Procedural textures: fractal (plasma) noise, marble, wood, gradients, stripes, checks, cells. */
public final class Textures {
    private Textures() {
    }

    public static void texture(Ctx c) {
        int mode = c.i(0, 6);
        int x0 = c.x;
        int y0 = c.y;
        int w = c.w;
        int h = c.h;
        switch (mode) {
            case 0, 1, 2 -> noise(c, x0, y0, w, h, mode);
            case 3 -> gradient(c, x0, y0, w, h);
            case 4 -> stripes(c, x0, y0, w, h);
            case 5 -> checks(c, x0, y0, w, h);
            default -> cells(c, x0, y0, w, h);
        }
    }

    /** Value noise on a lattice hashed from the seed: smooth, tileable enough, deterministic. */
    static final class Noise {
        private final int[] perm = new int[512];

        Noise(Random r) {
            int[] p = new int[256];
            for (int i = 0; i < 256; i++) {
                p[i] = i;
            }
            for (int i = 255; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int tmp = p[i];
                p[i] = p[j];
                p[j] = tmp;
            }
            for (int i = 0; i < 512; i++) {
                perm[i] = p[i & 255];
            }
        }

        double value(double x, double y) {
            int xi = (int) Math.floor(x);
            int yi = (int) Math.floor(y);
            double fx = x - xi;
            double fy = y - yi;
            double sx = fx * fx * (3 - 2 * fx);
            double sy = fy * fy * (3 - 2 * fy);
            double a = perm[(perm[xi & 255] + yi) & 511] / 255.0;
            double b = perm[(perm[(xi + 1) & 255] + yi) & 511] / 255.0;
            double cc = perm[(perm[xi & 255] + yi + 1) & 511] / 255.0;
            double d = perm[(perm[(xi + 1) & 255] + yi + 1) & 511] / 255.0;
            return (a + (b - a) * sx) * (1 - sy) + (cc + (d - cc) * sx) * sy;
        }

        double fbm(double x, double y, int octaves) {
            double sum = 0;
            double amp = 0.5;
            double norm = 0;
            for (int o = 0; o < octaves; o++) {
                sum += amp * value(x, y);
                norm += amp;
                x *= 2.03;
                y *= 2.03;
                amp *= 0.5;
            }
            return sum / norm;
        }
    }

    static void noise(Ctx c, int x0, int y0, int w, int h, int mode) {
        Noise nz = new Noise(c.r);
        double scale = c.u(2, 9) / Math.max(w, h);
        int oct = c.i(2, 5);
        Color a = Theme.jitter(c.t.accent(c.i(0, 4)), c.r, 60);
        Color b = c.p(0.5) ? Theme.jitter(c.t.bg(), c.r, 40) : Theme.jitter(c.t.accent(c.i(0, 4)), c.r, 60);
        Color m = Theme.jitter(Theme.mix(a, b, 0.5), c.r, 70);
        double freq = c.u(3, 12);
        int step = 2;
        // evaluated on a 2-px grid and upsampled by the later resize: the look is the same, the cost a quarter
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                double v = nz.fbm(x * scale, y * scale, oct);
                if (mode == 1) {
                    v = 0.5 + 0.5 * Math.sin((x * scale * freq * 0.3) + v * freq);
                } else if (mode == 2) {
                    v = (v * freq) % 1.0;
                }
                Color col = v < 0.5 ? Theme.mix(a, m, v * 2) : Theme.mix(m, b, (v - 0.5) * 2);
                c.g.setColor(col);
                c.g.fillRect(x0 + x, y0 + y, step, step);
            }
        }
    }

    static void gradient(Ctx c, int x0, int y0, int w, int h) {
        Color a = Theme.jitter(c.t.accent(c.i(0, 4)), c.r, 60);
        Color b = Theme.jitter(c.t.accent(c.i(0, 4)), c.r, 60);
        if (c.p(0.5)) {
            c.g.setPaint(new GradientPaint((float) (x0 + c.u(0, w)), (float) (y0 + c.u(0, h)), a, (float) (x0 + c.u(0, w)),
                    (float) (y0 + c.u(0, h)), b));
        } else {
            c.g.setPaint(new RadialGradientPaint(new Point2D.Double(x0 + c.u(0, w), y0 + c.u(0, h)), (float) c.u(w * 0.3, w * 1.2),
                    new float[] {0f, 1f}, new Color[] {a, b}));
        }
        c.g.fillRect(x0, y0, w, h);
    }

    static void stripes(Ctx c, int x0, int y0, int w, int h) {
        c.fill(Theme.jitter(c.t.bg(), c.r, 40), x0, y0, w, h);
        double angle = c.u(0, Math.PI);
        double period = c.u(6, w / 4.0);
        AffineTransform old = c.g.getTransform();
        c.g.rotate(angle, x0 + w / 2.0, y0 + h / 2.0);
        int k = 0;
        for (double p = -w * 1.5; p < w * 1.5; p += period, k++) {
            c.g.setColor(c.t.accent(k % c.i(1, 4)));
            c.g.fill(new Rectangle2D.Double(x0 + p, y0 - h, period * c.u(0.3, 0.6), h * 3));
        }
        c.g.setTransform(old);
    }

    static void checks(Ctx c, int x0, int y0, int w, int h) {
        double cell = c.u(8, w / 4.0);
        Color a = Theme.jitter(c.t.accent(c.i(0, 4)), c.r, 50);
        Color b = Theme.jitter(c.t.bg(), c.r, 50);
        for (int y = 0; y * cell < h; y++) {
            for (int x = 0; x * cell < w; x++) {
                c.fill(((x + y) & 1) == 0 ? a : b, x0 + x * cell, y0 + y * cell, cell + 1, cell + 1);
            }
        }
    }

    static void cells(Ctx c, int x0, int y0, int w, int h) {
        int n = c.i(6, 40);
        double[][] pts = new double[n][2];
        Color[] cols = new Color[n];
        for (int i = 0; i < n; i++) {
            pts[i][0] = c.u(0, w);
            pts[i][1] = c.u(0, h);
            cols[i] = Theme.jitter(c.t.accent(i), c.r, 50);
        }
        int step = 3;
        for (int y = 0; y < h; y += step) {
            for (int x = 0; x < w; x += step) {
                int best = 0;
                double bd = Double.MAX_VALUE;
                for (int i = 0; i < n; i++) {
                    double d = (pts[i][0] - x) * (pts[i][0] - x) + (pts[i][1] - y) * (pts[i][1] - y);
                    if (d < bd) {
                        bd = d;
                        best = i;
                    }
                }
                c.g.setColor(cols[best]);
                c.g.fillRect(x0 + x, y0 + y, step, step);
            }
        }
    }
}
