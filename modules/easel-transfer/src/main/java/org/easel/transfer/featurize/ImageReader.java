package org.easel.transfer.featurize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.easel.core.data.ImageLoader;
import org.easel.transfer.weights.Preprocessing;

/**
 * Decodes an image into backbone input: resized to the square input size (bilinear), RGB, then the
 * weights' preprocessing. Images smaller than the input are upscaled, not rejected (a photo of a
 * receipt at 150 px is still a receipt); they are counted so the report can say how many were.
 */
public final class ImageReader {
    private final int size;
    private final Preprocessing preprocessing;
    private final AtomicInteger upscaled = new AtomicInteger();

    public ImageReader(int size, Preprocessing preprocessing) {
        this.size = size;
        this.preprocessing = preprocessing;
    }

    public int size() {
        return size;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public int upscaled() {
        return upscaled.get();
    }

    /** Writes one image (3 x size x size, preprocessed) at {@code offset}; IOException if unreadable. */
    public void read(Path file, float[] out, int offset) throws IOException {
        BufferedImage img = ImageLoader.read(file);
        readImage(img, out, offset);
    }

    public void readImage(BufferedImage img, float[] out, int offset) {
        if (img.getWidth() < size || img.getHeight() < size) {
            upscaled.incrementAndGet();
        }
        ImageLoader.toPixels(img, size, size, 3, out, offset);
        float[] one = new float[3 * size * size];
        System.arraycopy(out, offset, one, 0, one.length);
        preprocessing.apply(one, 1, size, size);
        System.arraycopy(one, 0, out, offset, one.length);
    }
}
