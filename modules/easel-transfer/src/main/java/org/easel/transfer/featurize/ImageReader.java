package org.easel.transfer.featurize;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.easel.core.data.ImageLoader;
import org.easel.nets.Preprocessing;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Decodes an image into backbone input: resized to the square input size (bilinear), RGB (or grayscale
 * for one-channel model-file backbones), then the weights' preprocessing. Images smaller than the input
 * are upscaled, not rejected (a photo of a receipt at 150 px is still a receipt); they are counted so
 * the report can say how many were.
 */
public final class ImageReader {
    private final int size;
    private final int channels;
    private final Preprocessing preprocessing;
    private final AtomicInteger upscaled = new AtomicInteger();

    public ImageReader(int size, Preprocessing preprocessing) {
        this(size, 3, preprocessing);
    }

    public ImageReader(int size, int channels, Preprocessing preprocessing) {
        this.size = size;
        this.channels = channels;
        this.preprocessing = preprocessing;
    }

    public int size() {
        return size;
    }

    public int channels() {
        return channels;
    }

    /** Floats per decoded image: channels x size x size. */
    public int pixelsPerImage() {
        return channels * size * size;
    }

    public Preprocessing preprocessing() {
        return preprocessing;
    }

    public int upscaled() {
        return upscaled.get();
    }

    /** Writes one image (channels x size x size, preprocessed) at {@code offset}; IOException if unreadable. */
    public void read(Path file, float[] out, int offset) throws IOException {
        readImage(ImageLoader.read(file), out, offset);
    }

    /** Writes one decoded image, preprocessed, at {@code offset}. */
    public void readImage(BufferedImage img, float[] out, int offset) {
        decode(img, out, offset);
        preprocess(out, offset, 1);
    }

    /** Writes one image as channels x size x size pixels in [0, 1], not yet preprocessed. */
    public void decode(BufferedImage img, float[] out, int offset) {
        if (img.getWidth() < size || img.getHeight() < size) {
            upscaled.incrementAndGet();
        }
        ImageLoader.toPixels(img, size, size, channels, out, offset);
    }

    /** Applies the preprocessing to {@code n} decoded images in place (pixels in [0, 1] before). */
    public void preprocess(float[] pixels, int offset, int n) {
        float[] part = new float[n * pixelsPerImage()];
        System.arraycopy(pixels, offset, part, 0, part.length);
        preprocessing.apply(part, n, channels, size, size);
        System.arraycopy(part, 0, pixels, offset, part.length);
    }

    /** {@code n} preprocessed images as an NCHW array. */
    public INDArray batch(float[] pixels, int n) {
        return Nd4j.create(pixels, new long[]{n, channels, size, size}, 'c');
    }
}
