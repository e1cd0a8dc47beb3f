package org.easel.synth.content;

/** One line of text for an editor, terminal or page, and whether it states money. */
public record Line(String text, boolean money) {
    public static Line plain(String text) {
        return new Line(text, false);
    }
}
