package org.easel.synth.scene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.easel.synth.apps.App;
import org.easel.synth.apps.Env;
import org.easel.synth.apps.Shell;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.ui.Skin;
import org.easel.synth.ui.TextLog;
import org.easel.synth.ui.Ui;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The label rule, checked on what was actually drawn: every financial program shows money, no ordinary
 * program ever draws a currency amount, and every program shell exists in both classes.
 */
class LabelRuleTest {
    /** A currency sign or code next to a digit: what a non-financial image must never show. */
    static final Pattern CURRENCY = Pattern.compile("[$€£¥₹]\\s?\\(?-?\\d|\\d\\s?[€£¥₹]|\\b(USD|EUR|GBP|CHF)\\b\\s?\\d|\\d\\s?\\b(USD|EUR|GBP|CHF)\\b");

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static TextLog draw(App app, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(1280, 800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        TextLog log = new TextLog();
        Ui u = new Ui(g, Skin.random(r), r, log);
        Shell.window(u, app, new Rectangle(0, 0, 1280, 800), false, Env.of(u, PhotoLibrary.EMPTY));
        g.dispose();
        return log;
    }

    @Test
    void everyFinancialProgramShowsMoneyAndNoOrdinaryProgramDrawsAny() {
        Random pickR = new Random(5);
        int currencyInFinancial = 0;
        for (boolean financial : new boolean[] {true, false}) {
            List<App> apps = Programs.samples(financial, pickR, 3);
            int seed = 0;
            for (App app : apps) {
                assertEquals(financial, app.financial(), app.name());
                TextLog log = draw(app, seed++);
                if (financial) {
                    assertTrue(log.visibleMoney(new Rectangle(0, 0, 1280, 800)) >= ScreenScene.MIN_MONEY,
                            app.name() + " should show money, drew " + log.moneyCount());
                    currencyInFinancial += (int) log.marks().stream().filter(m -> CURRENCY.matcher(m.text()).find()).count();
                } else {
                    assertEquals(0, log.moneyCount(), app.name() + " recorded money");
                    for (TextLog.Mark m : log.marks()) {
                        assertFalse(CURRENCY.matcher(m.text()).find(), app.name() + " drew a currency amount: " + m.text());
                    }
                }
            }
        }
        assertTrue(currencyInFinancial > 100, "the currency check must recognise the amounts financial programs draw: " + currencyInFinancial);
    }

    @Test
    void everyProgramShellIsDrawnInBothClasses() {
        Set<String> fin = shells(Programs.samples(true, new Random(1), 4));
        Set<String> non = shells(Programs.samples(false, new Random(1), 4));
        assertEquals(fin, non, "the same window layouts must appear in both classes");
        assertTrue(fin.containsAll(List.of("spreadsheet", "manager", "canvas", "form", "calendar", "code_editor", "terminal", "browser")), fin.toString());
    }

    private static Set<String> shells(List<App> apps) {
        Set<String> out = new TreeSet<>();
        for (App a : apps) {
            String n = a.name();
            String shell = n.contains(".") ? n.substring(0, n.indexOf('.')) : n;
            // a document may sit in a writer, a PDF viewer or a help browser: all are "a page in a window"
            out.add(Set.of("writer", "viewer", "help").contains(shell) ? "document" : shell);
        }
        return out;
    }

    @Test
    void wholeScreensKeepTheRule() {
        for (int k = 0; k < 24; k++) {
            ScreenScene.Shot fin = ScreenScene.render(new Random(100 + k), true, PhotoLibrary.EMPTY);
            assertTrue(fin.money() >= ScreenScene.MIN_MONEY, fin.app() + " " + fin.mode());
            assertEquals(fin.money(), fin.moneyBoxes().size());
            for (Rectangle b : fin.moneyBoxes()) {
                assertTrue(new Rectangle(0, 0, fin.image().getWidth(), fin.image().getHeight()).contains(b), "money box inside the captured image");
            }
            // a non-financial screen that drew money would throw
            ScreenScene.Shot non = ScreenScene.render(new Random(100 + k), false, PhotoLibrary.EMPTY);
            assertEquals(0, non.money());
        }
    }

    @Test
    void pagesKeepTheRule() {
        for (int k = 0; k < 10; k++) {
            PageScene.Page fin = PageScene.render(new Random(k), true, PhotoLibrary.EMPTY);
            assertTrue(fin.money() >= ScreenScene.MIN_MONEY, fin.kind());
            assertEquals(0, PageScene.render(new Random(k), false, PhotoLibrary.EMPTY).money());
        }
    }
}
