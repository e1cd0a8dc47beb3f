package org.easel.synth.scene;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.easel.synth.apps.App;
import org.easel.synth.apps.Env;
import org.easel.synth.apps.FormApp;
import org.easel.synth.apps.Shell;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.TextLog;
import org.easel.synth.ui.Ui;

/**
 * A screenshot: a maximised program with the desktop's bars, windows on a wallpaper (overlapping, partly off
 * screen), one window captured alone, a region of a screen, or a dialog alone; sometimes with a dialog on top.
 * Real screen resolutions, HiDPI scales and text anti-aliasing modes; every choice is the same for both classes.
 * The label rule is enforced here: a financial shot keeps at least {@link #MIN_MONEY} money strings visible
 * in the captured area (otherwise it is composed again), a non-financial one never draws money.
 */
public final class ScreenScene {
    public static final int MIN_MONEY = 2;
    static final int[][] SCREENS = {{1024, 768}, {1280, 720}, {1280, 800}, {1280, 1024}, {1366, 768}, {1440, 900}, {1536, 864}, {1600, 900},
            {1680, 1050}, {1920, 1080}, {1920, 1200}, {1280, 960}};

    /** The captured pixels and what they show. */
    public record Shot(BufferedImage image, String mode, String app, String theme, int money, List<Rectangle> moneyBoxes) {
    }

    private ScreenScene() {
    }

    public static Shot render(Random r, boolean financial, PhotoLibrary photos) {
        return render(r, financial, photos, false);
    }

    /** @param wholeScreen only what fills a monitor (maximised or desktop): what people photograph */
    public static Shot render(Random r, boolean financial, PhotoLibrary photos, boolean wholeScreen) {
        for (int attempt = 0; attempt < 8; attempt++) {
            Shot s = attempt(r, financial, photos, wholeScreen);
            if (!financial || s.money() >= MIN_MONEY) {
                return s;
            }
        }
        throw new IllegalStateException("no financial screen with visible money after 8 attempts");
    }

