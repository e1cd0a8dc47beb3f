package org.easel.keras;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared Keras fixtures (never copied into the repo); tests skip when they are absent. */
final class Fixtures {
    private Fixtures() {
    }

    static Path dir() {
        String shared = System.getProperty("easel.test.shared");
        assumeTrue(shared != null, "easel.test.shared not set");
        Path d = Path.of(shared, "fixtures", "keras");
        assumeTrue(Files.isDirectory(d), "no Keras fixtures at " + d);
        return d;
    }

    static Path file(String name) {
        Path p = dir().resolve(name);
        assumeTrue(Files.isRegularFile(p), "fixture missing: " + p);
        return p;
    }
}
