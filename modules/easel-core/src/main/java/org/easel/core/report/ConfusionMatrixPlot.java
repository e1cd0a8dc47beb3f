package org.easel.core.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.easel.core.io.AtomicFiles;

/** A confusion-matrix heatmap: rows are true classes, columns predictions, shaded by row share. */
public final class ConfusionMatrixPlot {
    private ConfusionMatrixPlot() {
    }

    public static void write(int[][] cm, List<String> classes, Path png) {
        int k = classes.size();
        int cell = Math.max(36, Math.min(80, 640 / Math.max(1, k)));
        int left = 150;
        int top = 70;
        int size = cell * k;
        BufferedImage img = new BufferedImage(left + size + 30, top + size + 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.BOLD, 15));
        g.drawString("Confusion matrix (rows: true class, columns: predicted)", 10, 22);
        g.setFont(new Font("SansSerif", Font.PLAIN, Math.max(10, cell / 4)));
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < k; r++) {
            int rowSum = 0;
            for (int c = 0; c < k; c++) {
                rowSum += cm[r][c];
            }
            for (int c = 0; c < k; c++) {
                double share = rowSum == 0 ? 0 : (double) cm[r][c] / rowSum;
                int shade = (int) Math.round(255 * (1 - share));
                g.setColor(new Color(shade, shade, 255));
                g.fillRect(left + c * cell, top + r * cell, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                String s = Integer.toString(cm[r][c]);
                g.drawString(s, left + c * cell + (cell - fm.stringWidth(s)) / 2, top + r * cell + (cell + fm.getAscent()) / 2 - 2);
            }
            g.setColor(Color.BLACK);
            String name = clip(classes.get(r), 18);
            g.drawString(name, left - 8 - fm.stringWidth(name), top + r * cell + (cell + fm.getAscent()) / 2 - 2);
        }
        for (int c = 0; c < k; c++) {
            String name = clip(classes.get(c), 8);
            g.drawString(name, left + c * cell + (cell - fm.stringWidth(name)) / 2, top - 8);
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, size, size);
        g.dispose();
        AtomicFiles.write(png, tmp -> ImageIO.write(img, "png", tmp.toFile()));
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
