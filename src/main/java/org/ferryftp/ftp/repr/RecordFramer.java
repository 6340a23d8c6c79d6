package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Upload side of STRU R in stream mode: each line becomes a record, data bytes 0xFF are doubled, records
 * end with 0xFF 0x01. The end of a record is held back until we know whether another one follows, so the
 * last record can end with 0xFF 0x03 (end of record and end of file). An empty file is just 0xFF 0x02.
 */
final class RecordFramer implements ByteLines {

    private static final byte ESC = (byte) 0xFF;
    private static final byte[] DOUBLED_ESC = {ESC, ESC};
    private static final byte[] EOR = {ESC, 0x01};
    private static final byte[] EOF = {ESC, 0x02};
    private static final byte[] EOR_EOF = {ESC, 0x03};

    private final ByteSink out;
    private boolean eorPending;
    private boolean recordOpen;

    RecordFramer(ByteSink out) {
        this.out = out;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        releaseEor();
        recordOpen = true;
        int end = off + len;
        int start = off;
        for (int i = off; i < end; i++) {
            if (b[i] == ESC) {
                if (i > start) {
                    out.write(b, start, i - start);
                }
                out.write(DOUBLED_ESC, 0, 2);
                start = i + 1;
            }
        }
        if (end > start) {
            out.write(b, start, end - start);
        }
    }

    @Override
    public void endLine() throws IOException {
        releaseEor();
        eorPending = true;
        recordOpen = false;
    }

    private void releaseEor() throws IOException {
        if (eorPending) {
            out.write(EOR, 0, 2);
            eorPending = false;
        }
    }

    @Override
    public void finish() throws IOException {
        byte[] trailer = eorPending || recordOpen ? EOR_EOF : EOF;
        out.write(trailer, 0, 2);
        out.finish();
    }
}
