package org.easel.synth.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;

/**
 * Makes one finished image from (seed, class, index): picks a content kind, theme and canvas,
 * draws chrome and content, then the shared geometry and photometric effects, and encodes a
 * JPEG. Every random choice comes from one Random seeded from those three values, so images can
 * be made in any order on any thread with identical bytes.
 */
public final class ImageFactory {
    public static final float JPEG_QUALITY = 0.9f;

    private final int size;
    private final long seed;
    private final PhotoLibrary photos;
    private final List<Catalog.Subtype> nonFinancial;

    public ImageFactory(int size, long seed, PhotoLibrary photos) {
        this.size = size;
        this.seed = seed;
        this.photos = photos;
        this.nonFinancial = Catalog.nonFinancial(!photos.isEmpty());
    }

    /** A finished image: JPEG bytes and the content kind drawn. */
    public record Made(byte[] jpeg, String subtype) {
    }

    public Made make(boolean financial, int index) {
        Random r = new Random(mix(seed, financial ? 0x46494eL : 0x4e4f4eL, index));
        Catalog.Subtype kind = Catalog.pick(financial ? Catalog.FINANCIAL : nonFinancial, r);
        Theme theme = Theme.random(r);
        double scale = 1.0 + r.nextDouble() * 1.6;
        double aspect = Math.exp((r.nextDouble() - 0.5) * 1.0);
        int w = (int) Math.max(64, Math.round(Math.max(size, 160) * scale * Math.sqrt(aspect)));
        int h = (int) Math.max(64, Math.round(Math.max(size, 160) * scale / Math.sqrt(aspect)));
        Ctx c = new Ctx(r, w, h, theme, photos);
        c.fill(theme.bg(), 0, 0, w, h);
        Chrome.maybeDraw(c);
        kind.renderer().draw(c);
        c.dispose();
        int[] px = Effects.geometry(c, size);
        px = Effects.photometric(r, px, size);
        try {
            return new Made(Jpeg.encode(Pixels.image(px, size, size), JPEG_QUALITY), kind.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SplitMix64-style mixing: nearby indices give unrelated seeds. */
    static long mix(long seed, long salt, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
