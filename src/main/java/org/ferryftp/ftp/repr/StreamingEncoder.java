package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Chars to bytes in one charset, straight from the caller's char arrays into an 8 KiB byte buffer. A high
 * surrogate at the end of one write waits for its low half. Unencodable characters are never replaced.
 */
final class StreamingEncoder {

    /** Builds the exception for a character the charset cannot encode. */
    interface Failure {
        IOException unencodable(int codePoint);
    }

    private final CharsetEncoder encoder;
    private final Failure failure;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer carry = CharBuffer.allocate(4); // high surrogate waiting for its low half

    StreamingEncoder(Charset charset, Failure failure) {
        this.encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.failure = failure;
    }

    /** Encodes into the internal buffer, handing full buffers to {@code out}. */
    void encode(char[] c, int off, int len, ByteSink out) throws IOException {
        int i = off;
        int end = off + len;
        if (carry.position() > 0 && i < end) {
            carry.put(c[i++]);
            carry.flip();
            run(carry, false, out);
            carry.clear();
        }
        if (i < end) {
            CharBuffer in = CharBuffer.wrap(c, i, end - i);
            run(in, false, out);
            if (in.hasRemaining()) {
                carry.put(in);
            }
        }
    }

    /** At a line end a waiting high surrogate can no longer be completed. */
    void requireCompleteCharacter() throws IOException {
        if (carry.position() > 0) {
            throw failure.unencodable(carry.get(0));
        }
    }

    /** Hands everything encoded so far to {@code out}. */
    void drainTo(ByteSink out) throws IOException {
        if (bytes.position() > 0) {
            out.write(bytes.array(), 0, bytes.position());
            bytes.clear();
        }
    }

    void finish(ByteSink out) throws IOException {
        carry.flip();
        run(carry, true, out);
        carry.clear();
        while (encoder.flush(bytes).isOverflow()) {
            drainTo(out);
        }
        drainTo(out);
    }

    private void run(CharBuffer in, boolean endOfInput, ByteSink out) throws IOException {
        for (;;) {
            CoderResult r = encoder.encode(in, bytes, endOfInput);
            if (r.isUnderflow()) {
                return;
            }
            if (r.isOverflow()) {
                drainTo(out);
                continue;
            }
            throw failure.unencodable(codePointAt(in));
        }
    }

    private static int codePointAt(CharBuffer in) {
        char ch = in.get(in.position());
        if (Character.isHighSurrogate(ch) && in.remaining() > 1
                && Character.isLowSurrogate(in.get(in.position() + 1))) {
            return Character.toCodePoint(ch, in.get(in.position() + 1));
        }
        return ch;
    }
}
