package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * The OutputStream face of a conversion pipeline. It keeps the {@link WireCursor} in step with the bytes
 * written, and on close finishes the pipeline and then always closes the caller's stream.
 */
final class CodecStream extends OutputStream {

    private final ByteSink head;
    private final WireCursor cursor;
    private final OutputStream target;
    private final byte[] one = new byte[1];
    private long written;
    private boolean failed;
    private boolean closed;

    CodecStream(ByteSink head, WireCursor cursor, OutputStream target) {
        this.head = head;
        this.cursor = cursor;
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("conversion stream is closed");
        }
        if (failed) {
            throw new IOException("conversion stream failed earlier and cannot take more data");
        }
        if (len == 0) {
            return;
        }
        cursor.offset = written;
        try {
            head.write(b, off, len);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        }
        written += len;
    }

    /**
     * Flushes only the caller's stream: bytes still held for conversion (a CR waiting for its LF, a partial
     * character, a STRU P page) can only be written once the end of data is known, by {@link #close()}.
     */
    @Override
    public void flush() throws IOException {
        target.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!failed) {
                cursor.offset = written;
                head.finish();
            }
        } finally {
            target.close();
        }
    }
}
