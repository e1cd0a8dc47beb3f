package org.easel.synth.render;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.easel.core.data.ImageLoader;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real photos used as non-financial images and as backdrops behind documents of both classes.
 * Decoded once, shrunk to at most {@value #MAX_SIDE} px, kept as packed RGB arrays that threads
 * only read. Unreadable files are skipped with a warning.
 */
public final class PhotoLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(PhotoLibrary.class);
    static final int MAX_SIDE = 640;
    public static final PhotoLibrary EMPTY = new PhotoLibrary(List.of(), List.of(), "none");

    private final List<int[]> pixels;
    private final List<int[]> dims;
    private final String fingerprint;

    private PhotoLibrary(List<int[]> pixels, List<int[]> dims, String fingerprint) {
        this.pixels = pixels;
        this.dims = dims;
        this.fingerprint = fingerprint;
    }

    public static PhotoLibrary load(Path dir) {
        if (dir == null) {
            return EMPTY;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(ImageLoader::isImageFile).sorted().toList();
        } catch (IOException e) {
            throw new EaselException("Cannot list photos folder " + dir.toAbsolutePath() + ": " + e.getMessage());
        }
        List<int[]> px = new ArrayList<>();
        List<int[]> dm = new ArrayList<>();
        StringBuilder fp = new StringBuilder();
        for (Path f : files) {
            try {
                BufferedImage img = ImageLoader.read(f);
                double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(img.getWidth(), img.getHeight()));
                int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
                BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = rgb.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
                g.drawImage(img, 0, 0, w, h, null);
                g.dispose();
                px.add(rgb.getRGB(0, 0, w, h, null, 0, w));
                dm.add(new int[] {w, h});
                fp.append(f.getFileName()).append(':').append(Hashing.sha256(f)).append('\n');
            } catch (IOException | RuntimeException e) {
                LOG.warn("Skipping photo {}: {}", f, e.getMessage());
            }
        }
        if (px.isEmpty()) {
            throw new EaselException("Photos folder " + dir.toAbsolutePath() + " has no readable images (" + String.join(", ", ImageLoader.EXTENSIONS)
                    + "). Add photos there or leave photos_dir unset to use generated images only.");
        }
        LOG.info("Using {} photo(s) from {}", px.size(), dir);
        return new PhotoLibrary(List.copyOf(px), List.copyOf(dm), Hashing.sha256(fp.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public boolean isEmpty() {
        return pixels.isEmpty();
    }

    public int count() {
        return pixels.size();
    }

    /** SHA-256 over file names and contents: a changed photos folder means a different dataset. */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * A random crop of a random photo, resampled to (w, h), maybe mirrored, with a colour shift.
     * Crops cover 25-100% of the photo's side so the same photo yields many different images.
     */
    public BufferedImage crop(Random r, int w, int h) {
        int k = r.nextInt(pixels.size());
        int[] src = pixels.get(k);
        int sw = dims.get(k)[0];
        int sh = dims.get(k)[1];
        double aspect = w / (double) h;
        double frac = 0.25 + r.nextDouble() * 0.75;
        double cw = sw * frac;
        double ch = cw / aspect;
        if (ch > sh) {
            ch = sh * frac;
            cw = ch * aspect;
        }
        cw = Math.min(cw, sw);
        ch = Math.min(ch, sh);
        double cx = r.nextDouble() * (sw - cw);
        double cy = r.nextDouble() * (sh - ch);
        boolean flip = r.nextBoolean();
        double[] gain = {0.8 + r.nextDouble() * 0.4, 0.8 + r.nextDouble() * 0.4, 0.8 + r.nextDouble() * 0.4};
        double bright = (r.nextDouble() - 0.5) * 40;
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            double sy = cy + (y + 0.5) * ch / h - 0.5;
            for (int x = 0; x < w; x++) {
                int xx = flip ? w - 1 - x : x;
                double sx = cx + (xx + 0.5) * cw / w - 0.5;
                int rgb = Pixels.bilinear(src, sw, sh, sx, sy);
                int rr = Theme.clamp((int) (((rgb >> 16) & 255) * gain[0] + bright));
                int gg = Theme.clamp((int) (((rgb >> 8) & 255) * gain[1] + bright));
                int bb = Theme.clamp((int) ((rgb & 255) * gain[2] + bright));
                out[y * w + x] = (rr << 16) | (gg << 8) | bb;
            }
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, w, h, out, 0, w);
        return img;
    }
}
