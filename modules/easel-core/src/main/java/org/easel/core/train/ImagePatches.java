package org.easel.core.train;

import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Image patches as matrix rows ("im2row"): one row per output position of a convolution, holding the input window
 * it sees, so that a layer's kernel gradient is one GEMM of these rows with the output gradient.
 *
 * <p>Why a Java loop: libnd4j's {@code im2col} writes [batch, channels, kH, kW, outH, outW]; getting rows out of it
 * means writing through a permuted view, which took 15–34 ms for a 128-image Fashion-MNIST batch, against ≈ 4 ms of
 * CPU time here. The work happens on heap arrays reused from call to call, with one bulk copy in and one out.
 */
final class ImagePatches {
    private float[] pixels = new float[0];
    private float[] patches = new float[0];

    /**
     * Fills {@code rows} ({@code [batch·outH·outW, channels·kH·kW]}, C order) from NHWC {@code images}: row
     * {@code (b, oy, ox)}, column {@code (c·kH + i)·kW + j} (DL4J's OIHW kernel order) holds pixel
     * {@code (oy·strideH − padTop + i·dilationH, ox·strideW − padLeft + j·dilationW)} of channel c, zero outside.
     */
    void im2row(INDArray images, INDArray rows, int outH, int outW, int[] kernel, int[] stride, int[] padTopLeft, int[] dilation) {
        int batch = (int) images.size(0);
        int h = (int) images.size(1);
        int w = (int) images.size(2);
        int channels = (int) images.size(3);
        int kh = kernel[0];
        int kw = kernel[1];
        int cols = channels * kh * kw;
        float[] in = pixels.length >= images.length() ? pixels : (pixels = new float[Math.toIntExact(images.length())]);
        float[] out = patches.length >= rows.length() ? patches : (patches = new float[Math.toIntExact(rows.length())]);
        NativeFloats.of(images).get(in, 0, (int) images.length());
        // Images are independent: split them over the cores (ND4J's OpenMP threads sleep meanwhile).
        IntStream.range(0, batch).parallel().forEach(b -> {
            int at = b * outH * outW * cols;
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++, at += cols) {
                    for (int i = 0; i < kh; i++) {
                        int y = oy * stride[0] - padTopLeft[0] + i * dilation[0];
                        for (int j = 0; j < kw; j++) {
                            int x = ox * stride[1] - padTopLeft[1] + j * dilation[1];
                            boolean inside = y >= 0 && y < h && x >= 0 && x < w;
                            int pixel = ((b * h + y) * w + x) * channels;
                            for (int c = 0; c < channels; c++) {
                                out[at + (c * kh + i) * kw + j] = inside ? in[pixel + c] : 0f;
                            }
                        }
                    }
                }
            }
        });
        NativeFloats.of(rows).put(out, 0, (int) rows.length());
    }
}
