package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.util.Locale;

/**
 * Upload side of STRU P: cuts the (already converted) content into simple pages of at most 255 data bytes,
 * indexed from 1, and ends with an empty last page [4, next index, 0, 0]. Both index and data length are
 * single bytes, so the last page can at most have index 255, leaving 254 data pages.
 */
final class PageFramer implements ByteSink {

    static final int MAX_PAGE_DATA = 255;
    static final int MAX_DATA_PAGES = 254;
    static final long MAX_BYTES = (long) MAX_DATA_PAGES * MAX_PAGE_DATA;

    private static final int HEADER = 4;
    private static final int SIMPLE = 1;
    private static final int LAST = 0;

    private final ByteSink out;
    private final byte[] page = new byte[HEADER + MAX_PAGE_DATA];
    private int count;
    private int nextIndex = 1;
    private long total;

    PageFramer(ByteSink out) {
        this.out = out;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (total + len > MAX_BYTES) {
            throw new IOException(String.format(Locale.ROOT,
                    "file too large for STRU P with 8-bit page fields (max %,d bytes); send it with STRU F",
                    MAX_BYTES));
        }
        total += len;
        int end = off + len;
        while (off < end) {
            int n = Math.min(MAX_PAGE_DATA - count, end - off);
            System.arraycopy(b, off, page, HEADER + count, n);
            count += n;
            off += n;
            if (count == MAX_PAGE_DATA) {
                emit(SIMPLE);
            }
        }
    }

    private void emit(int pageType) throws IOException {
        page[0] = HEADER;
        page[1] = (byte) nextIndex++;
        page[2] = (byte) count;
        page[3] = (byte) pageType;
        out.write(page, 0, HEADER + count);
        count = 0;
    }

    @Override
    public void finish() throws IOException {
        if (count > 0) {
            emit(SIMPLE);
        }
        emit(LAST);
        out.finish();
    }
}
