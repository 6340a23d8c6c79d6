package org.ferryftp.testsupport;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes {@code limit} bytes, then fails: an upload that breaks off there, as a test server receives it. */
final class CutAfter extends FilterOutputStream {

    private long left;

    CutAfter(OutputStream out, long limit) {
        super(out);
        left = limit;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int n = (int) Math.min(len, left);
        out.write(b, off, n);
        left -= n;
        if (n < len) {
            throw new IOException("upload cut by the test");
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }
}
