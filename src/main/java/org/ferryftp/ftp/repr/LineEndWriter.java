package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Turns line boundaries into fixed bytes: CR LF or EBCDIC NL on the wire when uploading, the local line
 * separator when downloading text that needs no character conversion (TYPE A, raw STRU R records).
 */
final class LineEndWriter implements ByteLines {

    private final byte[] lineEnd;
    private final ByteSink out;

    LineEndWriter(byte[] lineEnd, ByteSink out) {
        this.lineEnd = lineEnd.clone();
        this.out = out;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void endLine() throws IOException {
        out.write(lineEnd, 0, lineEnd.length);
    }

    @Override
    public void finish() throws IOException {
        out.finish();
    }
}
