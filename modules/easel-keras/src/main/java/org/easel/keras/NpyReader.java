package org.easel.keras;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.easel.core.error.EaselException;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reads NumPy {@code .npy} files (format versions 1-3) of little-endian float32/float64/int32/int64/uint8
 * in C or Fortran order, into a float {@link INDArray} of the same shape. Enough for Keras reference
 * inputs and predictions saved with {@code np.save}.
 */
public final class NpyReader {
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([<>|=]?)([a-zA-Z])(\\d+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private NpyReader() {
    }

    public static INDArray read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new EaselException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        if (bytes.length < 10 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.ISO_8859_1).equals("NUMPY")) {
            throw new EaselException(file + " is not a NumPy .npy file (missing \\x93NUMPY magic).");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLen;
        int start;
        if (major == 1) {
            headerLen = b.getShort(8) & 0xffff;
            start = 10;
        } else if (major == 2 || major == 3) {
            headerLen = b.getInt(8);
            start = 12;
        } else {
            throw new EaselException(file + ": unsupported .npy format version " + major + ".");
        }
        if (headerLen < 0 || start + headerLen > bytes.length) {
            throw new EaselException(file + " is truncated: header says " + headerLen + " bytes, file has " + bytes.length + ".");
        }
        String header = new String(bytes, start, headerLen, StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(header);
        Matcher f = FORTRAN.matcher(header);
        Matcher s = SHAPE.matcher(header);
        if (!d.find() || !f.find() || !s.find()) {
            throw new EaselException(file + ": cannot parse the .npy header " + header.trim());
        }
        if (d.group(1).equals(">")) {
            throw new EaselException(file + ": big-endian .npy data is not supported.");
        }
        char kind = d.group(2).charAt(0);
        int size = Integer.parseInt(d.group(3));
        String[] parts = s.group(1).split(",");
        long[] shape = java.util.Arrays.stream(parts).map(String::trim).filter(p -> !p.isEmpty()).mapToLong(Long::parseLong).toArray();
        long n = 1;
        for (long dim : shape) {
            if (dim < 0 || (dim > 0 && n > Integer.MAX_VALUE / dim)) {
                throw new EaselException(file + ": shape " + s.group(1) + " is too large.");
            }
            n *= dim;
        }
        int dataStart = start + headerLen;
        if ((long) dataStart + n * size > bytes.length) {
            throw new EaselException(file + " is truncated: shape (" + s.group(1) + ") of " + kind + size + " needs "
                    + (n * size) + " data bytes, file has " + (bytes.length - dataStart) + ".");
        }
        float[] out = new float[(int) n];
        for (int i = 0; i < n; i++) {
            int at = dataStart + i * size;
            out[i] = switch (kind + "" + size) {
                case "f4" -> b.getFloat(at);
                case "f8" -> (float) b.getDouble(at);
                case "i4" -> b.getInt(at);
                case "i8" -> b.getLong(at);
                case "u1", "b1" -> bytes[at] & 0xff;
                default -> throw new EaselException(file + ": .npy dtype " + kind + size + " is not supported (float32/64, int32/64, uint8).");
            };
        }
        if (shape.length == 0) {
            return Nd4j.scalar(out[0]);
        }
        return Nd4j.create(out, shape, f.group(1).equals("True") ? 'f' : 'c').dup('c');
    }
}
