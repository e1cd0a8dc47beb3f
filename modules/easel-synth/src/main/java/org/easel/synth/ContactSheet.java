package org.easel.synth;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.easel.core.error.EaselException;
import org.easel.core.io.AtomicFiles;

/** A labelled grid of sample images, financial on top and non-financial below, for people to look at. */
public final class ContactSheet {
    static final int CELL = 192;
    static final int LABEL = 18;
    static final int HEADER = 26;

    private ContactSheet() {
    }

    /** One tile: the image and its caption. */
    public record Tile(BufferedImage image, String caption) {
    }

    public static void write(Path png, int columns, List<Tile> financial, List<Tile> nonFinancial) {
        int rowsF = (financial.size() + columns - 1) / columns;
        int rowsN = (nonFinancial.size() + columns - 1) / columns;
        int width = columns * CELL;
        int height = 2 * HEADER + (rowsF + rowsN) * (CELL + LABEL);
        BufferedImage sheet = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0x20, 0x20, 0x24));
        g.fillRect(0, 0, width, height);
        int y = section(g, "financial (" + financial.size() + " samples)", new Color(0x1b5e20), financial, columns, 0, width);
        section(g, "non_financial (" + nonFinancial.size() + " samples)", new Color(0x0d47a1), nonFinancial, columns, y, width);
        g.dispose();
        AtomicFiles.write(png, tmp -> {
            if (!ImageIO.write(sheet, "png", tmp.toFile())) {
                throw new EaselException("No PNG writer available for " + png);
            }
        });
    }

    private static int section(Graphics2D g, String title, Color band, List<Tile> tiles, int columns, int top, int width) {
        g.setColor(band);
        g.fillRect(0, top, width, HEADER);
        g.setColor(Color.WHITE);
        g.setFont(new Font("SansSerif", Font.BOLD, 15));
        g.drawString(title, 8, top + 19);
        int y0 = top + HEADER;
        g.setFont(new Font("SansSerif", Font.PLAIN, 12));
        for (int i = 0; i < tiles.size(); i++) {
            int x = (i % columns) * CELL;
            int y = y0 + (i / columns) * (CELL + LABEL);
            // natural-size images keep their aspect inside the cell
            BufferedImage img = tiles.get(i).image();
            double s = (CELL - 2) / (double) Math.max(img.getWidth(), img.getHeight());
            int dw = Math.max(1, (int) Math.round(img.getWidth() * s));
            int dh = Math.max(1, (int) Math.round(img.getHeight() * s));
            g.drawImage(img, x + 1 + (CELL - 2 - dw) / 2, y + 1 + (CELL - 2 - dh) / 2, dw, dh, null);
            g.setColor(new Color(0xdddddd));
            g.drawString(tiles.get(i).caption(), x + 4, y + CELL + 13);
        }
        return y0 + ((tiles.size() + columns - 1) / columns) * (CELL + LABEL);
    }
}
