package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.RadialGradientPaint;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;

/** Natural-ish scenes (sky, sun, clouds, mountains, trees, water) and doodles/drawings. */
public final class SceneRenderer {
    private SceneRenderer() {
    }

    public static void scene(Ctx c) {
        boolean night = c.p(0.2);
        boolean sunset = !night && c.p(0.3);
        Color skyTop = night ? new Color(c.i(5, 25), c.i(10, 30), c.i(40, 80)) : sunset ? new Color(c.i(60, 120), c.i(60, 110), c.i(140, 200))
                : new Color(c.i(40, 110), c.i(110, 170), c.i(200, 255));
        Color skyBottom = night ? new Color(c.i(30, 60), c.i(30, 60), c.i(80, 120)) : sunset ? new Color(c.i(230, 255), c.i(120, 190), c.i(60, 120))
                : new Color(c.i(170, 230), c.i(200, 240), c.i(230, 255));
        double horizon = c.y + c.h * c.u(0.45, 0.75);
        c.g.setPaint(new GradientPaint(0, c.y, skyTop, 0, (float) horizon, skyBottom));
        c.g.fillRect(c.x, c.y, c.w, c.h);
        if (night) {
            for (int i = 0; i < c.i(30, 150); i++) {
                double s = c.u(0.5, 2);
                c.fill(Theme.alpha(Color.WHITE, c.i(100, 255)), c.x + c.u(0, c.w), c.y + c.u(0, horizon - c.y), s, s);
            }
        }
        double sr = c.u(0.04, 0.1) * c.w;
        double sx = c.x + c.u(0.1, 0.9) * c.w;
        double sy = c.y + c.u(0.1, 0.6) * (horizon - c.y);
        Color sun = night ? new Color(240, 240, 220) : sunset ? new Color(255, c.i(140, 200), 80) : new Color(255, c.i(230, 255), c.i(150, 210));
        if (c.p(0.75)) {
            c.g.setPaint(new RadialGradientPaint(new Point2D.Double(sx, sy), (float) (sr * 3), new float[] {0f, 0.33f, 1f},
                    new Color[] {sun, Theme.alpha(sun, 120), Theme.alpha(sun, 0)}));
            c.g.fill(new Ellipse2D.Double(sx - sr * 3, sy - sr * 3, sr * 6, sr * 6));
            c.g.setColor(sun);
            c.g.fill(new Ellipse2D.Double(sx - sr, sy - sr, 2 * sr, 2 * sr));
        }
        int clouds = night ? c.i(0, 2) : c.i(0, 6);
        for (int k = 0; k < clouds; k++) {
            double cx = c.x + c.u(-0.1, 1.1) * c.w;
            double cy = c.y + c.u(0.05, 0.6) * (horizon - c.y);
            double cs = c.u(0.05, 0.15) * c.w;
            Color cc = night ? new Color(70, 70, 90, 160) : new Color(255, 255, 255, c.i(150, 230));
            for (int b = 0; b < c.i(4, 9); b++) {
                double bw = cs * c.u(0.8, 1.6);
                double bh = bw * c.u(0.5, 0.8);
                c.g.setColor(cc);
                c.g.fill(new Ellipse2D.Double(cx + c.u(-1.5, 1.5) * cs - bw / 2, cy + c.u(-0.4, 0.3) * cs - bh / 2, bw, bh));
            }
        }
        int ranges = c.i(1, 3);
        for (int k = 0; k < ranges; k++) {
            double t = (k + 1.0) / (ranges + 1);
            Color base = night ? new Color(20, 25, 45) : new Color(c.i(60, 120), c.i(80, 130), c.i(100, 150));
            Color col = Theme.mix(base, skyBottom, 0.6 * (1 - t));
            double peak = horizon - c.h * c.u(0.08, 0.3) * t;
            mountains(c, col, peak, horizon + 2, c.p(0.3));
        }
        boolean water = c.p(0.3);
        Color ground = night ? new Color(c.i(10, 30), c.i(25, 45), c.i(15, 30))
                : c.p(0.7) ? new Color(c.i(50, 110), c.i(110, 170), c.i(40, 80)) : new Color(c.i(170, 220), c.i(150, 200), c.i(100, 140));
        if (water) {
            c.g.setPaint(new GradientPaint(0, (float) horizon, Theme.mix(skyBottom, new Color(30, 70, 120), 0.5), 0, c.y + c.h,
                    new Color(20, 50, 90)));
            c.g.fill(new Rectangle2D.Double(c.x, horizon, c.w, c.y + c.h - horizon));
            for (int i = 0; i < c.i(10, 40); i++) {
                double yy = horizon + c.u(0, 1) * (c.y + c.h - horizon);
                c.line(Theme.alpha(Color.WHITE, c.i(30, 90)), 1, c.x + c.u(0, c.w), yy, c.x + c.u(0, c.w), yy);
            }
        } else {
            c.g.setPaint(new GradientPaint(0, (float) horizon, ground, 0, c.y + c.h, Theme.mix(ground, Color.BLACK, 0.35)));
            Path2D.Double hill = new Path2D.Double();
            hill.moveTo(c.x, c.y + c.h);
            for (int i = 0; i <= 20; i++) {
                hill.lineTo(c.x + c.w * i / 20.0, horizon + Math.sin(i * c.u(0.2, 0.5) + c.u(0, 6)) * c.h * 0.02);
            }
            hill.lineTo(c.x + c.w, c.y + c.h);
            hill.closePath();
            c.g.fill(hill);
        }
        int trees = water ? c.i(0, 3) : c.i(0, 12);
        for (int k = 0; k < trees; k++) {
            double tx = c.x + c.u(0, c.w);
            double ty = horizon + c.u(0, 0.9) * (c.y + c.h - horizon);
            double ts = c.h * c.u(0.06, 0.22) * (0.5 + (ty - horizon) / (c.y + c.h - horizon));
            tree(c, tx, ty, ts, night);
        }
        if (!night && c.p(0.4)) {
            for (int k = 0; k < c.i(2, 7); k++) {
                double bx = c.x + c.u(0.1, 0.9) * c.w;
                double by = c.y + c.u(0.1, 0.5) * (horizon - c.y);
                double bs = c.u(3, 9);
                c.stroke(1.2);
                c.g.setColor(new Color(40, 40, 40));
                Path2D.Double b = new Path2D.Double();
                b.moveTo(bx - bs, by - bs * 0.4);
                b.quadTo(bx - bs * 0.5, by - bs * 0.6, bx, by);
                b.quadTo(bx + bs * 0.5, by - bs * 0.6, bx + bs, by - bs * 0.4);
                c.g.draw(b);
            }
        }
    }

