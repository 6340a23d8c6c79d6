package org.ferryftp.ftp.repr;

import java.io.IOException;

/** Bytes with line (or record) boundaries: {@link #write} adds to the current line, {@link #endLine} ends it. */
interface ByteLines extends ByteSink {

    void endLine() throws IOException;
}
