package org.easel.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.easel.core.error.EaselException;

/**
 * Reads IDX files (the MNIST format), raw or gzip-compressed (detected by content, not name).
 * Only unsigned-byte data (type 0x08) is supported, which covers MNIST and Fashion-MNIST.
 */
public final class IdxReader {
    /** Guards against absurd headers: no IDX dataset we read is anywhere near this. */
    private static final long MAX_ELEMENTS = 1L << 31;

    private IdxReader() {
    }

    /** The decoded file: its dimensions (first = number of items) and its bytes. */
    public record IdxArray(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        public int itemSize() {
            int s = 1;
            for (int i = 1; i < dims.length; i++) {
                s *= dims[i];
            }
            return s;
        }
    }

    public static IdxArray read(Path file) {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            return decode(new DataInputStream(new BufferedInputStream(in, 1 << 16)), file);
        } catch (EOFException e) {
            throw truncated(file, "the file ends inside its header or its compressed stream");
        } catch (ZipException e) {
            throw new EaselException("IDX file " + file + " is not valid gzip (" + e.getMessage()
                    + "). Delete it and place a good copy there, or let Easel download it again.");
        } catch (IOException e) {
            throw new EaselException("Cannot read IDX file " + file + ": " + e.getMessage());
        }
    }

    private static IdxArray decode(DataInputStream in, Path file) throws IOException {
        int zero = in.readUnsignedShort();
        int type = in.readUnsignedByte();
        int rank = in.readUnsignedByte();
        if (zero != 0 || rank < 1 || rank > 4) {
            throw new EaselException("File " + file + " is not an IDX file (bad magic number). Expected e.g. "
                    + "train-images-idx3-ubyte[.gz] from MNIST.");
        }
        if (type != 0x08) {
            throw new EaselException("IDX file " + file + " holds data type 0x" + Integer.toHexString(type)
                    + "; only unsigned bytes (0x08) are supported.");
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] <= 0) {
                throw new EaselException("IDX file " + file + " declares dimension " + i + " = " + dims[i] + "; the header is corrupt.");
            }
            total *= dims[i];
            if (total > MAX_ELEMENTS) {
                throw new EaselException("IDX file " + file + " declares more than 2^31 values; the header is corrupt.");
            }
        }
        byte[] data = new byte[(int) total];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw truncated(file, "its header declares " + shape(dims) + " = " + total + " bytes of data but only " + read + " are there");
        }
        return new IdxArray(dims, data);
    }

    private static EaselException truncated(Path file, String detail) {
        return new EaselException("IDX file " + file + " is truncated: " + detail
                + ". It was probably cut off while copying or downloading; delete it and place a complete copy there.");
    }

    private static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < dims.length; i++) {
            sb.append(i == 0 ? "" : "×").append(dims[i]);
        }
        return sb.toString();
    }
}
