package org.easel.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.easel.synth.render.PhotoLibrary;
import org.easel.synth.scene.SceneFactory;
import org.junit.jupiter.api.Test;

/**
 * Writes one contact sheet per image family (financial on top, non-financial below) to
 * {@code target/contact-sheets/} for people to look at; nothing is committed. Asserts the sheets were written
 * and that each family was drawn for the classes it claims.
 */
class ContactSheetsTest {
    @Test
    void writesASheetPerFamily() throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of("target", "contact-sheets");
        Files.createDirectories(dir);
        SceneFactory factory = new SceneFactory(480, 2024L, PhotoLibrary.EMPTY);
        Map<String, List<ContactSheet.Tile>[]> byFamily = new LinkedHashMap<>();
        int perClass = Integer.getInteger("easel.sheets.per.class", 24);
        for (boolean financial : new boolean[] {true, false}) {
            for (int i = 0; i < perClass; i++) {
                SceneFactory.Made m = factory.make(financial, i);
                @SuppressWarnings("unchecked")
                List<ContactSheet.Tile>[] lists = byFamily.computeIfAbsent(m.family(), f -> new List[] {new ArrayList<>(), new ArrayList<>()});
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(m.jpeg()));
                lists[financial ? 0 : 1].add(new ContactSheet.Tile(img, m.renderer() + " " + m.scene()));
            }
        }
        for (Map.Entry<String, List<ContactSheet.Tile>[]> e : byFamily.entrySet()) {
            Path png = dir.resolve(e.getKey() + ".png");
            ContactSheet.write(png, 6, e.getValue()[0], e.getValue()[1]);
            assertTrue(Files.size(png) > 10_000, png.toString());
        }
        assertTrue(byFamily.keySet().containsAll(List.of("screen", "page", "graphic")), byFamily.keySet().toString());
        assertEquals(0, byFamily.getOrDefault("picture", new List[] {List.of(), List.of()})[0].size(), "no financial pictures");
        for (String shared : List.of("screen", "page", "graphic")) {
            assertTrue(!byFamily.get(shared)[0].isEmpty() && !byFamily.get(shared)[1].isEmpty(), shared + " drawn for both classes");
        }
    }
}
