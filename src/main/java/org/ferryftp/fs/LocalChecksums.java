package org.ferryftp.fs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * Checksums of local files, in the same algorithms and spelling as {@code RemoteChecksum}, so a transfer can
 * be verified against the server's answer.
 */
public final class LocalChecksums {

    /** Large enough that a multi-gigabyte file is read in few system calls. */
    private static final int BUFFER_BYTES = 1 << 20;

    private LocalChecksums() {
    }

    /**
     * Reads {@code file} once and returns its digest as lower-case hex.
     *
     * @param algorithm SHA-512, SHA-256, SHA-1, MD5 or CRC32 (case and the dash are not significant)
     * @throws IllegalArgumentException for an unknown algorithm
     */
    public static String compute(Path file, String algorithm) throws IOException {
        String name = canonical(algorithm);
        byte[] buffer = new byte[BUFFER_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            if (name.equals("CRC32")) {
                CRC32 crc = new CRC32();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
                return String.format("%08x", crc.getValue());
            }
            MessageDigest digest = digest(name);
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    static String canonical(String algorithm) {
        String compact = algorithm.toUpperCase(Locale.ROOT).replace("-", "");
        return switch (compact) {
            case "SHA512" -> "SHA-512";
            case "SHA256" -> "SHA-256";
            case "SHA1" -> "SHA-1";
            case "MD5" -> "MD5";
            case "CRC32" -> "CRC32";
            default -> throw new IllegalArgumentException("unsupported checksum algorithm: " + algorithm);
        };
    }

    private static MessageDigest digest(String name) {
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides " + name, e);
        }
    }
}
