package org.easel.synth.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.easel.synth.render.Theme;

/**
 * Draws desktop widgets (title bars, menus, toolbars, tabs, buttons, fields, scroll bars, status bars, dialogs)
 * in one {@link Skin}, in logical pixels (the graphics may be scaled for HiDPI). Every string goes through
 * {@link #text} so the {@link TextLog} knows where it is and whether it is money.
 */
public final class Ui {
    public final Graphics2D g;
    public final Skin s;
    public final Random r;
    public final TextLog log;
    /** The face used for glyphs the chosen font lacks, as fontconfig would pick one. */
    static final String FALLBACK = "DejaVu Sans";
    private final Map<String, Font> fonts = new HashMap<>();

    public Ui(Graphics2D g, Skin s, Random r, TextLog log) {
        this.g = g;
        this.s = s;
        this.r = r;
        this.log = log;
    }

    /** The same graphics with another skin (a dialog of another program on the same desktop keeps the desktop's look). */
    public Ui with(Skin other) {
        return new Ui(g, other, r, log);
    }

    // ---- randomness ----
    public double u(double a, double b) {
        return a + r.nextDouble() * (b - a);
    }

    public int i(int a, int b) {
        return b <= a ? a : a + r.nextInt(b - a + 1);
    }

    public boolean p(double probability) {
        return r.nextDouble() < probability;
    }

    @SafeVarargs
    public final <T> T pick(T... items) {
        return items[r.nextInt(items.length)];
    }

    public <T> T pick(List<T> items) {
        return items.get(r.nextInt(items.size()));
    }

    // ---- fonts and text ----
    public Font font(String family, int style, float px) {
        String key = family + "/" + style + "/" + px;
        return fonts.computeIfAbsent(key, k -> new Font(family, style, 1).deriveFont(style, Math.max(5f, px)));
    }

    public Font ui() {
        return font(s.ui(), Font.PLAIN, s.fontPx());
    }

    public Font ui(int style, float scale) {
        return font(s.ui(), style, s.fontPx() * scale);
    }

    public Font mono(float px) {
        return font(s.mono(), Font.PLAIN, px);
    }

    public int width(String text, Font f) {
        return g.getFontMetrics(f).stringWidth(text);
    }

    public FontMetrics metrics(Font f) {
        return g.getFontMetrics(f);
    }

    /** Draws {@code text} with its left end at x and baseline at y; returns the advance. */
    public int text(String text, double x, double y, Font f, Color c) {
        return draw(text, x, y, f, c, false);
    }

    /** Like {@link #text}, recorded as money information (an amount, a price, a balance). */
    public int money(String text, double x, double y, Font f, Color c) {
        return draw(text, x, y, f, c, true);
    }

    public void textRight(String text, double right, double y, Font f, Color c, boolean money) {
        draw(text, right - width(text, f), y, f, c, money);
    }

    public void textCenter(String text, double cx, double y, Font f, Color c) {
        draw(text, cx - width(text, f) / 2.0, y, f, c, false);
    }

