package org.easel.synth.apps;

import org.easel.synth.render.Money;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.ui.Ui;

/** What programs may draw from besides the random source: photos (for image editors, web pages) and one money style. */
public record Env(PhotoLibrary photos, Money money) {
    public static Env of(Ui u, PhotoLibrary photos) {
        return new Env(photos, new Money(u.r));
    }
}
