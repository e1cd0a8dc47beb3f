package org.easel.synth.render;

/** Draws one kind of content into the context's area. Implementations keep no state. */
@FunctionalInterface
public interface Renderer {
    void draw(Ctx c);
}
