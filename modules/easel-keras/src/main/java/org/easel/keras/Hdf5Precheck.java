package org.easel.keras;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.easel.core.error.EaselException;

/**
 * Reads the HDF5 superblock in plain Java before the native library sees the file.
 *
 * <p>Why: the HDF5 C library trusts what it reads; a file that is not HDF5, or one cut short by an
 * interrupted download, can make it abort the JVM or print a native stack instead of raising an error
 * we could catch. Checking the signature and the declared end-of-file address catches the most common
 * cases (wrong file, truncated copy, Git LFS pointer) with a message the user can act on.
 *
 * <p>Layout (HDF5 File Format Specification, "Superblock"): the 8-byte signature sits at offset 0 or at
 * 512, 1024, 2048, ... (after a user block). Versions 0/1 store base address and end-of-file address
 * after a fixed header; versions 2/3 store them right after four one-byte fields.
 */
public final class Hdf5Precheck {
    static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    /** What the superblock says. */
    public record Superblock(long signatureOffset, int version, int offsetSize, long baseAddress, long endOfFile) {
    }

    private Hdf5Precheck() {
    }

    /** Validates {@code file} and returns its superblock, or throws an {@link EaselException} saying what is wrong. */
    public static Superblock check(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new EaselException("Keras model file not found: " + file.toAbsolutePath() + ". Check the path.");
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long sigAt = findSignature(ch, size);
            if (sigAt < 0) {
                throw new EaselException(file + " is not an HDF5 file (no HDF5 signature at offset 0, 512, 1024, ...; "
                        + describeStart(ch) + "). Keras models must be saved with model.save('x.h5') or save_model_hdf5();"
                        + " the SavedModel folder and the .keras zip format are not supported.");
            }
            ByteBuffer head = read(ch, sigAt, (int) Math.min(96, size - sigAt));
            if (head.remaining() < 9) {
                throw headerTruncated(file, sigAt + 9, size);
            }
            int version = head.get(8) & 0xff;
            int offsetSize;
            int eofPos;
            int basePos;
            if (version == 0 || version == 1) {
                if (head.remaining() < 16) {
                    throw headerTruncated(file, sigAt + 16, size);
                }
                offsetSize = head.get(13) & 0xff;
                basePos = version == 0 ? 24 : 28;
                eofPos = basePos + 2 * offsetSize;
            } else if (version == 2 || version == 3) {
                offsetSize = head.get(9) & 0xff;
                basePos = 12;
                eofPos = basePos + 2 * offsetSize;
            } else {
                throw new EaselException(file + " has an HDF5 signature but superblock version " + version
                        + " (expected 0 to 3): the file is corrupt or written by an unknown HDF5 version.");
            }
            if (offsetSize != 2 && offsetSize != 4 && offsetSize != 8) {
                throw new EaselException(file + " is corrupt: the HDF5 superblock declares " + offsetSize
                        + "-byte addresses (expected 2, 4 or 8).");
            }
            if (head.remaining() < eofPos + offsetSize) {
                throw headerTruncated(file, sigAt + eofPos + offsetSize, size);
            }
            long base = readAddress(head, basePos, offsetSize);
            long eof = readAddress(head, eofPos, offsetSize);
            if (base < 0 || eof < 0 || base > size) {
                throw new EaselException(file + " is corrupt: the HDF5 superblock declares base address " + base
                        + " and end-of-file address " + eof + " for a file of " + size + " bytes.");
            }
            long declared = base + eof;
            if (declared > size) {
                throw truncated(file, declared, size);
            }
            int lengthSize = version <= 1 ? head.get(14) & 0xff : head.get(10) & 0xff;
            if (lengthSize == 8 && size <= MAX_HEAP_SCAN) {
                checkGlobalHeaps(file, ch, size);
            }
            return new Superblock(sigAt, version, offsetSize, base, eof);
        } catch (IOException e) {
            throw new EaselException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static EaselException truncated(Path file, long declared, long size) {
        return new EaselException(file + " is truncated: superblock says " + declared + " bytes, file has " + size
                + ". Download or copy the file again.");
    }

    /** Files up to this size get the global-heap scan (a linear pass over the bytes). */
    static final long MAX_HEAP_SCAN = 2L << 30;

    /**
     * Checks every global heap collection ("GCOL"), where h5py and Keras 3 keep variable-length strings
     * such as model_config: each object's declared size must fit inside its collection. HDF5 1.12.1
     * trusts that size and copies past its buffer when it is corrupt (measured: a one-byte change in
     * the heap of a Keras file crashed the JVM with SIGSEGV inside H5Aread).
     */
    private static void checkGlobalHeaps(Path file, FileChannel ch, long size) throws IOException {
        byte[] magic = {'G', 'C', 'O', 'L', 1, 0, 0, 0};
        ByteBuffer all = ByteBuffer.allocate((int) Math.min(size, Integer.MAX_VALUE - 8)).order(ByteOrder.LITTLE_ENDIAN);
        while (all.hasRemaining() && ch.read(all, all.position()) > 0) {
            // keep reading
        }
        all.flip();
        int n = all.limit();
        for (int at = 0; at + 16 <= n; at++) {
            if (all.get(at) != 'G' || !startsWith(all, at, magic)) {
                continue;
            }
            long collection = all.getLong(at + 8);
            if (collection < 16 || at + collection > n) {
                throw new EaselException(file + " is corrupt: the HDF5 global heap at byte " + at + " declares " + collection
                        + " bytes, beyond the end of the file (" + size + " bytes).");
            }
            long pos = 16;
            while (pos + 16 <= collection) {
                int index = all.getShort((int) (at + pos)) & 0xffff;
                long objSize = all.getLong((int) (at + pos + 8));
                if (index == 0) {
                    break; // free space: the rest of the collection
                }
                long padded = objSize < 0 || objSize > collection ? -1 : (objSize + 7) & ~7L;
                if (padded < 0 || pos + 16 + padded > collection) {
                    throw new EaselException(file + " is corrupt: object " + index + " of the HDF5 global heap at byte " + at
                            + " declares " + objSize + " bytes, beyond the end of its " + collection + "-byte collection."
                            + " Variable-length strings (model_config) cannot be read safely; save or download the file again.");
                }
                pos += 16 + padded;
            }
            at += (int) collection - 1;
        }
    }

    private static boolean startsWith(ByteBuffer b, int at, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (b.get(at + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static EaselException headerTruncated(Path file, long needed, long size) {
        return new EaselException(file + " is truncated: the HDF5 superblock alone needs " + needed + " bytes, file has " + size
                + ". Download or copy the file again.");
    }

    private static long findSignature(FileChannel ch, long size) throws IOException {
        for (long at = 0; at + SIGNATURE.length <= size; at = at == 0 ? 512 : at * 2) {
            ByteBuffer b = read(ch, at, SIGNATURE.length);
            boolean match = b.remaining() == SIGNATURE.length;
            for (int i = 0; match && i < SIGNATURE.length; i++) {
                match = b.get(i) == SIGNATURE[i];
            }
            if (match) {
                return at;
            }
        }
        return -1;
    }

    private static String describeStart(FileChannel ch) throws IOException {
        ByteBuffer b = read(ch, 0, 64);
        if (b.remaining() == 0) {
            return "the file is empty";
        }
        String text = new String(b.array(), 0, b.remaining(), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.startsWith("version https://git-lfs")) {
            return "it is a Git LFS pointer: run 'git lfs pull'";
        }
        if (text.startsWith("PK")) {
            return "it is a zip file, e.g. a Keras 3 '.keras' archive or a DL4J model zip";
        }
        if (text.startsWith("{")) {
            return "it looks like JSON: pass it with --architecture / .architecture(path)";
        }
        return "it starts with bytes " + hex(b, 8);
    }

    private static String hex(ByteBuffer b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, b.remaining()); i++) {
            sb.append(String.format("%02x", b.get(i) & 0xff));
        }
        return sb.toString();
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(Math.max(0, n)).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            int r = ch.read(b, at + b.position());
            if (r < 0) {
                break;
            }
        }
        b.flip();
        return b;
    }

    private static long readAddress(ByteBuffer b, int pos, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) {
            v = (v << 8) | (b.get(pos + i) & 0xff);
        }
        // An all-ones address means "undefined"; for the base/EOF fields that is corruption.
        return v == -1L || (size < 8 && v == (1L << (8 * size)) - 1) ? -1 : v;
    }
}
