package org.easel.synth.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import org.easel.synth.render.Theme;

/** Small flat vector icons for toolbars, side panels and file lists: shapes only, no money symbols. */
public final class Icons {
    public enum Kind {
        FOLDER, FILE, IMAGE, GEAR, PLUS, MINUS, BACK, FORWARD, REFRESH, SEARCH, SAVE, PRINT, UNDO, TRASH, PENCIL, BRUSH, SELECT, MOVE, TEXT,
        ZOOM, STAR, CHART, HOME, MAIL, CALENDAR, USER, LOCK, MENU, GRID, PLAY, CUT, COPY
    }

    private Icons() {
    }

    /** Draws an icon in a size×size box at (x, y), coloured for the skin (some icons take colour fills). */
    public static void draw(Ui u, Kind kind, double x, double y, double size) {
        Graphics2D g = u.g;
        Color ink = Theme.mix(u.s.text(), u.s.window(), 0.15);
        double s = size;
        g.setStroke(new BasicStroke((float) Math.max(1.2, s / 12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.setColor(ink);
        switch (kind) {
            case FOLDER -> {
                g.setColor(u.s.look() == Skin.Look.BREEZE ? new Color(0x3daee9) : u.s.look() == Skin.Look.WINDOWS ? new Color(0xf8c74a)
                        : new Color(0x7d8fa6));
                g.fill(new RoundRectangle2D.Double(x, y + s * 0.15, s * 0.45, s * 0.2, 3, 3));
                g.fill(new RoundRectangle2D.Double(x, y + s * 0.25, s, s * 0.65, 3, 3));
            }
            case FILE -> {
                g.setColor(Theme.mix(u.s.view(), u.s.text(), 0.08));
                g.fill(new Rectangle2D.Double(x + s * 0.15, y, s * 0.7, s));
                g.setColor(ink);
                g.draw(new Rectangle2D.Double(x + s * 0.15, y, s * 0.7, s));
                for (int k = 0; k < 3; k++) {
                    g.draw(new Line2D.Double(x + s * 0.3, y + s * (0.35 + k * 0.18), x + s * 0.7, y + s * (0.35 + k * 0.18)));
                }
            }
            case IMAGE -> {
                g.setColor(new Color(0x62a0ea));
                g.fill(new Rectangle2D.Double(x, y + s * 0.1, s, s * 0.8));
                g.setColor(new Color(0x33d17a));
                Path2D.Double m = new Path2D.Double();
                m.moveTo(x, y + s * 0.9);
                m.lineTo(x + s * 0.4, y + s * 0.45);
                m.lineTo(x + s * 0.7, y + s * 0.7);
                m.lineTo(x + s, y + s * 0.5);
                m.lineTo(x + s, y + s * 0.9);
                m.closePath();
                g.fill(m);
            }
            case GEAR -> {
                g.draw(new Ellipse2D.Double(x + s * 0.3, y + s * 0.3, s * 0.4, s * 0.4));
                for (int k = 0; k < 8; k++) {
                    double a = k * Math.PI / 4;
                    g.draw(new Line2D.Double(x + s / 2 + Math.cos(a) * s * 0.3, y + s / 2 + Math.sin(a) * s * 0.3, x + s / 2 + Math.cos(a) * s * 0.48,
                            y + s / 2 + Math.sin(a) * s * 0.48));
                }
            }
            case PLUS, MINUS -> {
                g.draw(new Line2D.Double(x + s * 0.2, y + s / 2, x + s * 0.8, y + s / 2));
                if (kind == Kind.PLUS) {
                    g.draw(new Line2D.Double(x + s / 2, y + s * 0.2, x + s / 2, y + s * 0.8));
                }
            }
            case BACK, FORWARD, UNDO -> {
                double dir = kind == Kind.FORWARD ? -1 : 1;
                double cx = x + s / 2;
                g.draw(new Line2D.Double(cx + dir * s * 0.3, y + s / 2, cx - dir * s * 0.3, y + s / 2));
                g.draw(new Line2D.Double(cx - dir * s * 0.05, y + s * 0.25, cx + dir * s * 0.3 - dir * s * 0.6 + dir * s * 0.0, y + s / 2));
                g.draw(new Line2D.Double(cx - dir * s * 0.05, y + s * 0.75, cx - dir * s * 0.3, y + s / 2));
            }
            case REFRESH -> {
                g.draw(new Arc2D.Double(x + s * 0.15, y + s * 0.15, s * 0.7, s * 0.7, 60, 280, Arc2D.OPEN));
                g.draw(new Line2D.Double(x + s * 0.68, y + s * 0.1, x + s * 0.72, y + s * 0.3));
            }
            case SEARCH, ZOOM -> {
                g.draw(new Ellipse2D.Double(x + s * 0.1, y + s * 0.1, s * 0.55, s * 0.55));
                g.draw(new Line2D.Double(x + s * 0.58, y + s * 0.58, x + s * 0.9, y + s * 0.9));
            }
            case SAVE -> {
                g.draw(new RoundRectangle2D.Double(x + s * 0.1, y + s * 0.1, s * 0.8, s * 0.8, 3, 3));
                g.fill(new Rectangle2D.Double(x + s * 0.3, y + s * 0.1, s * 0.4, s * 0.25));
            }
            case PRINT -> {
                g.draw(new Rectangle2D.Double(x + s * 0.1, y + s * 0.4, s * 0.8, s * 0.35));
                g.draw(new Rectangle2D.Double(x + s * 0.25, y + s * 0.1, s * 0.5, s * 0.3));
                g.draw(new Rectangle2D.Double(x + s * 0.25, y + s * 0.65, s * 0.5, s * 0.25));
            }
            case TRASH -> {
                g.draw(new Rectangle2D.Double(x + s * 0.25, y + s * 0.3, s * 0.5, s * 0.6));
                g.draw(new Line2D.Double(x + s * 0.15, y + s * 0.2, x + s * 0.85, y + s * 0.2));
            }
            case PENCIL, BRUSH -> {
                g.draw(new Line2D.Double(x + s * 0.2, y + s * 0.8, x + s * 0.8, y + s * 0.2));
                if (kind == Kind.BRUSH) {
                    g.setColor(new Color(0xe66100));
                }
                g.fill(new Ellipse2D.Double(x + s * 0.1, y + s * 0.7, s * 0.22, s * 0.22));
            }
            case SELECT -> {
                float[] dash = {2f, 2f};
                g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, dash, 0f));
                g.draw(new Rectangle2D.Double(x + s * 0.15, y + s * 0.15, s * 0.7, s * 0.7));
            }
            case MOVE -> {
                g.draw(new Line2D.Double(x + s / 2, y + s * 0.1, x + s / 2, y + s * 0.9));
                g.draw(new Line2D.Double(x + s * 0.1, y + s / 2, x + s * 0.9, y + s / 2));
            }
            case TEXT -> {
                g.draw(new Line2D.Double(x + s * 0.2, y + s * 0.2, x + s * 0.8, y + s * 0.2));
                g.draw(new Line2D.Double(x + s / 2, y + s * 0.2, x + s / 2, y + s * 0.85));
            }
            case STAR -> {
                g.setColor(new Color(0xf6d32d));
                g.fill(star(x + s / 2, y + s / 2, s * 0.48, s * 0.2));
            }
            case CHART -> {
                for (int k = 0; k < 3; k++) {
                    g.fill(new Rectangle2D.Double(x + s * (0.15 + k * 0.27), y + s * (0.6 - k * 0.2), s * 0.18, s * (0.3 + k * 0.2)));
                }
            }
            case HOME -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x + s * 0.1, y + s * 0.5);
                p.lineTo(x + s / 2, y + s * 0.12);
                p.lineTo(x + s * 0.9, y + s * 0.5);
                g.draw(p);
                g.draw(new Rectangle2D.Double(x + s * 0.25, y + s * 0.5, s * 0.5, s * 0.4));
            }
            case MAIL -> {
                g.draw(new Rectangle2D.Double(x + s * 0.1, y + s * 0.25, s * 0.8, s * 0.5));
                g.draw(new Line2D.Double(x + s * 0.1, y + s * 0.25, x + s / 2, y + s * 0.55));
                g.draw(new Line2D.Double(x + s * 0.9, y + s * 0.25, x + s / 2, y + s * 0.55));
            }
            case CALENDAR -> {
                g.draw(new Rectangle2D.Double(x + s * 0.1, y + s * 0.2, s * 0.8, s * 0.7));
                g.fill(new Rectangle2D.Double(x + s * 0.1, y + s * 0.2, s * 0.8, s * 0.18));
            }
            case USER -> {
                g.draw(new Ellipse2D.Double(x + s * 0.32, y + s * 0.1, s * 0.36, s * 0.36));
                g.draw(new Arc2D.Double(x + s * 0.15, y + s * 0.5, s * 0.7, s * 0.8, 0, 180, Arc2D.OPEN));
            }
            case LOCK -> {
                g.fill(new RoundRectangle2D.Double(x + s * 0.2, y + s * 0.45, s * 0.6, s * 0.45, 3, 3));
                g.draw(new Arc2D.Double(x + s * 0.3, y + s * 0.1, s * 0.4, s * 0.6, 0, 180, Arc2D.OPEN));
            }
            case MENU -> {
                for (int k = 0; k < 3; k++) {
                    g.draw(new Line2D.Double(x + s * 0.15, y + s * (0.25 + k * 0.25), x + s * 0.85, y + s * (0.25 + k * 0.25)));
                }
            }
            case GRID -> {
                for (int k = 0; k < 4; k++) {
                    g.fill(new Rectangle2D.Double(x + s * (0.1 + (k % 2) * 0.45), y + s * (0.1 + (k / 2) * 0.45), s * 0.35, s * 0.35));
                }
            }
            case PLAY -> {
                Path2D.Double p = new Path2D.Double();
                p.moveTo(x + s * 0.25, y + s * 0.15);
                p.lineTo(x + s * 0.85, y + s / 2);
                p.lineTo(x + s * 0.25, y + s * 0.85);
                p.closePath();
                g.fill(p);
            }
            case CUT -> {
                g.draw(new Ellipse2D.Double(x + s * 0.1, y + s * 0.6, s * 0.3, s * 0.3));
                g.draw(new Ellipse2D.Double(x + s * 0.6, y + s * 0.6, s * 0.3, s * 0.3));
                g.draw(new Line2D.Double(x + s * 0.3, y + s * 0.6, x + s * 0.75, y + s * 0.1));
                g.draw(new Line2D.Double(x + s * 0.7, y + s * 0.6, x + s * 0.25, y + s * 0.1));
            }
            case COPY -> {
                g.draw(new Rectangle2D.Double(x + s * 0.1, y + s * 0.1, s * 0.55, s * 0.6));
                g.draw(new Rectangle2D.Double(x + s * 0.35, y + s * 0.3, s * 0.55, s * 0.6));
            }
        }
    }

    /** Window caption glyphs: 0 minimise, 1 maximise, 2 close, centred at (cx, cy). */
    public static void caption(Ui u, int which, double cx, double cy, double r, Color c) {
        Graphics2D g = u.g;
        g.setColor(c);
        g.setStroke(new BasicStroke(1.2f));
        switch (which) {
            case 0 -> g.draw(new Line2D.Double(cx - r, cy + (u.s.look() == Skin.Look.CLASSIC ? r * 0.8 : 0), cx + r, cy + (u.s.look() == Skin.Look.CLASSIC
                    ? r * 0.8 : 0)));
            case 1 -> g.draw(new Rectangle2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            default -> {
                g.draw(new Line2D.Double(cx - r, cy - r, cx + r, cy + r));
                g.draw(new Line2D.Double(cx - r, cy + r, cx + r, cy - r));
            }
        }
    }

    static Shape star(double cx, double cy, double ro, double ri) {
        Path2D.Double p = new Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double a = -Math.PI / 2 + k * Math.PI / 5;
            double rr = k % 2 == 0 ? ro : ri;
            if (k == 0) {
                p.moveTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
            } else {
                p.lineTo(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr);
            }
        }
        p.closePath();
        return p;
    }
}
