package org.easel.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.easel.core.error.EaselException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        }
        return bytes.toByteArray();
    }

    @Test
    void readsRawAndGzip(@TempDir Path dir) throws IOException {
        byte[] data = new byte[2 * 3 * 4];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 10);
        }
        Path raw = dir.resolve("x-idx3-ubyte");
        Files.write(raw, idx(new int[]{2, 3, 4}, data));
        Path gz = dir.resolve("y.gz");
        Files.write(gz, gzip(idx(new int[]{2, 3, 4}, data)));
        for (Path p : new Path[]{raw, gz}) {
            IdxReader.IdxArray a = IdxReader.read(p);
            assertArrayEquals(new int[]{2, 3, 4}, a.dims());
            assertEquals(12, a.itemSize());
            assertArrayEquals(data, a.data());
        }
    }

    @Test
    void truncatedFileIsAClearError(@TempDir Path dir) throws IOException {
        byte[] full = idx(new int[]{10, 28, 28}, new byte[10 * 28 * 28]);
        Path raw = dir.resolve("cut");
        Files.write(raw, Arrays.copyOf(full, full.length - 100));
        EaselException e = assertThrows(EaselException.class, () -> IdxReader.read(raw));
        assertTrue(e.getMessage().contains("is truncated") && e.getMessage().contains("10×28×28"), e.getMessage());

        byte[] gz = gzip(full);
        Path cutGz = dir.resolve("cut.gz");
        Files.write(cutGz, Arrays.copyOf(gz, gz.length / 2));
        EaselException e2 = assertThrows(EaselException.class, () -> IdxReader.read(cutGz));
        assertTrue(e2.getMessage().contains("cut.gz"), e2.getMessage());
    }

    @Test
    void notAnIdxFileIsAClearError(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("notes.txt");
        Files.writeString(p, "hello, this is not IDX");
        EaselException e = assertThrows(EaselException.class, () -> IdxReader.read(p));
        assertTrue(e.getMessage().contains("not an IDX file"), e.getMessage());
    }

    @Test
    void absurdHeaderIsRejectedWithoutAllocating(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("huge");
        Files.write(p, idx(new int[]{1 << 20, 1 << 10, 1 << 10}, new byte[0]));
        EaselException e = assertThrows(EaselException.class, () -> IdxReader.read(p));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }
}
