package org.ferryftp.ftp.repr;

import java.io.IOException;

/** Decoded text with line boundaries; the char-level twin of {@link ByteLines}. */
interface CharLines {

    void write(char[] c, int off, int len) throws IOException;

    void endLine() throws IOException;

    /** End of data; see {@link ByteSink#finish()}. */
    void finish() throws IOException;
}
