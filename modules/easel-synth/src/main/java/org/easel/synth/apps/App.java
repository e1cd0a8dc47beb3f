package org.easel.synth.apps;

import java.awt.Rectangle;
import org.easel.synth.ui.Ui;

/**
 * A program whose window the generator draws: its title and what it shows in the window's client area.
 * Each program exists in the variants its catalogue entry names; the {@code financial} flag says which
 * content it draws, so the same shell (spreadsheet, browser, manager, editor…) appears in both classes.
 */
public interface App {
    /** Name in the manifest, e.g. "spreadsheet" or "manager.register". */
    String name();

    boolean financial();

    String title(Ui u);

    /** Draws menus, toolbars, panels and content inside {@code client}. */
    void draw(Ui u, Rectangle client, Env env);
}
