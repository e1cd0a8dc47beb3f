package org.easel.synth.apps;

import java.awt.Rectangle;
import java.awt.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.easel.synth.ui.Icons;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.Table;
import org.easel.synth.ui.TableView;
import org.easel.synth.ui.Ui;

/**
 * The furniture every program shares — menu bar, toolbar, side panel, status bar — with odds that depend on
 * the toolkit look only, never on the class. Each call draws into the top/left/bottom of a rectangle and
 * returns what is left for the program's own content.
 */
public final class Shell {
    static final List<String> MENUS = List.of("File", "Edit", "View", "Insert", "Format", "Tools", "Window", "Help");

    private Shell() {
    }

    /** Menu bar (most looks; GNOME and macOS usually have none in the window) and toolbar. */
    public static Rectangle top(Ui u, Rectangle c, List<String> menus, List<Icons.Kind> tools, boolean search) {
        Rectangle r = new Rectangle(c);
        double pMenu = switch (u.s.look()) {
            case ADWAITA -> 0.2;
            case MACOS -> 0.05;
            default -> 0.85;
        };
        if (u.p(pMenu)) {
            int h = u.menuBar(r.x, r.y, r.width, menus);
            r.y += h;
            r.height -= h;
        }
        if (u.p(0.75)) {
            List<String> labels = u.p(0.3) ? List.of("New", "Open", "Save", "Delete", "Edit", "Find", "Print", "Refresh", "Back", "Forward") : null;
            int h = u.toolbar(r.x, r.y, r.width, tools, labels, search && u.p(0.6));
            r.y += h;
            r.height -= h;
        }
        return r;
    }

    public static Rectangle top(Ui u, Rectangle c) {
        return top(u, c, MENUS.subList(0, u.i(4, MENUS.size())), randomTools(u), true);
    }

    public static List<Icons.Kind> randomTools(Ui u) {
        List<Icons.Kind> all = new ArrayList<>(List.of(Icons.Kind.FILE, Icons.Kind.FOLDER, Icons.Kind.SAVE, Icons.Kind.PRINT, Icons.Kind.UNDO,
                Icons.Kind.CUT, Icons.Kind.COPY, Icons.Kind.PLUS, Icons.Kind.MINUS, Icons.Kind.TRASH, Icons.Kind.PENCIL, Icons.Kind.SEARCH,
                Icons.Kind.REFRESH, Icons.Kind.CHART, Icons.Kind.GEAR, Icons.Kind.BACK, Icons.Kind.FORWARD));
        Collections.shuffle(all, u.r);
        return all.subList(0, u.i(4, 12));
    }

    /** A status bar along the bottom (60%); {@code right} may be money. */
    public static Rectangle bottom(Ui u, Rectangle c, String left, String right, boolean rightIsMoney) {
        if (!u.p(0.6)) {
            return c;
        }
        int h = u.statusBar(c.x, c.y + c.height, c.width, left, right, rightIsMoney);
        return new Rectangle(c.x, c.y, c.width, c.height - h);
    }

    /** A side panel (tree or list) on the left; returns the remaining area. */
    public static Rectangle side(Ui u, Rectangle c, Table tree, double fraction) {
        int w = (int) Math.max(140, Math.min(c.width * fraction, 320));
        Rectangle panel = new Rectangle(c.x, c.y, w, c.height);
        Skin s = u.s;
        u.fill(s.sidebar(), panel.x, panel.y, panel.width, panel.height);
        TableView.Style style = new TableView.Style(u.p(0.3), false, false, false, u.i(0, 6), false, 1f);
        Skin sideSkin = new Skin(s.look(), s.dark(), s.window(), s.sidebar(), s.sidebar(), s.text(), s.dim(), s.border(), s.selBg(), s.selFg(), s.accent(),
                s.titleBg(), s.titleFg(), s.sidebar(), s.button(), s.sidebar(), s.red(), s.green(), s.link(), s.ui(), s.mono(), s.serif(), s.fontPx(),
                s.rowH(), s.titleH(), s.radius());
        TableView.draw(u.with(sideSkin), new Rectangle(panel.x, panel.y + 4, panel.width - 1, panel.height - 4), tree, style);
        u.vline(s.border(), panel.x + panel.width - 1, panel.y, panel.height);
        return new Rectangle(c.x + w, c.y, c.width - w, c.height);
    }

    /** Splits off the bottom {@code fraction} of an area (a preview or details pane). */
    public static Rectangle[] splitBottom(Ui u, Rectangle c, double fraction) {
        int h = (int) (c.height * fraction);
        Rectangle top = new Rectangle(c.x, c.y, c.width, c.height - h);
        Rectangle bottom = new Rectangle(c.x, c.y + c.height - h, c.width, h);
        u.hline(u.s.border(), c.x, bottom.y, c.width);
        return new Rectangle[] {top, bottom};
    }

    public static Rectangle[] splitRight(Ui u, Rectangle c, double fraction) {
        int w = (int) (c.width * fraction);
        Rectangle left = new Rectangle(c.x, c.y, c.width - w, c.height);
        Rectangle right = new Rectangle(c.x + c.width - w, c.y, w, c.height);
        u.fill(u.s.window(), right.x, right.y, right.width, right.height);
        u.vline(u.s.border(), right.x, c.y, c.height);
        return new Rectangle[] {left, right};
    }

    /**
     * A program in a window: frame and title bar, then its content clipped to the client area. A form is shown
     * half the time as a bare settings page (no side panel), as small preference windows are.
     *
     * @param framed false for a maximised window (no border, shadow or rounded corners)
     */
    public static void window(Ui u, App app, Rectangle win, boolean framed, Env env) {
        Rectangle client = u.window(win, app.title(u), true, !framed);
        Shape clip = u.g.getClip();
        u.g.clip(client);
        if (app instanceof FormApp form && u.p(0.5)) {
            u.fill(u.s.window(), client.x, client.y, client.width, client.height);
            form.body(u, inset(client, 16), env);
        } else {
            app.draw(u, client, env);
        }
        u.g.setClip(clip);
    }

    public static Rectangle inset(Rectangle r, int d) {
        return new Rectangle(r.x + d, r.y + d, r.width - 2 * d, r.height - 2 * d);
    }
}
