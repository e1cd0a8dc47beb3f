package org.easel.synth.scene;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.easel.synth.render.Backdrops;
import org.easel.synth.render.Ctx;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.render.Pixels;
import org.easel.synth.render.Theme;

/**
 * Photographs of flat things with a phone: a screen (bezel, perspective, moiré, glare, colour cast, blur, a room
 * or desk around it) or a printed page (perspective on a desk, shadow, uneven light). Class-blind: any screen
 * or page, financial or not, is photographed with the same odds and the same artefacts.
 */
public final class Camera {
    private Camera() {
    }

    /** The photo and where points of the flat original landed in it. */
    public record Photo(BufferedImage image, double[] flatToPhoto) {
        /** Where the flat image's point (x, y) is in the photo, or null when it fell outside the frame. */
        public double[] map(double x, double y) {
            double[] m = flatToPhoto;
            double z = m[6] * x + m[7] * y + m[8];
            double px = (m[0] * x + m[1] * y + m[2]) / z;
            double py = (m[3] * x + m[4] * y + m[5]) / z;
            return px < 0 || py < 0 || px >= image.getWidth() || py >= image.getHeight() ? null : new double[] {px, py};
        }

        /** How many of the boxes' centres are inside the photo. */
        public int visible(List<Rectangle> boxes) {
            int n = 0;
            for (Rectangle b : boxes) {
                if (map(b.getCenterX(), b.getCenterY()) != null) {
                    n++;
                }
            }
            return n;
        }
    }

    /** A phone photo of {@code flat}; {@code screen} adds bezel, moiré and emission effects, else paper lighting. */
    public static Photo shoot(BufferedImage flat, Random r, PhotoLibrary photos, boolean screen, double maxFill) {
        return shoot(flat, r, photos, screen, maxFill, Integer.MAX_VALUE);
    }

