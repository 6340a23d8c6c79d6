package org.ferryftp.ftp.repr;

/** RFC 959 3.1.1.5 format control for TYPE A and E: non-print, Telnet effectors, ASA carriage control. */
public enum FormatControl {
    NON_PRINT('N'),
    TELNET('T'),
    CARRIAGE_CONTROL('C');

    private final char code;

    FormatControl(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static FormatControl fromCode(char c) {
        for (FormatControl f : values()) {
            if (f.code == Character.toUpperCase(c)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format control '" + c + "' (expected N, T or C)");
    }
}
