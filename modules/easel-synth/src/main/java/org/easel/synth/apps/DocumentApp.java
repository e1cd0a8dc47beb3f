package org.easel.synth.apps;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.Shape;
import java.util.List;
import java.util.Locale;
import org.easel.synth.render.Theme;
import org.easel.synth.render.Words;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/**
 * A page on screen: a word processor (ruler, page on grey), a PDF viewer (page navigation), a help viewer
 * (contents tree beside the page) or a web browser (tabs, address bar, web page). The document kind decides
 * the class; the shells are shared.
 */
public final class DocumentApp implements App {
    public enum Shell2 {
        WRITER, VIEWER, HELP, BROWSER
    }

    private final Shell2 shell;
    private final Doc.Kind kind;

    public DocumentApp(Shell2 shell, Doc.Kind kind) {
        this.shell = shell;
        this.kind = kind;
    }

    @Override
    public String name() {
        return shell.name().toLowerCase(Locale.ROOT) + "." + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean financial() {
        return kind.financial;
    }

    @Override
    public String title(Ui u) {
        String doc = Words.word(u.r) + u.pick("_final", "-2", "", " (copy)");
        return switch (shell) {
            case WRITER -> doc + u.pick(".odt - LibreOffice Writer", ".docx - Word", ".rtf — AbiWord");
            case VIEWER -> doc + ".pdf" + u.pick(" — Document Viewer", " - Okular", " - Adobe Acrobat Reader", " – Evince");
            case HELP -> u.pick("Help", "User Manual", "Documentation", "Handbook") + u.pick(" - Help Browser", " — Yelp", " - KHelpCenter", "");
            case BROWSER -> Words.title(u.r, u.i(2, 5)) + u.pick(" — Mozilla Firefox", " - Google Chrome", " - Chromium", " — Epiphany", "");
        };
    }

    @Override
    public void draw(Ui u, Rectangle client, Env env) {
        Rectangle r = client;
        boolean pageOnGrey = false;
        switch (shell) {
            case WRITER -> {
                r = Shell.top(u, r, Shell.MENUS, Shell.randomTools(u), false);
                r = Shell.bottom(u, r, "Page " + u.i(1, 9) + " of " + u.i(9, 40) + "   " + String.format("%,d", u.i(100, 30000))
                        + " words", u.pick("English (UK)", "100%", "Default Page Style"), false);
                if (u.p(0.7)) {
                    u.fill(u.s.window(), r.x, r.y, r.width, 18);
                    for (int k = 0; k < r.width / 38; k++) {
                        u.vline(u.s.dim(), r.x + k * 38, r.y + (k % 2 == 0 ? 8 : 12), k % 2 == 0 ? 10 : 6);
                    }
                    r = new Rectangle(r.x, r.y + 18, r.width, r.height - 18);
                }
                pageOnGrey = true;
            }
            case VIEWER -> {
                int h = u.toolbar(r.x, r.y, r.width, List.of(Icons.Kind.MENU, Icons.Kind.BACK, Icons.Kind.FORWARD, Icons.Kind.ZOOM, Icons.Kind.PRINT),
                        null, true);
                u.text(u.i(1, 30) + " / " + u.i(30, 300) + "    " + u.i(50, 200) + "%", r.x + r.width / 2.0 - 60, u.baseline(u.ui(), r.y, h), u.ui(),
                        u.s.text());
                r = new Rectangle(r.x, r.y + h, r.width, r.height - h);
                if (u.p(0.35)) {
                    Table thumbs = TableView.list("", List.of("1", "2", "3", "4", "5", "6"), Icons.Kind.FILE);
                    r = Shell.side(u, r, thumbs, 0.14);
                }
                pageOnGrey = true;
            }
            case HELP -> {
                r = Shell.top(u, r, List.of("File", "Edit", "View", "Go", "Bookmarks", "Help"), List.of(Icons.Kind.BACK, Icons.Kind.FORWARD,
                        Icons.Kind.HOME, Icons.Kind.PRINT, Icons.Kind.SEARCH), true);
                if (u.p(0.7)) {
                    Table toc = new Table().col(Table.Column.text("Contents", 1));
                    for (int k = 0; k < 18; k++) {
                        toc.add((k / 4 + 1) + "." + (k % 4 + 1) + " " + Words.title(u.r, u.i(1, 3))).depth(k % 4 == 0 ? 0 : 1, k % 4 == 0);
                    }
                    r = Shell.side(u, r, toc, u.u(0.2, 0.3));
                }
            }
            case BROWSER -> {
                int th = u.tabs(r.x, r.y, r.width, List.of(Words.title(u.r, 2), Words.title(u.r, 1), Words.title(u.r, 3)).subList(0, u.i(1, 3)), 0);
                r = new Rectangle(r.x, r.y + th, r.width, r.height - th);
                int bar = Math.round(u.s.fontPx() * 2.8f);
                u.fill(u.s.window(), r.x, r.y, r.width, bar);
                for (int k = 0; k < 3; k++) {
                    Icons.draw(u, new Icons.Kind[] {Icons.Kind.BACK, Icons.Kind.FORWARD, Icons.Kind.REFRESH}[k], r.x + 10 + k * 30, r.y + bar / 2.0 - 8, 16);
                }
                String url = "https://" + u.pick("www.", "", "docs.", "help.", "my.") + Words.word(u.r) + u.pick(".com", ".org", ".net", ".io", ".co.uk") + "/"
                        + Words.word(u.r) + "/" + Words.word(u.r);
                u.field(r.x + 110, r.y + 5, r.width - 160, bar - 10, url, false, false);
                Icons.draw(u, Icons.Kind.MENU, r.x + r.width - 34, r.y + bar / 2.0 - 8, 16);
                r = new Rectangle(r.x, r.y + bar, r.width, r.height - bar);
                u.hline(u.s.border(), r.x, r.y - 1, r.width);
            }
        }
        Rectangle page;
        if (pageOnGrey) {
            u.fill(u.mix(u.s.window(), u.s.dark() ? Color.BLACK : new Color(0x808080), u.u(0.1, 0.4)), r.x, r.y, r.width, r.height);
            int pw = (int) Math.min(r.width - 40, r.height * u.u(0.75, 1.3));
            int px = r.x + (r.width - pw) / 2;
            page = new Rectangle(px, r.y + u.i(10, 30), pw, r.height + 400);
            u.fill(new Color(0, 0, 0, 40), page.x + 3, page.y + 3, page.width, page.height);
            u.fill(Color.WHITE, page.x, page.y, page.width, page.height);
            Ui paper = u.with(Skin.of(u.s.look(), false, u.r));
            Shape clip = u.g.getClip();
            u.g.clip(r);
            int margin = (int) (pw * u.u(0.08, 0.13));
            new Doc(paper, env, new Rectangle(page.x + margin, page.y + margin, pw - 2 * margin, r.y + r.height - page.y - margin), u.s.fontPx() * (float) u.u(0.9,
                    1.2), u.p(0.5)).fill(kind);
            u.g.setClip(clip);
        } else {
            u.fill(u.s.view(), r.x, r.y, r.width, r.height);
            if (shell == Shell2.BROWSER && u.p(0.7)) {
                // a site header with navigation links
                int hh = (int) Math.round(u.s.fontPx() * u.u(3, 4.5));
                Color band = u.p(0.5) ? u.s.accent() : u.mix(u.s.view(), u.s.text(), 0.06);
                u.fill(band, r.x, r.y, r.width, hh);
                Color ink = Theme.luminance(band) > 0.55 ? Color.BLACK : Color.WHITE;
                double x = r.x + 24;
                x += u.text(Words.title(u.r, u.i(1, 2)), x, u.baseline(u.ui(Font.BOLD, 1.4f), r.y, hh), u.ui(Font.BOLD, 1.4f), ink) + 40;
                for (int k = 0; k < u.i(3, 6); k++) {
                    x += u.text(Words.title(u.r, 1), x, u.baseline(u.ui(), r.y, hh), u.ui(), ink) + 24;
                }
                r = new Rectangle(r.x, r.y + hh, r.width, r.height - hh);
            }
            int side = (int) (r.width * u.u(0.04, 0.2));
            Rectangle area = new Rectangle(r.x + side, r.y + 10, Math.min(r.width - 2 * side, 1100), r.height - 10);
            Shape clip = u.g.getClip();
            u.g.clip(r);
            new Doc(u, env, area, u.s.fontPx() * (float) u.u(1.0, 1.25), u.p(0.25)).fill(kind);
            u.g.setClip(clip);
        }
        if (u.p(0.6)) {
            u.vscroll(r.x + r.width - u.scrollWidth(), r.y, r.height, u.u(0, 1), u.u(0.1, 0.6));
        }
    }
}
