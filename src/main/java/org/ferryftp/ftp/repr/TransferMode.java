package org.ferryftp.ftp.repr;

/** Transmission modes Ferry speaks: RFC 959 stream mode and the MODE Z (deflate) extension. */
public enum TransferMode {
    STREAM('S'),
    DEFLATE('Z');

    private final char code;

    TransferMode(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static TransferMode fromCode(char c) {
        for (TransferMode m : values()) {
            if (m.code == Character.toUpperCase(c)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown MODE '" + c + "' (expected S or Z)");
    }
}