    private static void mountains(Ctx c, Color col, double peak, double base, boolean snow) {
        int n = 64;
        double[] hgt = new double[n + 1];
        hgt[0] = c.u(0, 1);
        hgt[n] = c.u(0, 1);
        subdivide(c, hgt, 0, n, 0.8);
        Path2D.Double p = new Path2D.Double();
        p.moveTo(c.x, base);
        for (int i = 0; i <= n; i++) {
            p.lineTo(c.x + c.w * i / (double) n, base - (base - peak) * Math.max(0, Math.min(1.2, hgt[i])));
        }
        p.lineTo(c.x + c.w, base);
        p.closePath();
        c.g.setColor(col);
        c.g.fill(p);
        if (snow) {
            Shape old = c.g.getClip();
            c.g.clip(p);
            c.fill(new Color(245, 245, 250, 220), c.x, peak - c.h, c.w, c.h + (base - peak) * 0.25);
            c.g.setClip(old);
        }
    }

    private static void subdivide(Ctx c, double[] h, int a, int b, double amp) {
        if (b - a < 2) {
            return;
        }
        int m = (a + b) / 2;
        h[m] = (h[a] + h[b]) / 2 + c.r.nextGaussian() * amp * 0.5;
        subdivide(c, h, a, m, amp * 0.55);
        subdivide(c, h, m, b, amp * 0.55);
    }

    private static void tree(Ctx c, double x, double y, double s, boolean night) {
        Color trunk = night ? new Color(20, 15, 10) : new Color(c.i(70, 110), c.i(45, 70), c.i(20, 40));
        Color leaf = night ? new Color(10, c.i(30, 50), 20) : new Color(c.i(20, 80), c.i(90, 150), c.i(20, 60));
        c.fill(trunk, x - s * 0.06, y - s * 0.4, s * 0.12, s * 0.4);
        if (c.p(0.5)) {
            for (int k = 0; k < 3; k++) {
                Path2D.Double tri = new Path2D.Double();
                double ty = y - s * 0.3 - k * s * 0.25;
                double tw = s * (0.45 - k * 0.1);
                tri.moveTo(x - tw, ty);
                tri.lineTo(x + tw, ty);
                tri.lineTo(x, ty - s * 0.45);
                tri.closePath();
                c.g.setColor(Theme.mix(leaf, Color.BLACK, k * 0.05));
                c.g.fill(tri);
            }
        } else {
            for (int k = 0; k < c.i(3, 6); k++) {
                double bw = s * c.u(0.35, 0.6);
                c.g.setColor(Theme.mix(leaf, Color.WHITE, c.u(0, 0.15)));
                c.g.fill(new Ellipse2D.Double(x + c.u(-0.25, 0.25) * s - bw / 2, y - s * c.u(0.55, 0.95) - bw / 2, bw, bw));
            }
        }
    }