    /** @param maxLong the photo's long side is at most this (callers pass a little more than the output cap: no work on pixels that are shrunk away) */
    public static Photo shoot(BufferedImage flat, Random r, PhotoLibrary photos, boolean screen, double maxFill, int maxLong) {
        boolean portrait = r.nextDouble() < 0.25;
        int longSide = Math.min(1000 + r.nextInt(640), Math.max(320, maxLong));
        double aspect = r.nextBoolean() ? 4 / 3.0 : 16 / 9.0;
        int w = portrait ? (int) (longSide / aspect) : longSide;
        int h = portrait ? longSide : (int) (longSide / aspect);
        Ctx bg = new Ctx(r, w, h, Theme.random(r), photos);
        if (screen && r.nextDouble() < 0.3) {
            bg.fill(new Color(5 + r.nextInt(30), 5 + r.nextInt(30), 8 + r.nextInt(35)), 0, 0, w, h);
        } else {
            Backdrops.fill(bg, 0, 0, w, h);
        }
        int sw = flat.getWidth();
        int sh = flat.getHeight();
        // the flat object's footprint: from a whole screen with room around it to a close-up of part of it
        double fill = 0.55 + r.nextDouble() * (maxFill - 0.55);
        double qw = Math.min(w, h * sw / (double) sh) * fill;
        double qh = qw * sh / sw;
        double cx = w / 2.0 + (r.nextDouble() - 0.5) * w * 0.2;
        double cy = h / 2.0 + (r.nextDouble() - 0.5) * h * 0.2;
        double angle = Math.toRadians(r.nextGaussian() * 5);
        double j = qw * (0.02 + r.nextDouble() * 0.08);
        double[] quad = new double[8];
        double[][] base = {{-qw / 2, -qh / 2}, {qw / 2, -qh / 2}, {qw / 2, qh / 2}, {-qw / 2, qh / 2}};
        // keystone: one side nearer the camera than the other
        double keyX = (r.nextDouble() - 0.5) * 0.12;
        double keyY = (r.nextDouble() - 0.5) * 0.1;
        for (int k = 0; k < 4; k++) {
            double x = base[k][0] * (1 + (base[k][1] < 0 ? keyY : -keyY));
            double y = base[k][1] * (1 + (base[k][0] < 0 ? keyX : -keyX));
            quad[2 * k] = cx + x * Math.cos(angle) - y * Math.sin(angle) + (r.nextDouble() - 0.5) * j;
            quad[2 * k + 1] = cy + x * Math.sin(angle) + y * Math.cos(angle) + (r.nextDouble() - 0.5) * j;
        }
        if (screen) {
            double b = 0.015 + r.nextDouble() * 0.05;
            Path2D.Double bezel = new Path2D.Double();
            for (int k = 0; k < 4; k++) {
                double x = cx + (quad[2 * k] - cx) * (1 + b * 2);
                double y = cy + (quad[2 * k + 1] - cy) * (1 + b * 2 * qw / qh * 0.6);
                if (k == 0) {
                    bezel.moveTo(x, y);
                } else {
                    bezel.lineTo(x, y);
                }
            }
            bezel.closePath();
            int grey = r.nextDouble() < 0.8 ? 10 + r.nextInt(30) : 150 + r.nextInt(80);
            bg.g.setColor(new Color(grey, grey, grey + r.nextInt(6)));
            bg.g.fill(bezel);
        } else {
            Path2D.Double shadow = new Path2D.Double();
            for (int k = 0; k < 4; k++) {
                double x = quad[2 * k] + qw * 0.012;
                double y = quad[2 * k + 1] + qw * 0.015;
                if (k == 0) {
                    shadow.moveTo(x, y);
                } else {
                    shadow.lineTo(x, y);
                }
            }
            shadow.closePath();
            bg.g.setColor(new Color(0, 0, 0, 70));
            bg.g.fill(shadow);
        }
        bg.dispose();
        int[] out = Pixels.of(bg.img);
        // shrink the source near the footprint's scale first, so the warp samples no more pixels than needed
        int[] src = Pixels.of(flat);
        int k = (int) Math.floor(sw / Math.max(1, qw * 1.3));
        double[] forward = invert(Pixels.homography(quad, sw, sh));
        if (k >= 2) {
            src = Pixels.shrink(src, sw, sh, k);
            sw /= k;
            sh /= k;
        }
        double[] hm = Pixels.homography(quad, sw, sh);
        double minX = Math.max(0, Math.min(Math.min(quad[0], quad[2]), Math.min(quad[4], quad[6])));
        double maxX = Math.min(w - 1, Math.max(Math.max(quad[0], quad[2]), Math.max(quad[4], quad[6])));
        double minY = Math.max(0, Math.min(Math.min(quad[1], quad[3]), Math.min(quad[5], quad[7])));
        double maxY = Math.min(h - 1, Math.max(Math.max(quad[1], quad[3]), Math.max(quad[5], quad[7])));
        // screen light: brightness, gamma and a colour cast; moiré between the pixel grid and the sensor
        double gain = screen ? 0.85 + r.nextDouble() * 0.35 : 0.75 + r.nextDouble() * 0.3;
        double[] cast = {1 + (r.nextDouble() - 0.5) * 0.12, 1 + (r.nextDouble() - 0.6) * 0.06, 1 + (r.nextDouble() - 0.35) * 0.16};
        double moire = screen && r.nextDouble() < 0.7 ? 6 + r.nextDouble() * 22 : 0;
        double f1 = 0.6 + r.nextDouble() * 2.2;
        double a1 = r.nextDouble() * Math.PI;
        double a2 = a1 + (r.nextDouble() - 0.5) * 0.3;
        double c1 = Math.cos(a1) * f1;
        double s1 = Math.sin(a1) * f1;
        double c2 = Math.cos(a2) * f1 * 1.05;
        double s2 = Math.sin(a2) * f1 * 1.05;
        double lightX = r.nextDouble() * w;
        double lightY = r.nextDouble() * h;
        double lightR = Math.max(w, h) * (0.4 + r.nextDouble());
        double lightAmp = screen ? 0 : 0.25 * r.nextDouble();
        for (int v = (int) minY; v <= (int) maxY; v++) {
            for (int u = (int) minX; u <= (int) maxX; u++) {
                double pu = u + 0.5;
                double pv = v + 0.5;
                double z = hm[6] * pu + hm[7] * pv + hm[8];
                double sx = (hm[0] * pu + hm[1] * pv + hm[2]) / z - 0.5;
                double sy = (hm[3] * pu + hm[4] * pv + hm[5]) / z - 0.5;
                if (sx < -0.5 || sy < -0.5 || sx > sw - 0.5 || sy > sh - 0.5) {
                    continue;
                }
                int p = Pixels.bilinear(src, sw, sh, sx, sy);
                double m = moire > 0 ? Math.sin(u * c1 + v * s1) * Math.sin(u * c2 + v * s2) * moire : 0;
                double light = lightAmp == 0 ? 1 : 1 + lightAmp * (1 - Math.min(1, Math.sqrt((u - lightX) * (u - lightX) + (v - lightY) * (v - lightY)) / lightR))
                        - lightAmp / 2;
                int rr = Theme.clamp((int) (((p >> 16) & 255) * gain * cast[0] * light + m));
                int gg = Theme.clamp((int) (((p >> 8) & 255) * gain * cast[1] * light + m));
                int bb = Theme.clamp((int) ((p & 255) * gain * cast[2] * light + m));
                out[v * w + u] = (rr << 16) | (gg << 8) | bb;
            }
        }
        // glare from a window or lamp, focus blur, sensor noise, vignette
        if (r.nextDouble() < (screen ? 0.55 : 0.3)) {
            double gx = r.nextDouble() * w;
            double gy = r.nextDouble() * h;
            double gr = Math.max(w, h) * (0.1 + r.nextDouble() * 0.3);
            double amp = 40 + r.nextDouble() * 130;
            int x0 = (int) Math.max(0, gx - gr);
            int x1 = (int) Math.min(w - 1, gx + gr);
            int y0 = (int) Math.max(0, gy - gr);
            int y1 = (int) Math.min(h - 1, gy + gr);
            for (int v = y0; v <= y1; v++) {
                for (int u = x0; u <= x1; u++) {
                    double d = Math.sqrt((u - gx) * (u - gx) + (v - gy) * (v - gy)) / gr;
                    if (d < 1) {
                        out[v * w + u] = add(out[v * w + u], amp * (1 - d) * (1 - d));
                    }
                }
            }
        }
        if (r.nextDouble() < 0.5) {
            out = Pixels.boxBlur(out, w, h, 1 + (r.nextDouble() < 0.25 ? 1 : 0));
        }
        double sigma = 2 + r.nextDouble() * 7;
        double vig = 0.15 + r.nextDouble() * 0.35;
        double mx = w / 2.0;
        double my = h / 2.0;
        double md2 = mx * mx + my * my;
        // sensor noise from a table of Gaussian draws walked by a cheap generator seeded from r (nextGaussian per pixel was a tenth of the time)
        float[] gauss = new float[4096];
        for (int q = 0; q < gauss.length; q++) {
            gauss[q] = (float) (r.nextGaussian() * sigma);
        }
        int state = r.nextInt() | 1;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                int i = v * w + u;
                double f = 1 - vig * ((u - mx) * (u - mx) + (v - my) * (v - my)) / md2;
                state ^= state << 13;
                state ^= state >>> 17;
                state ^= state << 5;
                double n = gauss[state & 4095];
                int p = out[i];
                out[i] = (Theme.clamp((int) (((p >> 16) & 255) * f + n)) << 16) | (Theme.clamp((int) (((p >> 8) & 255) * f + n)) << 8)
                        | Theme.clamp((int) ((p & 255) * f + n));
            }
        }
        return new Photo(Pixels.image(out, w, h), forward);
    }

    /** Inverse of a 3×3 matrix in row order. */
    static double[] invert(double[] m) {
        double a = m[0], b = m[1], c = m[2], d = m[3], e = m[4], f = m[5], g = m[6], h = m[7], i = m[8];
        double A = e * i - f * h;
        double B = -(d * i - f * g);
        double C = d * h - e * g;
        double det = a * A + b * B + c * C;
        return new double[] {A / det, -(b * i - c * h) / det, (b * f - c * e) / det, B / det, (a * i - c * g) / det, -(a * f - c * d) / det,
                C / det, -(a * h - b * g) / det, (a * e - b * d) / det};
    }

    private static int add(int p, double d) {
        return (Theme.clamp((int) (((p >> 16) & 255) + d)) << 16) | (Theme.clamp((int) (((p >> 8) & 255) + d)) << 8) | Theme.clamp((int) ((p & 255) + d));
    }
}
