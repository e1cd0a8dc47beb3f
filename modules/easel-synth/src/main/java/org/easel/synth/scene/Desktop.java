package org.easel.synth.scene;

import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import org.easel.synth.apps.Picture;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.render.Theme;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.Ui;

/** Wallpapers and the desktop shell's bars (GNOME top bar, KDE panel, Windows taskbar, macOS menu bar and dock, classic taskbar). */
public final class Desktop {
    private Desktop() {
    }

    /** Paints a wallpaper over (0, 0, w, h) in logical pixels: gradients, soft shapes, a landscape or a photo. */
    public static void wallpaper(Ui u, PhotoLibrary photos, int w, int h) {
        double p = u.u(0, 1);
        if (p < 0.3) {
            Color a = Color.getHSBColor((float) u.u(0, 1), (float) u.u(0.3, 0.9), (float) u.u(0.2, 0.8));
            Color b = Color.getHSBColor((float) u.u(0, 1), (float) u.u(0.3, 0.9), (float) u.u(0.05, 0.6));
            u.g.setPaint(new GradientPaint(0, 0, a, (float) (w * u.u(0, 1)), h, b));
            u.g.fillRect(0, 0, w, h);
            for (int k = 0; k < u.i(0, 8); k++) {
                u.g.setColor(Theme.alpha(Color.getHSBColor((float) u.u(0, 1), 0.5f, 0.9f), u.i(20, 90)));
                double d = u.u(0.1, 0.8) * Math.max(w, h);
                u.g.fill(new Ellipse2D.Double(u.u(-0.2, 1) * w, u.u(-0.2, 1) * h, d, d * u.u(0.5, 1.5)));
            }
        } else if (p < 0.4) {
            u.fill(Color.getHSBColor((float) u.u(0, 1), (float) u.u(0, 0.6), (float) u.u(0.15, 0.7)), 0, 0, w, h);
        } else {
            BufferedImage img = Picture.make(u.r, photos, w, h, false);
            u.g.drawImage(img, 0, 0, w, h, null);
        }
    }

    /** A few desktop icons with file names down the left edge. */
    public static void icons(Ui u, int top, int h) {
        Font f = u.ui(Font.PLAIN, 0.9f);
        for (int k = 0; k < u.i(0, 6); k++) {
            int y = top + 20 + k * 86;
            if (y + 70 > h) {
                break;
            }
            Icons.draw(u, u.pick(Icons.Kind.FOLDER, Icons.Kind.FILE, Icons.Kind.IMAGE, Icons.Kind.HOME), 30, y, 40);
            u.textCenter(u.pick(Words.title(u.r, 1), "Home", "Trash", "Documents", Words.word(u.r) + ".txt"), 50, y + 58, f, Color.WHITE);
        }
    }

    /**
     * Draws the desktop bars for the skin on a w × h screen and returns the work area left for windows.
     */
    public static Rectangle bars(Ui u, int w, int h) {
        Skin s = u.s;
        Font f = u.ui();
        String clock = String.format("%d:%02d", u.i(0, 23), u.i(0, 59));
        String date = u.pick("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun") + " " + u.i(1, 28) + " " + u.pick("Jan", "Mar", "May", "Aug", "Oct", "Dec");
        switch (s.look()) {
            case ADWAITA -> {
                int bh = 28;
                u.fill(Color.BLACK, 0, 0, w, bh);
                u.text("Activities", 12, u.baseline(f, 0, bh), u.ui(Font.BOLD, 1f), Color.WHITE);
                u.textCenter(date + "  " + clock, w / 2.0, u.baseline(f, 0, bh), u.ui(Font.BOLD, 1f), Color.WHITE);
                for (int k = 0; k < 4; k++) {
                    u.fill(Color.WHITE, w - 24 - k * 22, 9, 12, 10);
                }
                return new Rectangle(0, bh, w, h - bh);
            }
            case MACOS -> {
                int bh = 24;
                u.fill(s.dark() ? new Color(0x2a2a2a) : new Color(0xeaeaea), 0, 0, w, bh);
                Color ink = s.dark() ? Color.WHITE : Color.BLACK;
                double x = 14;
                u.g.setColor(ink);
                u.g.fill(new Ellipse2D.Double(x, 6, 12, 12));
                x += 30;
                for (String m : new String[] {Words.title(u.r, 1), "File", "Edit", "View", "Window", "Help"}) {
                    x += u.text(m, x, u.baseline(f, 0, bh), m.equals("File") ? f : f, ink) + 18;
                }
                u.textRight(date + "  " + clock, w - 12, u.baseline(f, 0, bh), f, ink, false);
                if (u.p(0.6)) {
                    int n = u.i(6, 14);
                    int d = 48;
                    int dw = n * (d + 8) + 16;
                    u.round(Theme.alpha(s.dark() ? new Color(0x303030) : new Color(0xf0f0f0), 200), (w - dw) / 2.0, h - d - 16, dw, d + 12, 18);
                    for (int k = 0; k < n; k++) {
                        u.round(Color.getHSBColor((float) u.u(0, 1), 0.6f, 0.85f), (w - dw) / 2.0 + 12 + k * (d + 8), h - d - 10, d, d, 12);
                    }
                    return new Rectangle(0, bh, w, h - bh - d - 20);
                }
                return new Rectangle(0, bh, w, h - bh);
            }
            case CLASSIC -> {
                int bh = 28;
                u.fill(s.window(), 0, h - bh, w, bh);
                u.bevel(0, h - bh, w, bh, true);
                u.button(3, h - bh + 3, 64, bh - 6, "Start", false);
                for (int k = 0; k < u.i(1, 4); k++) {
                    u.button(76 + k * 164, h - bh + 3, 160, bh - 6, Words.title(u.r, 2), false);
                }
                u.bevel(w - 80, h - bh + 3, 76, bh - 6, false);
                u.text(clock, w - 62, u.baseline(f, h - bh, bh), f, s.text());
                return new Rectangle(0, 0, w, h - bh);
            }
            default -> {
                int bh = s.look() == Skin.Look.WINDOWS ? u.pick(40, 48) : u.pick(36, 44);
                Color bar = s.dark() || u.p(0.5) ? new Color(0x1f1f1f) : new Color(0xeeeeee);
                u.fill(Theme.alpha(bar, 235), 0, h - bh, w, bh);
                Color ink = Theme.luminance(bar) > 0.5 ? Color.BLACK : Color.WHITE;
                double x = s.look() == Skin.Look.WINDOWS && u.p(0.5) ? w / 2.0 - 200 : 10;
                Icons.draw(u, Icons.Kind.GRID, x, h - bh / 2.0 - 10, 20);
                x += 40;
                if (s.look() == Skin.Look.WINDOWS && u.p(0.5)) {
                    u.round(Theme.alpha(ink, 30), x, h - bh + 8, 180, bh - 16, bh - 16);
                    u.text("Search", x + 30, u.baseline(f, h - bh, bh), f, ink);
                    x += 200;
                }
                for (int k = 0; k < u.i(3, 9); k++) {
                    u.round(Color.getHSBColor((float) u.u(0, 1), 0.6f, 0.85f), x, h - bh + 8, bh - 16, bh - 16, 6);
                    x += bh;
                }
                u.textRight(clock, w - 16, h - bh / 2.0 - 2, f, ink, false);
                u.textRight(u.i(1, 28) + "/" + u.i(1, 12) + "/" + u.i(2015, 2026), w - 16, h - bh / 2.0 + f.getSize2D(), u.ui(Font.PLAIN, 0.85f), ink, false);
                return new Rectangle(0, 0, w, h - bh);
            }
        }
    }
}