    private int draw(String text, double x, double y, Font f, Color c, boolean money) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (f.canDisplayUpTo(text) != -1) {
            // real desktops fall back to another face for missing glyphs (★, √, ›); Java2D draws boxes instead
            f = font(FALLBACK, f.getStyle(), f.getSize2D());
        }
        g.setFont(f);
        g.setColor(c);
        g.drawString(text, (float) x, (float) y);
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(text);
        Shape box = g.getTransform().createTransformedShape(new Rectangle2D.Double(x, y - fm.getAscent() * 0.8, w, fm.getAscent() * 0.9));
        Rectangle clip = g.getClip() == null ? null : g.getTransform().createTransformedShape(g.getClip()).getBounds();
        Rectangle b = box.getBounds();
        if (clip == null || clip.contains(b.getCenterX(), b.getCenterY())) {
            log.add(b, text, money);
        }
        return w;
    }

    /** Shortens with an ellipsis until it fits. */
    public String fit(String text, Font f, double maxWidth) {
        if (width(text, f) <= maxWidth) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && width(cut + "…", f) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.length() <= 1 ? "" : cut + "…";
    }

    /** Word-wraps into width; returns the y after the last line. Stops at maxY. */
    public double paragraph(String text, double x, double y, double width, double maxY, Font f, Color c, double leading) {
        FontMetrics fm = metrics(f);
        double lineH = fm.getHeight() * leading;
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > width && line.length() > 0) {
                if (y > maxY) {
                    return y;
                }
                text(line.toString(), x, y, f, c);
                y += lineH;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0 && y <= maxY) {
            text(line.toString(), x, y, f, c);
            y += lineH;
        }
        return y;
    }

    /** Baseline that centres the font's text vertically in a band from top to top + h. */
    public double baseline(Font f, double top, double h) {
        FontMetrics fm = metrics(f);
        return top + (h + fm.getAscent() - fm.getDescent()) / 2.0;
    }

    // ---- shapes ----
    public void fill(Color c, double x, double y, double w, double h) {
        g.setColor(c);
        g.fill(new Rectangle2D.Double(x, y, w, h));
    }

    public void round(Color c, double x, double y, double w, double h, double arc) {
        g.setColor(c);
        g.fill(new RoundRectangle2D.Double(x, y, w, h, arc, arc));
    }

    public void outline(Color c, double x, double y, double w, double h, double arc) {
        g.setColor(c);
        g.setStroke(new BasicStroke(1f));
        if (arc > 0) {
            g.draw(new RoundRectangle2D.Double(x + 0.5, y + 0.5, w - 1, h - 1, arc, arc));
        } else {
            g.draw(new Rectangle2D.Double(x + 0.5, y + 0.5, w - 1, h - 1));
        }
    }

    public void line(Color c, double x1, double y1, double x2, double y2) {
        g.setColor(c);
        g.setStroke(new BasicStroke(1f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    public void hline(Color c, double x, double y, double w) {
        fill(c, x, y, w, 1);
    }

    public void vline(Color c, double x, double y, double h) {
        fill(c, x, y, 1, h);
    }

    /** Raised or sunken 3-D bevel of old toolkits. */
    public void bevel(double x, double y, double w, double h, boolean raised) {
        Color light = Theme.mix(s.window(), Color.WHITE, 0.8);
        Color dark = Theme.mix(s.window(), Color.BLACK, 0.45);
        hline(raised ? light : dark, x, y, w);
        vline(raised ? light : dark, x, y, h);
        hline(raised ? dark : light, x, y + h - 1, w);
        vline(raised ? dark : light, x + w - 1, y, h);
    }

    public Color mix(Color a, Color b, double t) {
        return Theme.mix(a, b, t);
    }

    // ---- widgets ----
    /** A push button; primary buttons take the accent colour. */
    public void button(double x, double y, double w, double h, String label, boolean primary) {
        Font f = ui();
        Color bg = primary && s.look() != Skin.Look.CLASSIC ? s.accent() : s.button();
        Color fg = primary && s.look() != Skin.Look.CLASSIC ? Color.WHITE : s.text();
        if (s.look() == Skin.Look.CLASSIC) {
            fill(bg, x, y, w, h);
            bevel(x, y, w, h, true);
            if (primary) {
                outline(Color.BLACK, x - 1, y - 1, w + 2, h + 2, 0);
            }
        } else {
            round(bg, x, y, w, h, Math.min(s.radius(), 8) + 2);
            if (!primary && s.look() != Skin.Look.ADWAITA) {
                outline(s.border(), x, y, w, h, Math.min(s.radius(), 8) + 2);
            }
        }
        textCenter(fit(label, f, w - 6), x + w / 2, baseline(f, y, h), f, fg);
    }

    public int buttonWidth(String label) {
        return Math.max(70, width(label, ui()) + 28);
    }

    /** A text entry with its content; money content is recorded as such. */
    public void field(double x, double y, double w, double h, String content, boolean money, boolean rightAligned) {
        Font f = ui();
        if (s.look() == Skin.Look.CLASSIC) {
            fill(s.view(), x, y, w, h);
            bevel(x, y, w, h, false);
        } else {
            round(s.look() == Skin.Look.ADWAITA ? mix(s.window(), s.text(), 0.08) : s.view(), x, y, w, h, Math.min(s.radius(), 6) + 2);
            if (s.look() != Skin.Look.ADWAITA) {
                outline(s.border(), x, y, w, h, Math.min(s.radius(), 6) + 2);
            }
        }
        String shown = fit(content, f, w - 12);
        if (rightAligned) {
            textRight(shown, x + w - 7, baseline(f, y, h), f, s.text(), money);
        } else {
            draw(shown, x + 7, baseline(f, y, h), f, s.text(), money);
        }
    }

    public void combo(double x, double y, double w, double h, String content) {
        button(x, y, w, h, "", false);
        Font f = ui();
        text(fit(content, f, w - 28), x + 8, baseline(f, y, h), f, s.text());
        chevron(x + w - 14, y + h / 2.0, 4, s.text());
    }

    public void chevron(double cx, double cy, double size, Color c) {
        g.setColor(c);
        g.setStroke(new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(cx - size, cy - size / 2, cx, cy + size / 2));
        g.draw(new Line2D.Double(cx, cy + size / 2, cx + size, cy - size / 2));
    }

    /** A small right- or down-pointing triangle, as tree expanders draw. */
    public void expander(double cx, double cy, boolean open, Color c) {
        g.setColor(c);
        Path2D.Double p = new Path2D.Double();
        if (open) {
            p.moveTo(cx - 4, cy - 2);
            p.lineTo(cx + 4, cy - 2);
            p.lineTo(cx, cy + 3);
        } else {
            p.moveTo(cx - 2, cy - 4);
            p.lineTo(cx + 3, cy);
            p.lineTo(cx - 2, cy + 4);
        }
        p.closePath();
        g.fill(p);
    }

    public void checkbox(double x, double y, String label, boolean checked) {
        double b = s.fontPx() + 2;
        if (s.look() == Skin.Look.CLASSIC) {
            fill(s.view(), x, y, b, b);
            bevel(x, y, b, b, false);
        } else {
            round(checked ? s.accent() : s.view(), x, y, b, b, 4);
            if (!checked) {
                outline(s.border(), x, y, b, b, 4);
            }
        }
        if (checked) {
            g.setColor(s.look() == Skin.Look.CLASSIC ? s.text() : Color.WHITE);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x + b * 0.22, y + b * 0.52, x + b * 0.42, y + b * 0.72));
            g.draw(new Line2D.Double(x + b * 0.42, y + b * 0.72, x + b * 0.8, y + b * 0.28));
        }
        Font f = ui();
        text(label, x + b + 7, baseline(f, y, b), f, s.text());
    }

    /** An on/off switch (modern looks) or a checkbox (classic). */
    public void toggle(double x, double y, boolean on) {
        if (s.look() == Skin.Look.CLASSIC || s.look() == Skin.Look.WINDOWS && p(0.3)) {
            checkbox(x, y, "", on);
            return;
        }
        double h = s.fontPx() + 8;
        double w = h * 1.8;
        round(on ? s.accent() : mix(s.window(), s.text(), 0.25), x, y, w, h, h);
        g.setColor(Color.WHITE);
        double d = h - 6;
        g.fill(new Ellipse2D.Double(on ? x + w - d - 3 : x + 3, y + 3, d, d));
    }

    public void slider(double x, double y, double w, double fraction) {
        double h = 4;
        round(mix(s.window(), s.text(), 0.2), x, y - h / 2, w, h, h);
        round(s.accent(), x, y - h / 2, w * fraction, h, h);
        g.setColor(s.look() == Skin.Look.CLASSIC ? s.button() : Color.WHITE);
        double d = s.fontPx() + 4;
        g.fill(new Ellipse2D.Double(x + w * fraction - d / 2, y - d / 2, d, d));
        g.setColor(s.border());
        g.draw(new Ellipse2D.Double(x + w * fraction - d / 2, y - d / 2, d, d));
    }

    public void progress(double x, double y, double w, double h, double fraction) {
        round(mix(s.window(), s.text(), 0.15), x, y, w, h, h);
        round(s.accent(), x, y, w * fraction, h, h);
    }

    /** A vertical scroll bar track with its thumb; fraction values in [0, 1]. */
    public void vscroll(double x, double y, double h, double pos, double size) {
        double w = scrollWidth();
        if (s.look() == Skin.Look.CLASSIC) {
            fill(mix(s.window(), Color.WHITE, 0.5), x, y, w, h);
            fill(s.button(), x, y, w, w);
            bevel(x, y, w, w, true);
            fill(s.button(), x, y + h - w, w, w);
            bevel(x, y + h - w, w, w, true);
            double track = h - 2 * w;
            fill(s.button(), x, y + w + track * pos * (1 - size), w, Math.max(8, track * size));
            bevel(x, y + w + track * pos * (1 - size), w, Math.max(8, track * size), true);
            return;
        }
        if (s.look() != Skin.Look.MACOS && s.look() != Skin.Look.ADWAITA) {
            fill(mix(s.view(), s.text(), 0.04), x, y, w, h);
        }
        double thumb = Math.max(20, h * size);
        round(mix(s.view(), s.text(), 0.3), x + 2, y + (h - thumb) * pos, w - 4, thumb, w - 4);
    }

    public void hscroll(double x, double y, double w, double pos, double size) {
        double h = scrollWidth();
        if (s.look() == Skin.Look.CLASSIC) {
            fill(mix(s.window(), Color.WHITE, 0.5), x, y, w, h);
            double thumb = Math.max(16, w * size);
            fill(s.button(), x + (w - thumb) * pos, y, thumb, h);
            bevel(x + (w - thumb) * pos, y, thumb, h, true);
            return;
        }
        double thumb = Math.max(20, w * size);
        round(mix(s.view(), s.text(), 0.3), x + (w - thumb) * pos, y + 2, thumb, h - 4, h - 4);
    }

    public int scrollWidth() {
        return switch (s.look()) {
            case CLASSIC -> 16;
            case WINDOWS -> 12;
            case BREEZE -> 10;
            default -> 8;
        };
    }

    // ---- bars ----
    /** A menu bar; returns its height. */
    public int menuBar(double x, double y, double w, List<String> items) {
        Font f = ui();
        int h = Math.round(s.fontPx() * (s.look() == Skin.Look.CLASSIC ? 1.6f : 2.0f));
        fill(s.look() == Skin.Look.WINDOWS && !s.dark() ? Color.WHITE : s.window(), x, y, w, h);
        double cx = x + 8;
        double by = baseline(f, y, h);
        for (String item : items) {
            if (cx > x + w - 40) {
                break;
            }
            cx += text(item, cx, by, f, s.text()) + s.fontPx() * 1.2;
        }
        return h;
    }

    /** A toolbar of icon buttons, some with labels; returns its height. */
    public int toolbar(double x, double y, double w, List<Icons.Kind> icons, List<String> labels, boolean search) {
        boolean withLabels = labels != null && !labels.isEmpty();
        int iconSize = s.look() == Skin.Look.CLASSIC ? 16 : p(0.5) ? 16 : 22;
        int h = iconSize + (withLabels ? Math.round(s.fontPx() * 1.5f) : 0) + 12;
        fill(s.window(), x, y, w, h);
        if (s.look() == Skin.Look.CLASSIC) {
            bevel(x, y, w, h, true);
        }
        Font f = ui(Font.PLAIN, 0.92f);
        double cx = x + 8;
        for (int k = 0; k < icons.size(); k++) {
            String label = withLabels && k < labels.size() ? labels.get(k) : null;
            double bw = label == null ? iconSize + 10 : Math.max(iconSize + 10, width(label, f) + 12);
            if (cx + bw > x + w - (search ? 220 : 10)) {
                break;
            }
            Icons.draw(this, icons.get(k), cx + (bw - iconSize) / 2, y + 6, iconSize);
            if (label != null) {
                textCenter(label, cx + bw / 2, y + 6 + iconSize + s.fontPx() + 2, f, s.text());
            }
            cx += bw + 4;
            if (p(0.15)) {
                vline(s.border(), cx, y + 6, h - 12);
                cx += 6;
            }
        }
        if (search) {
            double sw = Math.min(200, w * 0.25);
            field(x + w - sw - 10, y + (h - s.rowH()) / 2.0, sw, Math.min(h - 8, s.rowH()), "", false, false);
            Icons.draw(this, Icons.Kind.SEARCH, x + w - sw - 4, y + h / 2.0 - 7, 14);
        }
        hline(s.border(), x, y + h - 1, w);
        return h;
    }

    /** A status bar with left and right text; right text may be money. Returns its height. */
    public int statusBar(double x, double y, double w, String left, String right, boolean rightIsMoney) {
        Font f = ui(Font.PLAIN, 0.92f);
        int h = Math.round(s.fontPx() * 1.9f);
        fill(s.window(), x, y - h, w, h);
        hline(s.border(), x, y - h, w);
        if (s.look() == Skin.Look.CLASSIC) {
            bevel(x + 2, y - h + 3, w * 0.6, h - 5, false);
        }
        double by = baseline(f, y - h, h);
        text(fit(left, f, w * 0.55), x + 8, by, f, s.text());
        if (right != null) {
            textRight(right, x + w - 20, by, f, s.text(), rightIsMoney);
        }
        return h;
    }

    /** Tabs along a strip; returns the strip's height. */
    public int tabs(double x, double y, double w, List<String> names, int selected) {
        Font f = ui();
        int h = Math.round(s.fontPx() * 2.3f);
        fill(s.look() == Skin.Look.ADWAITA || s.look() == Skin.Look.MACOS ? s.window() : mix(s.window(), s.text(), 0.03), x, y, w, h);
        double cx = x + (s.look() == Skin.Look.MACOS ? Math.max(6, (w - names.size() * 120) / 2) : 4);
        for (int k = 0; k < names.size(); k++) {
            double tw = Math.min(220, width(names.get(k), f) + (s.look() == Skin.Look.ADWAITA ? 60 : 36));
            if (cx + tw > x + w) {
                break;
            }
            boolean sel = k == selected;
            switch (s.look()) {
                case CLASSIC -> {
                    fill(s.window(), cx, y + (sel ? 1 : 4), tw, h);
                    bevel(cx, y + (sel ? 1 : 4), tw, h, true);
                }
                case ADWAITA, MACOS -> {
                    if (sel) {
                        round(mix(s.window(), s.text(), s.dark() ? 0.12 : 0.08), cx, y + 4, tw, h - 8, 8);
                    }
                }
                default -> {
                    if (sel) {
                        fill(s.view(), cx, y + 2, tw, h - 2);
                        fill(s.accent(), cx, s.look() == Skin.Look.BREEZE ? y + 2 : y + h - 3, tw, 2);
                    }
                    vline(s.border(), cx + tw, y + 6, h - 12);
                }
            }
            String label = fit(names.get(k), f, tw - 16);
            text(label, cx + (tw - width(label, f)) / 2, baseline(f, y, h), sel ? ui(Font.BOLD, 1f) : f, s.text());
            cx += tw + 2;
        }
        hline(s.border(), x, y + h - 1, w);
        return h;
    }

    // ---- windows ----
    /** Paints a window's frame and title bar into {@code win}; returns the client area below the title bar. */
    public Rectangle window(Rectangle win, String title, boolean active, boolean maximised) {
        log.occlude(g.getTransform().createTransformedShape(win).getBounds());
        int rad = maximised ? 0 : s.radius();
        if (!maximised) {
            shadow(win, rad);
        }
        Shape old = g.getClip();
        g.clip(new RoundRectangle2D.Double(win.x, win.y, win.width, win.height, rad * 2, rad * 2));
        fill(s.window(), win.x, win.y, win.width, win.height);
        int th = titleBar(win, title, active);
        g.setClip(old);
        if (!maximised) {
            g.setColor(s.look() == Skin.Look.CLASSIC ? Color.BLACK : mix(s.border(), Color.BLACK, s.dark() ? 0.4 : 0.1));
            g.setStroke(new BasicStroke(1f));
            g.draw(new RoundRectangle2D.Double(win.x + 0.5, win.y + 0.5, win.width - 1, win.height - 1, rad * 2, rad * 2));
        }
        int border = s.look() == Skin.Look.CLASSIC && !maximised ? 4 : 0;
        if (border > 0) {
            bevel(win.x, win.y, win.width, win.height, true);
        }
        return new Rectangle(win.x + border, win.y + th + border, win.width - 2 * border, win.height - th - 2 * border);
    }

    private void shadow(Rectangle win, int rad) {
        int spread = s.look() == Skin.Look.CLASSIC ? 0 : s.look() == Skin.Look.MACOS ? 18 : 10;
        // rings, not filled layers: a filled layer per step would blend the whole window area many times over
        for (int k = spread; k > 0; k -= 2) {
            g.setColor(new Color(0, 0, 0, (int) (4 + 26.0 * (spread - k) / Math.max(1, spread))));
            g.setStroke(new BasicStroke(2.2f));
            g.draw(new RoundRectangle2D.Double(win.x - k + 1, win.y - k / 2.0 + 3, win.width + 2 * k - 2, win.height + 2 * k - 2, (rad + k) * 2, (rad + k) * 2));
        }
    }

    /** Draws the title bar across the top of {@code win}; returns its height. */
    public int titleBar(Rectangle win, String title, boolean active) {
        int h = s.titleH();
        Color bg = active ? s.titleBg() : mix(s.titleBg(), s.window(), 0.6);
        Color fg = active ? s.titleFg() : mix(s.titleFg(), bg, 0.45);
        Font f = s.look() == Skin.Look.CLASSIC ? ui(Font.BOLD, 1f) : s.look() == Skin.Look.ADWAITA || s.look() == Skin.Look.MACOS ? ui(Font.BOLD, 1f) : ui();
        double by = baseline(f, win.y, h);
        switch (s.look()) {
            case CLASSIC -> {
                if (s.titleBg().getBlue() > 100 && active) {
                    g.setPaint(new GradientPaint(win.x, 0, bg, win.x + win.width, 0, mix(bg, new Color(0xa6caf0), 0.8)));
                    g.fillRect(win.x + 3, win.y + 3, win.width - 6, h);
                } else {
                    fill(bg, win.x + 3, win.y + 3, win.width - 6, h);
                }
                text(fit(title, f, win.width - 90), win.x + 8, by + 3, f, fg);
                for (int k = 0; k < 3; k++) {
                    double bx = win.x + win.width - 6 - (3 - k) * 18;
                    fill(s.button(), bx, win.y + 5, 16, h - 4);
                    bevel(bx, win.y + 5, 16, h - 4, true);
                    Icons.caption(this, k, bx + 8, win.y + 3 + h / 2.0, 3.5, Color.BLACK);
                }
                return h + 3;
            }
            case MACOS -> {
                fill(bg, win.x, win.y, win.width, h);
                Color[] lights = {new Color(0xff5f57), new Color(0xfebc2e), new Color(0x28c840)};
                for (int k = 0; k < 3; k++) {
                    g.setColor(active ? lights[k] : mix(s.window(), s.text(), 0.2));
                    g.fill(new Ellipse2D.Double(win.x + 10 + k * 20, win.y + h / 2.0 - 6, 12, 12));
                }
                textCenter(fit(title, f, win.width - 200), win.x + win.width / 2.0, by, f, fg);
                if (h > 40) {
                    for (int k = 0; k < i(2, 5); k++) {
                        Icons.draw(this, pick(Icons.Kind.values()), win.x + win.width - 40 - k * 34, win.y + h / 2.0 - 8, 16);
                    }
                }
                hline(mix(bg, Color.BLACK, 0.12), win.x, win.y + h - 1, win.width);
                return h;
            }
            case ADWAITA -> {
                fill(bg, win.x, win.y, win.width, h);
                textCenter(fit(title, f, win.width - 260), win.x + win.width / 2.0, by, f, fg);
                for (int k = 0; k < 3; k++) {
                    double cx = win.x + win.width - 22 - k * 32;
                    g.setColor(mix(bg, fg, 0.12));
                    g.fill(new Ellipse2D.Double(cx - 11, win.y + h / 2.0 - 11, 22, 22));
                    Icons.caption(this, 2 - k, cx, win.y + h / 2.0, 3.5, fg);
                }
                // headerbar buttons: open/back on the left, a menu on the right
                double lx = win.x + 8;
                for (int k = 0; k < i(1, 3); k++) {
                    round(mix(bg, fg, 0.1), lx, win.y + 8, 34, h - 16, 8);
                    Icons.draw(this, pick(Icons.Kind.BACK, Icons.Kind.PLUS, Icons.Kind.FOLDER, Icons.Kind.SEARCH), lx + 9, win.y + h / 2.0 - 8, 16);
                    lx += 40;
                }
                Icons.draw(this, Icons.Kind.MENU, win.x + win.width - 128, win.y + h / 2.0 - 8, 16);
                hline(mix(bg, Color.BLACK, 0.15), win.x, win.y + h - 1, win.width);
                return h;
            }
            default -> {
                fill(bg, win.x, win.y, win.width, h);
                if (s.look() == Skin.Look.BREEZE) {
                    Icons.draw(this, pick(Icons.Kind.values()), win.x + 8, win.y + h / 2.0 - 8, 16);
                    textCenter(fit(title, f, win.width - 200), win.x + win.width / 2.0, by, f, fg);
                    for (int k = 0; k < 3; k++) {
                        double cx = win.x + win.width - 16 - k * 26;
                        if (k == 0) {
                            g.setColor(active ? new Color(0xda4453) : mix(bg, fg, 0.2));
                            g.fill(new Ellipse2D.Double(cx - 8, win.y + h / 2.0 - 8, 16, 16));
                        }
                        Icons.caption(this, 2 - k, cx, win.y + h / 2.0, 3, k == 0 && active ? Color.WHITE : fg);
                    }
                } else {
                    Icons.draw(this, pick(Icons.Kind.values()), win.x + 10, win.y + h / 2.0 - 8, 16);
                    text(fit(title, f, win.width - 180), win.x + 34, by, f, fg);
                    for (int k = 0; k < 3; k++) {
                        double cx = win.x + win.width - 23 - k * 46;
                        Icons.caption(this, 2 - k, cx, win.y + h / 2.0, 4.5, fg);
                    }
                }
                return h;
            }
        }
    }

    /** A dialog window: frame, title, and a button row at the bottom; returns the body between them. */
    public Rectangle dialog(Rectangle box, String title, List<String> buttons) {
        Rectangle client = window(box, title, true, false);
        int bh = Math.round(s.fontPx() * 2.3f);
        double bx = client.x + client.width - 12;
        for (int k = buttons.size() - 1; k >= 0; k--) {
            int bw = buttonWidth(buttons.get(k));
            bx -= bw;
            button(bx, client.y + client.height - bh - 12, bw, bh, buttons.get(k), k == buttons.size() - 1);
            bx -= 8;
        }
        return new Rectangle(client.x + 14, client.y + 12, client.width - 28, client.height - bh - 36);
    }

    /** A labelled form row: label left, widget area right; returns the widget's x. */
    public double label(String label, double x, double y, double labelW, double h) {
        Font f = ui();
        text(fit(label, f, labelW - 8), x, baseline(f, y, h), f, s.text());
        return x + labelW;
    }
}
