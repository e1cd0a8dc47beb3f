package org.easel.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.easel.core.error.EaselException;
import org.easel.core.io.Hashing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    private static final byte[] PAYLOAD = "weights weights weights".getBytes();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/files/", exchange -> {
            exchange.sendResponseHeaders(200, PAYLOAD.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(PAYLOAD);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/files/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndRenames(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("cache/w.bin");
        Downloader.fetch(URI.create(base + "w.bin"), target, Hashing.sha256(PAYLOAD), Hashing::sha256);
        assertEquals(new String(PAYLOAD), Files.readString(target));
        assertFalse(Files.exists(dir.resolve("cache/w.bin.part")));
    }

    @Test
    void checksumMismatchKeepsFileAsideAndSaysWhatToDo(@TempDir Path dir) {
        Path target = dir.resolve("w.bin");
        EaselException e = assertThrows(EaselException.class,
                () -> Downloader.fetch(URI.create(base + "w.bin"), target, "00".repeat(32), Hashing::sha256));
        assertTrue(e.getMessage().contains("Checksum mismatch") && e.getMessage().contains("w.bin.bad"), e.getMessage());
        assertFalse(Files.exists(target));
        assertTrue(Files.exists(dir.resolve("w.bin.bad")));
    }

    @Test
    void offlineFailureNamesTheFileAndWhereToPutIt(@TempDir Path dir) {
        server.stop(0);
        Path target = dir.resolve("w.bin");
        EaselException e = assertThrows(EaselException.class,
                () -> Downloader.fetch(URI.create(base + "w.bin"), target, Hashing.sha256(PAYLOAD), Hashing::sha256));
        assertTrue(e.getMessage().contains("Could not download") && e.getMessage().contains(target.toAbsolutePath().toString()), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void fileUrlsWorkForMirrors(@TempDir Path dir) throws IOException {
        Path src = dir.resolve("src.bin");
        Files.write(src, PAYLOAD);
        Path target = dir.resolve("dst.bin");
        Downloader.fetch(src.toUri(), target, Hashing.sha256(PAYLOAD), Hashing::sha256);
        assertEquals(new String(PAYLOAD), Files.readString(target));
    }
}
