package org.easel.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged files: 40 deterministic truncations and byte flips of real fixtures. Each import must either
 * succeed or throw an {@link EaselException}: never another exception, a hang or a JVM crash.
 */
class MutationTest {
    @TempDir
    static Path tmp;

    /** Flips per fixture; raise with the environment variable EASEL_KERAS_FLIPS=N for a longer local search. */
    static final int FLIPS = Integer.parseInt(System.getenv().getOrDefault("EASEL_KERAS_FLIPS", "5"));

    record Mutation(String fixture, String kind, long at, int value) {
        @Override
        public String toString() {
            return fixture + " " + kind + "@" + at + (kind.equals("flip") ? "^" + value : "");
        }
    }

    static Stream<Arguments> mutations() {
        List<Arguments> out = new ArrayList<>();
        String[] fixtures = {"simple_sparse_xent_mlp_keras_2_model.h5", "cnn_batch_norm.h5", "keras1_simple_cnn_tf_model.h5",
                "keras3_mlp_model.h5"};
        long[] sizes = {12_600, 22_584, 21_200, 632_152};
        Random rnd = new Random(20261125L);
        for (int f = 0; f < fixtures.length; f++) {
            long size = sizes[f];
            // Truncations: inside the superblock, in the metadata, near the end.
            for (long at : new long[] {0, 40, size / 3, size - 1}) {
                out.add(Arguments.of(new Mutation(fixtures[f], "truncate", at, 0)));
            }
            // Byte flips: a superblock field, metadata (object headers, B-trees, heaps: the first few KiB
            // of a Keras file), and anywhere (mostly weight data).
            out.add(Arguments.of(new Mutation(fixtures[f], "flip", 9 + f, 0xff)));
            for (int i = 0; i < FLIPS; i++) {
                long span = i % 2 == 0 ? Math.min(4096, size) - 64 : size - 64;
                out.add(Arguments.of(new Mutation(fixtures[f], "flip", 64 + (long) (rnd.nextDouble() * span), 1 + rnd.nextInt(255))));
            }
        }
        return out.stream(); // 4 fixtures x 10 = 40 cases
    }

    /**
     * Found by a 620-case search (EASEL_KERAS_FLIPS=150): this one byte in an attribute header of a Keras 1
     * file makes HDF5 1.12.1's H5Aread spin forever. In-process that thread can never be stopped, so
     * untrusted files go through the isolated reader, which kills the child and reports the file.
     */
    @Test
    @Timeout(120)
    void nativeHangIsContainedByTheIsolatedReader() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.file("keras1_simple_cnn_tf_model.h5"));
        bytes[950] ^= 52;
        Path file = tmp.resolve("keras1_hang.h5");
        Files.write(file, bytes);
        long start = System.nanoTime();
        EaselException e = assertThrows(EaselException.class, () ->
                KerasImporter.builder().isolated(Duration.ofSeconds(6)).build().importModel(file));
        System.out.printf("isolated reader stopped the hanging file after %.1f s: %s%n", (System.nanoTime() - start) / 1e9, e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("did not finish"), e.getMessage());
    }

    @Test
    @Timeout(120)
    void isolatedReaderPassesGoodFilesAndReportsBadOnes() throws IOException {
        ImportedModel m = KerasImporter.builder().isolated(Duration.ofSeconds(60)).build()
                .importModel(Fixtures.file("simple_sparse_xent_mlp_keras_2_model.h5"));
        assertEquals(15, m.report().totalParams());
        // A corrupt global heap (variable-length model_config): rejected in Java before any native read.
        byte[] bytes = Files.readAllBytes(Fixtures.file("simple_sparse_xent_mlp_keras_2_model.h5"));
        bytes[2133] ^= 94;
        Path file = tmp.resolve("heap.h5");
        Files.write(file, bytes);
        EaselException e = assertThrows(EaselException.class, () -> KerasImporter.builder().build().importModel(file));
        assertTrue(e.getMessage().contains("global heap"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutations")
    void importEndsInSuccessOrEaselException(Mutation m) throws IOException {
        Path source = Fixtures.file(m.fixture());
        byte[] bytes = Files.readAllBytes(source);
        byte[] mutated;
        if (m.kind().equals("truncate")) {
            mutated = java.util.Arrays.copyOf(bytes, (int) Math.min(m.at(), bytes.length));
        } else {
            mutated = bytes.clone();
            int at = (int) Math.min(m.at(), bytes.length - 1);
            mutated[at] = (byte) (mutated[at] ^ m.value());
        }
        Path file = tmp.resolve(m.toString().replaceAll("[^A-Za-z0-9_.@-]", "_") + ".h5");
        Files.write(file, mutated);
        if (FLIPS > 5) {
            System.out.println("start " + m); // long local search: name the case before a possible native crash
        }
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try {
                KerasImporter.builder().build().importModel(file);
            } catch (EaselException e) {
                System.out.println("mutation " + m + " -> EaselException: " + e.getMessage().lines().findFirst().orElse(""));
                return;
            } catch (Throwable t) {
                fail("mutation " + m + " threw " + t.getClass().getName() + " instead of EaselException: " + t.getMessage(), t);
            }
            System.out.println("mutation " + m + " -> imported");
        });
    }
}
