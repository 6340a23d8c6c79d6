package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Splits a byte stream into lines where the line ends are defined by byte values, which is true on the
 * wire (ASCII CR LF, EBCDIC NL or CR LF) and for local TYPE A files (LF or CR LF; TYPE A bytes are not
 * re-encoded). EBCDIC must be split before decoding: Java's IBM037 decodes both NL and LF to U+000A.
 *
 * <p>A CR followed by the LF byte ends a line; the optional NL byte ends a line by itself; every other
 * byte, including a lone CR, is line content. A CR at the end of one write waits for the next write.
 */
final class ByteLineSplitter implements ByteSink {

    private static final byte CR = 0x0D;
    private static final byte[] CR_BYTE = {CR};
    private static final int NONE = -1;

    private final byte lf;
    private final int nl;
    private final ByteLines out;
    private final WireCursor cursor;
    private boolean pendingCr;
    private long pendingCrOffset;

    private ByteLineSplitter(byte lf, int nl, ByteLines out, WireCursor cursor) {
        this.lf = lf;
        this.nl = nl;
        this.out = out;
        this.cursor = cursor;
    }

    /** TYPE A wire text: only CR LF ends a line (RFC 959 3.1.1.1). */
    static ByteLineSplitter asciiWire(ByteLines out, WireCursor cursor) {
        return new ByteLineSplitter((byte) 0x0A, NONE, out, cursor);
    }

    /** TYPE E wire text: NL (0x15) ends a line, and so does CR LF (0x0D 0x25). A lone LF is content. */
    static ByteLineSplitter ebcdicWire(ByteLines out, WireCursor cursor) {
        return new ByteLineSplitter((byte) 0x25, 0x15, out, cursor);
    }

    /** Local bytes (TYPE A, or raw records): LF or CR LF ends a line. */
    static ByteLineSplitter localBytes(ByteLines out, WireCursor cursor) {
        return new ByteLineSplitter((byte) 0x0A, 0x0A, out, cursor);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long base = cursor.offset - off; // wire offset of b[i] is base + i
        int end = off + len;
        int i = off;
        if (pendingCr) {
            pendingCr = false;
            if (b[off] == lf) {
                out.endLine();
                i++;
            } else {
                cursor.offset = pendingCrOffset;
                out.write(CR_BYTE, 0, 1);
            }
        }
        int start = i;
        for (; i < end; i++) {
            byte v = b[i];
            if (v == CR) {
                if (i + 1 == end) {
                    forward(b, start, i, base);
                    pendingCr = true;
                    pendingCrOffset = base + i;
                    start = end;
                } else if (b[i + 1] == lf) {
                    forward(b, start, i, base);
                    out.endLine();
                    i++;
                    start = i + 1;
                }
            } else if ((v & 0xFF) == nl) {
                forward(b, start, i, base);
                out.endLine();
                start = i + 1;
            }
        }
        forward(b, start, end, base);
    }

    private void forward(byte[] b, int from, int to, long base) throws IOException {
        if (to > from) {
            cursor.offset = base + from;
            out.write(b, from, to - from);
        }
    }

    @Override
    public void finish() throws IOException {
        if (pendingCr) {
            pendingCr = false;
            cursor.offset = pendingCrOffset;
            out.write(CR_BYTE, 0, 1);
        }
        out.finish();
    }
}
