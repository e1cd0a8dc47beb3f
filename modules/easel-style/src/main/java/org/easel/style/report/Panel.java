package org.easel.style.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/** Images side by side at one height, each with a caption: content | style | result. */
public final class Panel {
    private Panel() {
    }

    public static BufferedImage sideBySide(List<BufferedImage> images, List<String> captions, int height) {
        int gap = 8;
        int caption = 26;
        int width = gap;
        int[] widths = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            BufferedImage im = images.get(i);
            widths[i] = Math.max(1, (int) Math.round((double) im.getWidth() * height / im.getHeight()));
            width += widths[i] + gap;
        }
        BufferedImage out = new BufferedImage(width, height + caption + 2 * gap, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setFont(new Font("SansSerif", Font.PLAIN, 15));
        int x = gap;
        for (int i = 0; i < images.size(); i++) {
            g.drawImage(images.get(i), x, gap, widths[i], height, null);
            g.setColor(Color.DARK_GRAY);
            g.drawString(captions.get(i), x, gap + height + 19);
            x += widths[i] + gap;
        }
        g.dispose();
        return out;
    }
}
