package org.ferryftp.session;

import java.util.Locale;
import java.util.Objects;

/**
 * A checksum the server computed over a whole file.
 *
 * @param algorithm canonical name: SHA-512, SHA-256, SHA-1, MD5 or CRC32 (as {@code LocalChecksums} takes it)
 * @param hex       lower-case hex digits; CRC32 always 8 digits
 */
public record RemoteChecksum(String algorithm, String hex) {

    public RemoteChecksum {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        hex = hex.toLowerCase(Locale.ROOT);
    }

    /** True when {@code otherHex} names the same digest, ignoring case. */
    public boolean matches(String otherHex) {
        return hex.equalsIgnoreCase(otherHex);
    }
}
