package org.easel.nets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each built-in network is defined once, in easel-nets. Fails when main sources of another module carry a
 * network's layer table, its conv/pool ops or its weight file: the signs of a second definition.
 */
class OneDefinitionTest {
    private static final List<Pattern> SIGNS = List.of(
            Pattern.compile("Conv2DConfig"),                                  // a conv op written again
            Pattern.compile("maxPooling2d"),                                   // a pool op written again
            Pattern.compile("\"/?(squeeze1x1|expand1x1|expand3x3)\""),          // SqueezeNet's fire module
            Pattern.compile("\"block\" *\\+"),                                  // VGG16's block table
            Pattern.compile("\\{ *64, *2 *\\}|\\{ *2, *64 *\\}"),              // VGG16's (filters, convs) rows
            Pattern.compile("_weights_tf_dim_ordering_tf_kernels"),           // a weight file named again
            Pattern.compile("103\\.939"));                                     // the caffe BGR mean

    /** Files that legitimately build other conv nets (the VAE's own encoder/decoder). */
    private static final List<String> ALLOWED = List.of("easel-vae/src/main/java/org/easel/vae/model/VaeModel.java");

    @Test
    void noModuleButEaselNetsDefinesANetwork() throws IOException {
        Path modules = Path.of(System.getProperty("user.dir")).getParent();
        List<String> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(modules)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/")).toList()) {
                String rel = modules.relativize(f).toString();
                if (rel.startsWith("easel-nets/") || ALLOWED.contains(rel)) {
                    continue;
                }
                String text = Files.readString(f);
                for (Pattern p : SIGNS) {
                    if (p.matcher(text).find()) {
                        found.add(rel + " (" + p.pattern() + ")");
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), "networks are defined in easel-nets only; found a second definition in: " + found);
    }
}
