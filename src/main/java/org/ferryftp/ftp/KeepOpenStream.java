package org.ferryftp.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Closing it only flushes: lets a codec or a caller close its chain without closing what is below. */
final class KeepOpenStream extends FilterOutputStream {

    KeepOpenStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
