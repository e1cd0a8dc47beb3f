package org.easel.synth.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * JPEG encoding at a chosen quality, in memory. One writer per call: writers are not thread-safe. Images are
 * handed to the writer as 3-byte BGR, which it reads straight from the raster (packed-int images cost it a
 * per-pixel unpacking that took most of the generator's time).
 */
public final class Jpeg {
    private Jpeg() {
    }

    public static byte[] encode(BufferedImage img, float quality) throws IOException {
        img = toBgr(img);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 15);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    static BufferedImage toBgr(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return img;
        }
        int w = img.getWidth();
        int h = img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] dst = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] src = Pixels.of(img);
        for (int i = 0, j = 0; i < src.length; i++, j += 3) {
            int p = src[i];
            dst[j] = (byte) p;
            dst[j + 1] = (byte) (p >> 8);
            dst[j + 2] = (byte) (p >> 16);
        }
        return out;
    }
}
