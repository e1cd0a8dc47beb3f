package org.easel.nets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum a weight file is verified with: the algorithm its publisher gives (Keras publishes only an
 * MD5 for its applications files, keras-squeezenet a SHA-256 in our records) and the expected hex digest.
 */
public record Digest(String algorithm, String hex) {
    public static Digest sha256(String hex) {
        return new Digest("SHA-256", hex);
    }

    public static Digest md5(String hex) {
        return new Digest("MD5", hex);
    }

    /** The digest of {@code file} with this algorithm, in lower-case hex. */
    public String of(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + algorithm, e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public boolean matches(String actual) {
        return hex.equalsIgnoreCase(actual);
    }

    @Override
    public String toString() {
        return algorithm + " " + hex;
    }
}