    /** Doodles: shapes, scribbles, stick figures, smileys, flowers and houses on paper or a whiteboard. */
    public static void doodle(Ctx c) {
        Theme t = c.t;
        Color paper = c.p(0.5) ? t.bg() : new Color(c.i(235, 255), c.i(235, 255), c.i(225, 250));
        c.fill(paper, c.x, c.y, c.w, c.h);
        if (c.p(0.3)) {
            double step = c.u(10, 24);
            Color lineC = Theme.mix(paper, new Color(80, 120, 220), 0.25);
            for (double yy = c.y + step; yy < c.y + c.h; yy += step) {
                c.line(lineC, 1, c.x, yy, c.x + c.w, yy);
            }
        }
        int n = c.i(3, 12);
        for (int k = 0; k < n; k++) {
            Color col = c.p(0.5) ? t.accent(c.i(0, 4)) : Theme.mix(t.fg(), paper, 0.1);
            double s = Math.min(c.w, c.h) * c.u(0.08, 0.3);
            double x = c.x + c.u(0.05, 0.95) * c.w;
            double y = c.y + c.u(0.05, 0.95) * c.h;
            c.stroke(c.u(1, 4));
            c.g.setColor(col);
            boolean filled = c.p(0.3);
            switch (c.i(0, 8)) {
                case 0 -> {
                    Ellipse2D.Double e = new Ellipse2D.Double(x - s / 2, y - s / 2, s, s * c.u(0.6, 1.2));
                    if (filled) {
                        c.g.fill(e);
                    } else {
                        c.g.draw(e);
                    }
                }
                case 1 -> {
                    Rectangle2D.Double rr = new Rectangle2D.Double(x - s / 2, y - s / 2, s, s * c.u(0.5, 1.3));
                    if (filled) {
                        c.g.fill(rr);
                    } else {
                        c.g.draw(rr);
                    }
                }
                case 2 -> c.g.draw(star(x, y, s / 2, s / 4, c.i(5, 7)));
                case 3 -> {
                    Path2D.Double sp = new Path2D.Double();
                    sp.moveTo(x, y);
                    for (double a = 0; a < c.u(10, 25); a += 0.2) {
                        sp.lineTo(x + Math.cos(a) * a * s / 40, y + Math.sin(a) * a * s / 40);
                    }
                    c.g.draw(sp);
                }
                case 4 -> {
                    Path2D.Double sc = new Path2D.Double();
                    sc.moveTo(x, y);
                    for (int i = 0; i < c.i(3, 8); i++) {
                        sc.curveTo(x + c.u(-s, s), y + c.u(-s, s), x + c.u(-s, s), y + c.u(-s, s), x + c.u(-s, s), y + c.u(-s, s));
                    }
                    c.g.draw(sc);
                }
                case 5 -> {
                    c.g.draw(new Ellipse2D.Double(x - s / 2, y - s / 2, s, s));
                    c.g.fill(new Ellipse2D.Double(x - s * 0.2, y - s * 0.15, s * 0.08, s * 0.08));
                    c.g.fill(new Ellipse2D.Double(x + s * 0.12, y - s * 0.15, s * 0.08, s * 0.08));
                    c.g.draw(new Arc2D.Double(x - s * 0.25, y - s * 0.2, s * 0.5, s * 0.45, 200, 140, Arc2D.OPEN));
                }
                case 6 -> {
                    c.g.draw(new Ellipse2D.Double(x - s * 0.12, y - s * 0.5, s * 0.24, s * 0.24));
                    c.g.draw(new Line2D.Double(x, y - s * 0.26, x, y + s * 0.15));
                    c.g.draw(new Line2D.Double(x - s * 0.25, y - s * 0.1, x + s * 0.25, y - s * 0.1));
                    c.g.draw(new Line2D.Double(x, y + s * 0.15, x - s * 0.2, y + s * 0.5));
                    c.g.draw(new Line2D.Double(x, y + s * 0.15, x + s * 0.2, y + s * 0.5));
                }
                case 7 -> {
                    c.g.draw(new Rectangle2D.Double(x - s / 2, y - s * 0.2, s, s * 0.6));
                    Path2D.Double roof = new Path2D.Double();
                    roof.moveTo(x - s * 0.6, y - s * 0.2);
                    roof.lineTo(x, y - s * 0.7);
                    roof.lineTo(x + s * 0.6, y - s * 0.2);
                    c.g.draw(roof);
                    c.g.draw(new Rectangle2D.Double(x - s * 0.1, y + s * 0.1, s * 0.2, s * 0.3));
                }
                default -> {
                    for (int pidx = 0; pidx < 6; pidx++) {
                        double a = pidx * Math.PI / 3;
                        c.g.draw(new Ellipse2D.Double(x + Math.cos(a) * s * 0.25 - s * 0.15, y + Math.sin(a) * s * 0.25 - s * 0.15, s * 0.3, s * 0.3));
                    }
                    c.g.draw(new Line2D.Double(x, y + s * 0.3, x, y + s));
                }
            }
        }
        if (c.p(0.3)) {
            c.text(Words.title(c.r, c.i(1, 3)), c.x + c.u(0.05, 0.5) * c.w, c.y + c.u(0.1, 0.95) * c.h, c.anyFont(Font.ITALIC,
                    c.unit() * c.u(1, 2.5)), t.accent(c.i(0, 4)));
        }
    }

    static Shape star(double x, double y, double ro, double ri, int points) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < points * 2; i++) {
            double a = Math.PI * i / points - Math.PI / 2;
            double rad = i % 2 == 0 ? ro : ri;
            if (i == 0) {
                p.moveTo(x + Math.cos(a) * rad, y + Math.sin(a) * rad);
            } else {
                p.lineTo(x + Math.cos(a) * rad, y + Math.sin(a) * rad);
            }
        }
        p.closePath();
        return p;
    }
}
