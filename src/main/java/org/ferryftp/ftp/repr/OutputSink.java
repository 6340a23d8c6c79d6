package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Last stage: collects the small writes stages make (a line end, an escape pair) into 8 KiB blocks so the
 * caller's stream, often a socket or file, sees few large writes. Large slices go straight through.
 */
final class OutputSink implements ByteSink {

    private static final int SIZE = 8192;

    private final OutputStream out;
    private final byte[] buf = new byte[SIZE];
    private int count;

    OutputSink(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len >= SIZE) {
            drain();
            out.write(b, off, len);
            return;
        }
        if (count + len > SIZE) {
            drain();
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    @Override
    public void finish() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        if (count > 0) {
            out.write(buf, 0, count);
            count = 0;
        }
    }
}
