package org.ferryftp.ftp.repr;

import java.io.IOException;

/**
 * Download side of STRU P (RFC 959 3.1.2.3). Each page is a header [header length, page index, data
 * length, page type], header length - 4 bytes of optional fields, then the data. The file content is the
 * data of simple and access-controlled pages in page-index order; descriptor pages and optional fields
 * are skipped.
 *
 * <p>Pages are held until the last-page header arrives and then written in index order. The 8-bit index
 * bounds a file to 256 pages of at most 255 bytes (under 64 KiB), so holding them is cheap, and it orders
 * pages correctly whatever index the server starts counting from. Leniency where the RFC is silent: a last
 * page or simple page with optional fields is accepted (the fields are skipped); a last page with data is
 * rejected, because dropping or keeping that data would both be a guess.
 */
final class PageDeframer implements ByteSink {

    private static final int FIXED_HEADER = 4;
    private static final String RETRY = "the transfer was probably cut off; try again";

    /** The data of one content page, filled as it arrives. */
    private static final class Page {
        final byte[] data;
        final long dataOffset;
        int filled;

        Page(int length, long dataOffset) {
            this.data = new byte[length];
            this.dataOffset = dataOffset;
        }
    }

    private final ByteSink out;
    private final WireCursor cursor;
    private final Page[] pages = new Page[256];
    private final boolean[] seen = new boolean[256];
    private final byte[] header = new byte[FIXED_HEADER];
    private int headerCount;
    private long pageOffset;
    private PageType type;
    private int optionalLeft;
    private int dataLeft;
    private Page current;
    private boolean lastPageDone;

    PageDeframer(ByteSink out, WireCursor cursor) {
        this.out = out;
        this.cursor = cursor;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long base = cursor.offset - off; // wire offset of b[i] is base + i
        int end = off + len;
        int i = off;
        while (i < end) {
            if (lastPageDone) {
                throw new MalformedDataException("STRU P data continues after the last page", base + i,
                        "the server sent more than one file or garbage");
            }
            if (headerCount < FIXED_HEADER) {
                if (headerCount == 0) {
                    pageOffset = base + i;
                }
                header[headerCount++] = b[i++];
                if (headerCount == FIXED_HEADER) {
                    startPage();
                }
            } else if (optionalLeft > 0) {
                int n = Math.min(optionalLeft, end - i);
                optionalLeft -= n;
                i += n;
                endPageIfComplete();
            } else {
                int n = Math.min(dataLeft, end - i);
                if (current != null) {
                    System.arraycopy(b, i, current.data, current.filled, n);
                    current.filled += n;
                }
                dataLeft -= n;
                i += n;
                endPageIfComplete();
            }
        }
    }

    private void startPage() throws IOException {
        int headerLength = header[0] & 0xFF;
        int index = header[1] & 0xFF;
        int dataLength = header[2] & 0xFF;
        int typeCode = header[3] & 0xFF;
        if (headerLength < FIXED_HEADER) {
            throw new MalformedDataException("STRU P page header gives a header length of " + headerLength
                    + " (it must be at least 4)", pageOffset, "the server may not be sending page structure");
        }
        type = PageType.of(typeCode);
        if (type == null) {
            throw new MalformedDataException("STRU P page has the unknown page type " + typeCode
                    + " (known types are 0 to 3)", pageOffset, "the server may not be sending page structure");
        }
        if (seen[index]) {
            throw new MalformedDataException("STRU P data has page index " + index + " twice", pageOffset,
                    "the server sent a broken page sequence");
        }
        seen[index] = true;
        if (type == PageType.LAST && dataLength != 0) {
            throw new MalformedDataException("STRU P last page carries " + dataLength
                    + " data bytes, but a last page must be empty", pageOffset, null);
        }
        optionalLeft = headerLength - FIXED_HEADER;
        dataLeft = dataLength;
        current = type.carriesContent() && dataLength > 0
                ? new Page(dataLength, pageOffset + headerLength) : null;
        if (current != null) {
            pages[index] = current;
        }
        endPageIfComplete();
    }

    private void endPageIfComplete() throws IOException {
        if (optionalLeft > 0 || dataLeft > 0) {
            return;
        }
        headerCount = 0;
        current = null;
        if (type == PageType.LAST) {
            lastPageDone = true;
            for (Page p : pages) {
                if (p != null) {
                    cursor.offset = p.dataOffset;
                    out.write(p.data, 0, p.data.length);
                }
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (!lastPageDone) {
            throw new MalformedDataException("page structure ended without its last-page header",
                    cursor.offset, RETRY);
        }
        out.finish();
    }
}
