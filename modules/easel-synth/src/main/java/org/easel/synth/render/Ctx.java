package org.easel.synth.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * One image being drawn: its canvas, theme and random source, plus small drawing helpers shared by
 * every renderer. The area (x, y, w, h) is where content goes; window chrome may take the rest.
 */
public final class Ctx {
    public final Random r;
    public final BufferedImage img;
    public final Graphics2D g;
    public final Theme t;
    public final PhotoLibrary photos;
    public int x;
    public int y;
    public int w;
    public int h;

    public Ctx(Random r, int width, int height, Theme t, PhotoLibrary photos) {
        this.r = r;
        this.t = t;
        this.photos = photos;
        this.img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        // sub-pixel (LCD) text is what screenshots of real screens show; grey AA is what print/scans show
        Object textAa = r.nextDouble() < 0.3 ? RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB
                : r.nextDouble() < 0.9 ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, textAa);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        this.x = 0;
        this.y = 0;
        this.w = width;
        this.h = height;
    }

    public int canvasW() {
        return img.getWidth();
    }

    public int canvasH() {
        return img.getHeight();
    }

    // ---- randomness ----
    public double u(double a, double b) {
        return a + r.nextDouble() * (b - a);
    }

    /** Uniform integer in [a, b], both inclusive. */
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
    public Font font(int style, double size) {
        return new Font(t.family(), style, 1).deriveFont(style, (float) Math.max(5, size));
    }

    public Font mono(int style, double size) {
        return new Font(t.mono(), style, 1).deriveFont(style, (float) Math.max(5, size));
    }

    /** Any family from the book, for the odd heading in another face. */
    public Font anyFont(int style, double size) {
        return new Font(pick(FontBook.families()), style, 1).deriveFont(style, (float) Math.max(5, size));
    }

    /** A text size proportional to the content area, so small and large canvases both look filled. */
    public double unit() {
        return Math.min(w, h) / 28.0;
    }

    public int text(String s, double px, double py, Font f, Color c) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, (float) px, (float) py);
        return g.getFontMetrics().stringWidth(s);
    }

    public void textRight(String s, double right, double py, Font f, Color c) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, (float) (right - g.getFontMetrics().stringWidth(s)), (float) py);
    }

    public void textCenter(String s, double cx, double py, Font f, Color c) {
        g.setFont(f);
        g.setColor(c);
        g.drawString(s, (float) (cx - g.getFontMetrics().stringWidth(s) / 2.0), (float) py);
    }

    public int width(String s, Font f) {
        FontMetrics fm = g.getFontMetrics(f);
        return fm.stringWidth(s);
    }

    /** Shortens text with an ellipsis until it fits. */
    public String fit(String s, Font f, double maxWidth) {
        if (width(s, f) <= maxWidth) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && width(cut + "…", f) > maxWidth) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    /** Word-wraps into the box and returns the y below the last line. */
    public double paragraph(String text, double px, double py, double maxWidth, double maxY, Font f, Color c, double leading, boolean centered) {
        g.setFont(f);
        FontMetrics fm = g.getFontMetrics();
        double lineH = fm.getHeight() * leading;
        StringBuilder line = new StringBuilder();
        double cy = py;
        for (String word : text.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (fm.stringWidth(candidate) > maxWidth && line.length() > 0) {
                if (cy > maxY) {
                    return cy;
                }
                drawLine(line.toString(), px, cy, maxWidth, centered, c, f);
                cy += lineH;
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0 && cy <= maxY) {
            drawLine(line.toString(), px, cy, maxWidth, centered, c, f);
            cy += lineH;
        }
        return cy;
    }

    private void drawLine(String s, double px, double py, double maxWidth, boolean centered, Color c, Font f) {
        if (centered) {
            textCenter(s, px + maxWidth / 2, py, f, c);
        } else {
            text(s, px, py, f, c);
        }
    }

    // ---- shapes ----
    public void fill(Color c, double px, double py, double pw, double ph) {
        g.setColor(c);
        g.fill(new Rectangle2D.Double(px, py, pw, ph));
    }

    public void roundRect(Color c, double px, double py, double pw, double ph, double arc) {
        g.setColor(c);
        g.fill(new RoundRectangle2D.Double(px, py, pw, ph, arc, arc));
    }

    public void line(Color c, double stroke, double x1, double y1, double x2, double y2) {
        g.setColor(c);
        g.setStroke(new BasicStroke((float) stroke));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    public void stroke(double width) {
        g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    }

    public void dispose() {
        g.dispose();
    }
}