    private static Shot attempt(Random r, boolean financial, PhotoLibrary photos, boolean wholeScreen) {
        Skin skin = Skin.random(r);
        double m = wholeScreen ? r.nextDouble() * 0.58 : r.nextDouble();
        String mode = m < 0.33 ? "maximised" : m < 0.58 ? "desktop" : m < 0.78 ? "window" : m < 0.9 ? "region" : "dialog";
        App main = mode.equals("dialog") ? new FormApp(pick(r, financial ? Programs.FIN_DIALOGS : Programs.PLAIN_DIALOGS)) : Programs.program(financial, r);
        double scale = r.nextDouble() < 0.78 ? 1.0 : pick(r, List.of(1.25, 1.5, 2.0, 2.0));
        int[] screen = SCREENS[r.nextInt(SCREENS.length)];
        int lw;
        int lh;
        switch (mode) {
            case "window" -> {
                lw = (int) (screen[0] * (0.5 + r.nextDouble() * 0.45));
                lh = (int) (screen[1] * (0.5 + r.nextDouble() * 0.45));
            }
            case "dialog" -> {
                lw = 380 + r.nextInt(360);
                lh = 300 + r.nextInt(320);
            }
            default -> {
                lw = screen[0];
                lh = screen[1];
            }
        }
        int margin = mode.equals("window") || mode.equals("dialog") ? (r.nextDouble() < 0.5 ? 0 : 12 + r.nextInt(30)) : 0;
        int cw = (int) Math.round((lw + 2 * margin) * scale);
        int ch = (int) Math.round((lh + 2 * margin) * scale);
        BufferedImage img = new BufferedImage(cw, ch, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        hints(g, r, skin);
        g.scale(scale, scale);
        TextLog log = new TextLog();
        Ui u = new Ui(g, skin, r, log);
        Env env = Env.of(u, photos);
        Rectangle logical = new Rectangle(0, 0, lw + 2 * margin, lh + 2 * margin);
        switch (mode) {
            case "maximised" -> {
                Desktop.wallpaper(u, photos, logical.width, logical.height);
                Rectangle work = Desktop.bars(u, logical.width, logical.height);
                Shell.window(u, main, work, false, env);
                maybeDialog(u, r, financial, work, env);
            }
            case "desktop", "region" -> {
                Desktop.wallpaper(u, photos, logical.width, logical.height);
                Rectangle work = Desktop.bars(u, logical.width, logical.height);
                Desktop.icons(u, work.y, work.height);
                double nb = r.nextDouble();
                int behind = nb < 0.5 ? 0 : nb < 0.85 ? 1 : 2;
                for (int k = 0; k < behind; k++) {
                    App other = Programs.program(financial && r.nextBoolean(), r);
                    Shell.window(u, other, place(r, work, 0.4, 0.8), true, env);
                }
                boolean max = mode.equals("region") && r.nextDouble() < 0.5;
                Shell.window(u, main, max ? work : place(r, work, 0.55, 0.95), !max, env);
                maybeDialog(u, r, financial, work, env);
            }
            case "window" -> {
                backdrop(u, r, photos, logical);
                Shell.window(u, main, new Rectangle(margin, margin, lw, lh), true, env);
            }
            default -> {
                backdrop(u, r, photos, logical);
                FormApp form = (FormApp) main;
                Rectangle body = u.dialog(new Rectangle(margin, margin, lw, lh), form.title(u), form.buttons(u));
                form.body(u, body, env);
            }
        }
        g.dispose();
        Rectangle capture = new Rectangle(0, 0, cw, ch);
        if (mode.equals("region")) {
            int rw = (int) (cw * (0.4 + r.nextDouble() * 0.45));
            int rh = (int) (ch * (0.4 + r.nextDouble() * 0.45));
            capture = new Rectangle(r.nextInt(cw - rw + 1), r.nextInt(ch - rh + 1), rw, rh);
            img = copy(img.getSubimage(capture.x, capture.y, rw, rh));
        }
        int money = log.visibleMoney(capture);
        final Rectangle cap = capture;
        List<Rectangle> boxes = log.marks().stream().filter(mk -> mk.money() && cap.contains(mk.box()))
                .map(mk -> new Rectangle(mk.box().x - cap.x, mk.box().y - cap.y, mk.box().width, mk.box().height)).toList();
        if (!financial && log.moneyCount() > 0) {
            throw new IllegalStateException("label rule broken: non-financial screen (" + main.name() + ") drew money: " + firstMoney(log));
        }
        return new Shot(img, mode, main.name(), skin.id() + (scale == 1.0 ? "" : "@" + scale + "x"), money, boxes);
    }

    private static String firstMoney(TextLog log) {
        return log.marks().stream().filter(TextLog.Mark::money).map(TextLog.Mark::text).findFirst().orElse("?");
    }

    /** Window-only captures show what was behind the window's shadow: a wallpaper, a flat colour, or the tool's white or black. */
    private static void backdrop(Ui u, Random r, PhotoLibrary photos, Rectangle area) {
        double p = r.nextDouble();
        if (p < 0.4) {
            Desktop.wallpaper(u, photos, area.width, area.height);
        } else {
            u.fill(p < 0.7 ? Color.WHITE : p < 0.85 ? Color.BLACK : u.s.window(), 0, 0, area.width, area.height);
        }
    }

    private static void maybeDialog(Ui u, Random r, boolean financial, Rectangle work, Env env) {
        if (r.nextDouble() >= 0.25) {
            return;
        }
        // a financial program may show an ordinary dialog (print, find) over its figures; an ordinary one never a financial one
        FormApp form = new FormApp(pick(r, financial && r.nextDouble() < 0.65 ? Programs.FIN_DIALOGS : Programs.PLAIN_DIALOGS));
        int w = Math.min(work.width - 40, 380 + r.nextInt(340));
        int h = Math.min(work.height - 40, 300 + r.nextInt(300));
        Rectangle box = new Rectangle(work.x + (work.width - w) / 2 + r.nextInt(81) - 40, work.y + (work.height - h) / 2 + r.nextInt(61) - 30, w, h);
        Rectangle body = u.dialog(box, form.title(u), form.buttons(u));
        form.body(u, body, env);
    }

    /** A window rectangle inside the work area, sometimes hanging over an edge (a partial window). */
    private static Rectangle place(Random r, Rectangle work, double min, double max) {
        int w = (int) (work.width * (min + r.nextDouble() * (max - min)));
        int h = (int) (work.height * (min + r.nextDouble() * (max - min)));
        int x = work.x + r.nextInt(Math.max(1, work.width - w + 1));
        int y = work.y + r.nextInt(Math.max(1, work.height - h + 1));
        if (r.nextDouble() < 0.2) {
            x += (r.nextBoolean() ? 1 : -1) * (int) (w * 0.25 * r.nextDouble());
            y += (int) (h * 0.25 * r.nextDouble());
        }
        return new Rectangle(x, y, w, h);
    }

    /** Text rendering as screens differ: grey or sub-pixel anti-aliasing, none (old toolkits), fractional metrics or hinted advances. */
    static void hints(Graphics2D g, Random r, Skin skin) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        double p = r.nextDouble();
        Object aa = skin.look() == Skin.Look.CLASSIC && p < 0.5 ? RenderingHints.VALUE_TEXT_ANTIALIAS_OFF
                : p < 0.3 ? RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB : p < 0.9 ? RenderingHints.VALUE_TEXT_ANTIALIAS_ON
                : RenderingHints.VALUE_TEXT_ANTIALIAS_OFF;
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, aa);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, r.nextBoolean() ? RenderingHints.VALUE_FRACTIONALMETRICS_ON
                : RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    static BufferedImage copy(BufferedImage src) {
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(src, 0, 0, null);
        g.dispose();
        return out;
    }

    static <T> T pick(Random r, List<T> items) {
        return items.get(r.nextInt(items.size()));
    }
}
