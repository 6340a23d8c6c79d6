package org.ferryftp.ftp.repr;

/** RFC 959 3.1.1 data types, with the letter sent in the TYPE command. */
public enum TransferType {
    ASCII('A'),
    EBCDIC('E'),
    IMAGE('I'),
    LOCAL('L');

    private final char code;

    TransferType(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static TransferType fromCode(char c) {
        for (TransferType t : values()) {
            if (t.code == Character.toUpperCase(c)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown TYPE '" + c + "' (expected A, E, I or L)");
    }
}
