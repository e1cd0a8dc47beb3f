package org.easel.synth.render;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;

/**
 * Screen furniture around content: browser bars, window title bars, phone status bars, document
 * viewers. Drawn with the same odds for every content kind (a landscape photo in a browser is as
 * likely as a chart in one), then the content area shrinks to what is left.
 */
public final class Chrome {
    private Chrome() {
    }

    public static void maybeDraw(Ctx c) {
        double p = c.r.nextDouble();
        if (p < 0.62) {
            return;
        }
        Theme t = c.t;
        double u = Math.min(c.w, c.h) / 28.0;
        if (p < 0.72) {
            browser(c, u);
        } else if (p < 0.82) {
            window(c, u);
        } else if (p < 0.9) {
            phone(c, u);
        } else {
            viewer(c, u);
        }
        c.g.setColor(t.fg());
    }

    private static void browser(Ctx c, double u) {
        Color bar = c.t.dark() ? new Color(0x2b2b2e) : new Color(c.i(222, 240), c.i(222, 240), c.i(225, 245));
        Color ink = c.t.dark() ? new Color(0xdddddd) : new Color(0x333333);
        double h1 = u * 1.6;
        double h2 = u * 1.7;
        c.fill(bar, c.x, c.y, c.w, h1 + h2);
        c.roundRect(Theme.mix(bar, c.t.dark() ? Color.BLACK : Color.WHITE, 0.6), c.x + u * 3, c.y + u * 0.2, c.w * 0.3, h1, u * 0.5);
        c.text(c.fit(Words.title(c.r, c.i(1, 3)), c.font(Font.PLAIN, u * 0.7), c.w * 0.27), c.x + u * 3.5, c.y + u * 1.2, c.font(Font.PLAIN, u * 0.7),
                ink);
        for (int k = 0; k < 3; k++) {
            c.g.setColor(new Color[] {new Color(0xff5f57), new Color(0xfebc2e), new Color(0x28c840)}[k]);
            c.g.fill(new Ellipse2D.Double(c.x + u * (0.4 + k * 0.8), c.y + u * 0.5, u * 0.55, u * 0.55));
        }
        c.roundRect(Theme.mix(bar, c.t.dark() ? Color.BLACK : Color.WHITE, 0.7), c.x + u * 3, c.y + h1 + u * 0.25, c.w - u * 4, h2 - u * 0.5,
                h2 * 0.6);
        String url = c.pick("https://", "", "www.") + Words.word(c.r) + Words.word(c.r) + c.pick(".com", ".org", ".net", ".io", ".co.uk") + "/"
                + Words.word(c.r);
        c.text(c.fit(url, c.font(Font.PLAIN, u * 0.7), c.w - u * 6), c.x + u * 3.6, c.y + h1 + u * 1.1, c.font(Font.PLAIN, u * 0.7), ink);
        c.text("←  →  ⟳", c.x + u * 0.3, c.y + h1 + u * 1.1, c.font(Font.PLAIN, u * 0.7), ink);
        shrinkTop(c, (int) Math.ceil(h1 + h2));
    }

    private static void window(Ctx c, double u) {
        Color bar = c.p(0.5) ? (c.t.dark() ? new Color(0x3c3c3c) : new Color(0xececec)) : c.t.accent(c.i(0, 4));
        Color ink = Theme.luminance(bar) > 0.55 ? Color.BLACK : Color.WHITE;
        double h = u * 1.5;
        c.fill(bar, c.x, c.y, c.w, h);
        c.text(c.fit(Words.title(c.r, c.i(1, 3)) + c.pick(" — Viewer", ".png", " - Notes", "", ".pdf", " - Editor"), c.font(Font.PLAIN, u * 0.75),
                c.w * 0.6), c.x + u * 0.6, c.y + u * 1.05, c.font(Font.PLAIN, u * 0.75), ink);
        Font f = c.font(Font.PLAIN, u * 0.8);
        c.textRight("—   ☐   ✕", c.x + c.w - u * 0.6, c.y + u * 1.1, f, ink);
        if (c.p(0.5)) {
            double mh = u * 1.3;
            c.fill(Theme.mix(bar, Color.WHITE, 0.3), c.x, c.y + h, c.w, mh);
            double x = c.x + u * 0.5;
            for (String s : new String[] {"File", "Edit", "View", "Tools", "Help"}) {
                x += c.text(s, x, c.y + h + u, c.font(Font.PLAIN, u * 0.7), ink) + u;
            }
            h += mh;
        }
        shrinkTop(c, (int) Math.ceil(h));
    }

    private static void phone(Ctx c, double u) {
        Color bar = c.t.bg();
        double h = u * 1.5;
        c.fill(bar, c.x, c.y, c.w, h);
        Font f = c.font(Font.BOLD, u * 0.8);
        c.text(String.format("%d:%02d", c.i(1, 12), c.i(0, 59)), c.x + u, c.y + u * 1.1, f, c.t.fg());
        c.fill(c.t.fg(), c.x + c.w - u * 2.2, c.y + u * 0.45, u * 1.4 * c.u(0.2, 1), u * 0.6);
        c.g.setColor(c.t.fg());
        c.g.draw(new Rectangle2D.Double(c.x + c.w - u * 2.2, c.y + u * 0.45, u * 1.4, u * 0.6));
        for (int k = 0; k < 4; k++) {
            c.fill(c.t.fg(), c.x + c.w - u * (4.2 - k * 0.35), c.y + u * (1.05 - k * 0.15), u * 0.22, u * (0.15 + k * 0.15));
        }
        shrinkTop(c, (int) Math.ceil(h));
        if (c.p(0.5)) {
            double nav = u * 1.2;
            c.fill(c.t.bg(), c.x, c.y + c.h - nav, c.w, nav);
            c.roundRect(c.t.fg(), c.x + c.w * 0.35, c.y + c.h - nav * 0.5, c.w * 0.3, u * 0.25, u * 0.25);
            c.h -= (int) nav;
        }
    }

    private static void viewer(Ctx c, double u) {
        Color grey = c.t.dark() ? new Color(c.i(30, 50), c.i(30, 50), c.i(30, 55)) : new Color(c.i(150, 210), c.i(150, 210), c.i(155, 215));
        c.fill(grey, c.x, c.y, c.w, c.h);
        double tool = u * 1.6;
        c.fill(Theme.mix(grey, Color.BLACK, 0.25), c.x, c.y, c.w, tool);
        c.text(c.pick("Page ", "p. ") + c.i(1, 40) + " / " + c.i(40, 300) + "    " + c.i(50, 200) + "%", c.x + u, c.y + u * 1.1,
                c.font(Font.PLAIN, u * 0.7), Color.WHITE);
        int margin = (int) (Math.min(c.w, c.h) * c.u(0.04, 0.12));
        c.fill(Theme.alpha(Color.BLACK, 70), c.x + margin + 3, c.y + tool + margin + 3, c.w - 2 * margin, c.h);
        c.x += margin;
        c.y += (int) tool + margin;
        c.w -= 2 * margin;
        c.h -= (int) tool + margin;
        c.g.setClip(c.x, c.y, c.w, c.h);
    }

    private static void shrinkTop(Ctx c, int h) {
        c.y += h;
        c.h -= h;
        c.g.setClip(c.x, c.y, c.w, c.h);
    }
}
