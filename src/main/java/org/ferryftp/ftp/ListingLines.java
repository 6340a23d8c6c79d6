package org.ferryftp.ftp;

import org.ferryftp.ftp.listing.ListingBatcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * The bytes of a listing as they arrive, decoded and cut into lines for a {@link ListingBatcher}: a
 * character or a line split across reads is kept until its end comes. Lines end at LF or NEL, a
 * trailing CR is dropped and empty lines are skipped, exactly as when the listing is read whole. The
 * total and each line are bounded so a hostile server cannot exhaust memory.
 */
final class ListingLines extends OutputStream {

    /** Thrown from {@link #write} when the batcher's sink asked to stop. */
    static final class Stopped extends IOException {
        Stopped() {
            super("listing stopped by the receiver");
        }
    }

    /** Far past any real listing line (a 255-byte name with all its facts), far below a heap's worth. */
    static final int MAX_LINE_CHARS = 64 * 1024;

    private final CharsetDecoder decoder;
    private final ListingBatcher batcher;
    private final long maxBytes;
    private final String verb;
    private final ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
    private final CharBuffer chars = CharBuffer.allocate(64 * 1024);
    private final StringBuilder line = new StringBuilder(128);
    private long total;

    ListingLines(Charset charset, ListingBatcher batcher, long maxBytes, String verb) {
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        this.batcher = batcher;
        this.maxBytes = maxBytes;
        this.verb = verb;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (total + len > maxBytes) {
            throw new FtpProtocolException("the server's " + verb + " data exceeded " + (maxBytes >> 20)
                    + " MiB; Ferry stopped reading it");
        }
        total += len;
        while (len > 0) {
            int n = Math.min(len, bytes.remaining());
            bytes.put(b, off, n);
            off += n;
            len -= n;
            decode(false);
        }
        if (!batcher.tick()) {
            throw new Stopped();
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    /** The listing ended: decodes what is left, ends the last line and hands everything over. */
    void finish() throws IOException {
        decode(true);
        chars.clear();
        decoder.flush(chars);
        chars.flip();
        split();
        endLine();
        if (!batcher.finish()) {
            throw new Stopped();
        }
    }

    private void decode(boolean endOfInput) throws IOException {
        bytes.flip();
        while (true) {
            chars.clear();
            var result = decoder.decode(bytes, chars, endOfInput);
            chars.flip();
            split();
            if (result.isUnderflow()) {
                break;
            }
        }
        bytes.compact();
    }

    private void split() throws IOException {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c == '\n' || c == '\u0085') {
                endLine();
            } else {
                if (line.length() == MAX_LINE_CHARS) {
                    throw new FtpProtocolException("the server's " + verb + " data has a line longer than "
                            + MAX_LINE_CHARS + " characters; Ferry stopped reading it");
                }
                line.append(c);
            }
        }
    }

    private void endLine() throws IOException {
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(--length);
        }
        if (length > 0) {
            String l = line.toString();
            line.setLength(0);
            if (!batcher.line(l)) {
                throw new Stopped();
            }
        }
    }
}
