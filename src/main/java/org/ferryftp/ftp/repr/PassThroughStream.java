package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Representations whose wire bytes are the local bytes (TYPE I, TYPE L n, with STRU F). Unlike
 * {@link java.io.FilterOutputStream}, which writes arrays byte by byte, this hands every array straight on.
 *
 * <p>TYPE L n needs no conversion on this side either: RFC 959 3.1.1.4 has logical bytes of n bits sent
 * packed contiguously, and a byte-oriented host such as ours stores that packed bit stream exactly as it
 * arrives, in 8-bit bytes. Unpacking the logical bytes is left to whoever reads the file.
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
