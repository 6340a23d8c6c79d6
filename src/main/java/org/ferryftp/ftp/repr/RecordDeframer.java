package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Download side of STRU R in stream mode (RFC 959 3.4.1): 0xFF is an escape; 0xFF 0x01 ends a record,
 * 0xFF 0x02 ends the file, 0xFF 0x03 does both and 0xFF 0xFF is one data byte 0xFF. Records are handed on
 * as lines.
 *
 * <p>Where the RFC is silent: an end-of-file marker after an unfinished record ends that record too, and a
 * stream that simply stops (servers that rely on closing the connection) still delivers its last
 * non-empty partial record. Data after the end-of-file marker, an unknown escape or a lone 0xFF at the
 * very end cannot be interpreted and are reported.
 */
final class RecordDeframer implements ByteSink {

    private static final int ESC = 0xFF;
    private static final byte[] FF_BYTE = {(byte) ESC};
    private static final String RETRY = "the transfer was probably cut off; try again";

    private final ByteLines out;
    private final WireCursor cursor;
    private boolean escapePending;
    private long escapeOffset;
    private boolean recordOpen;
    private boolean eof;

    RecordDeframer(ByteLines out, WireCursor cursor) {
        this.out = out;
        this.cursor = cursor;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long base = cursor.offset - off; // wire offset of b[i] is base + i
        int end = off + len;
        int i = off;
        if (eof) {
            throw afterEof(base + i);
        }
        if (escapePending) {
            escapePending = false;
            escape(b[i], escapeOffset);
            i++;
            checkNothingAfterEof(i, end, base);
        }
        int start = i;
        while (i < end) {
            if ((b[i] & 0xFF) != ESC) {
                i++;
                continue;
            }
            forward(b, start, i, base);
            if (i + 1 == end) {
                escapePending = true;
                escapeOffset = base + i;
                i++;
            } else {
                escape(b[i + 1], base + i);
                i += 2;
                checkNothingAfterEof(i, end, base);
            }
            start = i;
        }
        forward(b, start, end, base);
    }

    private void checkNothingAfterEof(int i, int end, long base) throws MalformedDataException {
        if (eof && i < end) {
            throw afterEof(base + i);
        }
    }

    private void forward(byte[] b, int from, int to, long base) throws IOException {
        if (to > from) {
            cursor.offset = base + from;
            out.write(b, from, to - from);
            recordOpen = true;
        }
    }

    private void escape(byte code, long at) throws IOException {
        switch (code & 0xFF) {
            case ESC -> {
                cursor.offset = at;
                out.write(FF_BYTE, 0, 1);
                recordOpen = true;
            }
            case 0x01 -> endRecord();
            case 0x02 -> {
                if (recordOpen) {
                    endRecord();
                }
                eof = true;
            }
            case 0x03 -> {
                endRecord();
                eof = true;
            }
            default -> throw new MalformedDataException(
                    String.format("STRU R data has an unknown escape 0xFF 0x%02X", code & 0xFF), at,
                    "the server may not be sending record structure; try STRU F");
        }
    }

    private void endRecord() throws IOException {
        out.endLine();
        recordOpen = false;
    }

    private static MalformedDataException afterEof(long at) {
        return new MalformedDataException("STRU R data continues after its end-of-file marker", at,
                "the server sent more than one file or garbage; check the server's record support");
    }

    @Override
    public void finish() throws IOException {
        if (escapePending) {
            throw new MalformedDataException("STRU R data ends with an incomplete escape (a lone 0xFF)",
                    escapeOffset, RETRY);
        }
        if (!eof && recordOpen) {
            endRecord();
        }
        out.finish();
    }
}
