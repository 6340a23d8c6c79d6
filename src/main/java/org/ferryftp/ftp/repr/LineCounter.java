package org.ferryftp.ftp.repr;

/**
 * Current 1-based line of the local file being uploaded. The splitter advances it; later stages only read
 * it for error messages, because after ASA folding their own line count no longer matches the user's file.
 */
final class LineCounter {

    private int line = 1;

    int line() {
        return line;
    }

    void next() {
        line++;
    }
}
