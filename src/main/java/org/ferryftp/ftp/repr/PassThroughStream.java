package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Representations whose wire bytes are the local bytes (TYPE I, TYPE L n, with STRU F). Unlike
 * {@link java.io.FilterOutputStream}, which writes arrays byte by byte, this hands every array straight on.
 */
final class PassThroughStream extends OutputStream {

    private final OutputStream out;

    PassThroughStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
