package org.ferryftp.ftp.repr;

/** RFC 959 3.1.2 file structures, with the letter sent in the STRU command. */
public enum FileStructure {
    FILE('F'),
    RECORD('R'),
    PAGE('P');

    private final char code;

    FileStructure(char code) {
        this.code = code;
    }

    public char code() {
        return code;
    }

    public static FileStructure fromCode(char c) {
        for (FileStructure s : values()) {
            if (s.code == Character.toUpperCase(c)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown STRU '" + c + "' (expected F, R or P)");
    }
}
