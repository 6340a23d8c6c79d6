package org.ferryftp.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A text file read a page at a time, so that a file of any size can be shown without loading it: page {@code i}
 * holds the lines that start in bytes {@code [i * pageBytes, (i + 1) * pageBytes)}. Lines are kept whole up to
 * {@link #MAX_LINE_OVERRUN} bytes past a page's end; a longer line is cut there. Where a newline is not the single
 * byte 0x0A (UTF-16, UTF-32), pages start at whole code units instead. Bytes the charset cannot decode show as
 * U+FFFD.
 */
public final class TextPages {

    public static final int DEFAULT_PAGE_BYTES = 64 * 1024;
    public static final int MAX_LINE_OVERRUN = 16 * 1024;

    private final Path file;
    private final int pageBytes;

    public TextPages(Path file, int pageBytes) {
        if (pageBytes < 16) {
            throw new IllegalArgumentException("pages must hold at least 16 bytes");
        }
        this.file = file;
        this.pageBytes = pageBytes;
    }

    /** The number of pages; an empty file has one, empty. */
    public long pageCount() throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return Math.max(1, (ch.size() + pageBytes - 1) / pageBytes);
        }
    }

    /** The text of page {@code page} (from 0) in {@code charset}. */
    public String page(long page, Charset charset) throws IOException {
        int unit = newlineUnit(charset);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long nominalStart = page * pageBytes;
            if (page < 0 || nominalStart >= Math.max(size, 1)) {
                throw new IllegalArgumentException("no page " + page);
            }
            long from = nominalStart;
            long to = Math.min(size, nominalStart + pageBytes);
            ByteBuffer buf = ByteBuffer.allocate((int) (to - from) + 2 * MAX_LINE_OVERRUN);
            long readFrom = Math.max(0, from - MAX_LINE_OVERRUN);
            read(ch, buf, readFrom, Math.min(size, to + MAX_LINE_OVERRUN) - readFrom);
            byte[] bytes = buf.array();
            int start = (int) (from - readFrom);
            int end = (int) (to - readFrom);
            if (unit == 1) {
                // Where the previous page ended, so that no byte is on two pages or on none.
                start = from == 0 ? 0 : afterNewline(bytes, start - 1, Math.min(buf.position(), start + MAX_LINE_OVERRUN));
                end = to == size ? buf.position() : afterNewline(bytes, end - 1, buf.position());
            } else {
                start -= start % unit;
                end -= end % unit;
            }
            if (start >= end) {
                return "";
            }
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
        }
    }

    /** The index after the first newline at or after {@code i}, or {@code limit} when there is none. */
    private static int afterNewline(byte[] bytes, int i, int limit) {
        for (int j = Math.max(i, 0); j < limit; j++) {
            if (bytes[j] == '\n') {
                return j + 1;
            }
        }
        return limit;
    }

    private static void read(FileChannel ch, ByteBuffer buf, long from, long length) throws IOException {
        buf.limit((int) length);
        long pos = from;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
    }

    /** 1 when a newline is the single byte 0x0A in this charset, else its width in bytes. */
    private static int newlineUnit(Charset charset) {
        byte[] nl = "\n".getBytes(charset);
        return nl.length == 1 && nl[0] == '\n' ? 1 : nl.length;
    }
}
