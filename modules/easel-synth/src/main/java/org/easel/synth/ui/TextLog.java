package org.easel.synth.ui;

import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;

/**
 * Every string a render drew, where it landed on the canvas (device pixels) and whether it states money.
 * The label rule is checked with it: a financial render must leave money text visible after windows were
 * stacked and the frame cropped; a non-financial render must never have drawn any. Windows drawn later
 * hide the text under them ({@link #occlude}).
 */
public final class TextLog {
    /** One drawn string: its device bounds, text and whether it is money information. */
    public record Mark(Rectangle box, String text, boolean money) {
    }

    private final List<Mark> marks = new ArrayList<>();

    public void add(Rectangle box, String text, boolean money) {
        marks.add(new Mark(box, text, money));
    }

    /** Text under {@code cover} (a window or dialog drawn on top) is no longer visible. */
    public void occlude(Rectangle cover) {
        marks.removeIf(m -> cover.contains(m.box.getCenterX(), m.box.getCenterY()));
    }

    /** Money strings lying wholly inside {@code view}. */
    public int visibleMoney(Rectangle view) {
        int n = 0;
        for (Mark m : marks) {
            if (m.money && view.contains(m.box)) {
                n++;
            }
        }
        return n;
    }

    public int moneyCount() {
        int n = 0;
        for (Mark m : marks) {
            if (m.money) {
                n++;
            }
        }
        return n;
    }

    public List<Mark> marks() {
        return List.copyOf(marks);
    }

    /** Moves every mark by (dx, dy): used when a drawn window is composited onto a bigger canvas. */
    public void shift(int dx, int dy) {
        for (Mark m : marks) {
            m.box.translate(dx, dy);
        }
    }

    public void addAll(TextLog other) {
        marks.addAll(other.marks);
    }
}
