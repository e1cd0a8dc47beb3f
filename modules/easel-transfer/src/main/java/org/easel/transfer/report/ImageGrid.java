package org.easel.transfer.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.easel.core.io.AtomicFiles;

/** A grid of captioned tiles written as one PNG (the misclassified gallery, the Grad-CAM sheet). */
public final class ImageGrid {
    /** One tile: an image and up to two caption lines. */
    public record Tile(BufferedImage image, String line1, String line2) {
    }

    private ImageGrid() {
    }

    public static void write(String title, List<Tile> tiles, int tileSize, int columns, Path png) {
        int cols = Math.max(1, Math.min(columns, tiles.size()));
        int rows = Math.max(1, (tiles.size() + cols - 1) / cols);
        int captionH = 34;
        int pad = 8;
        int top = 34;
        int w = pad + cols * (tileSize + pad);
        int h = top + rows * (tileSize + captionH + pad);
        BufferedImage out = new BufferedImage(Math.max(w, 360), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.BOLD, 15));
        g.drawString(tiles.isEmpty() ? title + " (none)" : title, pad, 22);
        g.setFont(new Font("SansSerif", Font.PLAIN, 11));
        for (int i = 0; i < tiles.size(); i++) {
            Tile t = tiles.get(i);
            int x = pad + (i % cols) * (tileSize + pad);
            int y = top + (i / cols) * (tileSize + captionH + pad);
            g.drawImage(t.image(), x, y, tileSize, tileSize, null);
            g.setColor(Color.BLACK);
            g.drawString(clip(t.line1(), tileSize, g), x, y + tileSize + 13);
            g.drawString(clip(t.line2(), tileSize, g), x, y + tileSize + 27);
        }
        g.dispose();
        AtomicFiles.write(png, tmp -> ImageIO.write(out, "png", tmp.toFile()));
    }

    private static String clip(String s, int width, Graphics2D g) {
        if (s == null) {
            return "";
        }
        String t = s;
        while (t.length() > 3 && g.getFontMetrics().stringWidth(t) > width) {
            t = t.substring(0, t.length() - 2);
        }
        return t.equals(s) ? s : t + "…";
    }
}
