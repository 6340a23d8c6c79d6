package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Bytes to chars in one charset: the EBCDIC code page when downloading, the local charset when uploading
 * (ISO-8859-1 where bytes must pass unchanged, since it maps every byte to the char of the same value).
 * Works on whole buffers; a character split across writes is carried over. Line boundaries pass through.
 * Undecodable bytes are never replaced: the {@link Failure} turns them into an exception for the user.
 */
final class TextDecoder implements ByteLines {

    /** Builds the exception for bytes the charset does not define, given their offset in the stream. */
    interface Failure {
        IOException undecodable(long offset, byte[] bytes);
    }

    private static final int CARRY = 32;

    private final CharsetDecoder decoder;
    private final CharLines out;
    private final WireCursor cursor;
    private final Failure failure;
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private final ByteBuffer carry = ByteBuffer.allocate(CARRY); // start of a character the next write completes
    private long carryOffset;
    private boolean dropBom;

    private TextDecoder(Charset charset, CharLines out, WireCursor cursor, Failure failure, boolean dropBom) {
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.out = out;
        this.cursor = cursor;
        this.failure = failure;
        this.dropBom = dropBom;
    }

    /** Decoding wire text (the code page for TYPE E, ISO-8859-1 for TYPE A). */
    static TextDecoder forWire(Charset charset, CharLines out, WireCursor cursor) {
        return new TextDecoder(charset, out, cursor, (offset, bytes) -> new MalformedDataException(
                "TYPE E data has " + hex(bytes) + ", which code page " + charset.name() + " does not define",
                offset, "check the EBCDIC code page setting"), false);
    }

    /**
     * Decoding the local file for an upload. A leading byte order mark is dropped: it marks the encoding
     * and is not text, and no EBCDIC code page could represent it anyway.
     */
    static TextDecoder forLocalFile(Charset charset, CharLines out, WireCursor cursor, LineCounter lines,
                                    boolean dropBom) {
        return new TextDecoder(charset, out, cursor, (offset, bytes) -> new MalformedLocalTextException(
                lines.line(), offset, "the local file is not valid " + charset.name() + ": line " + lines.line()
                + " has " + hex(bytes) + " at byte " + offset + "; choose the charset the file is really in"),
                dropBom);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        long base = cursor.offset - off; // stream offset of b[i] is base + i
        int end = off + len;
        int i = off;
        while (carry.position() > 0 && i < end) {
            carry.put(b[i++]);
            carry.flip();
            decode(carry, false, carryOffset);
            carryOffset += carry.position();
            carry.compact();
            if (!carry.hasRemaining()) {
                throw failure.undecodable(carryOffset, carried());
            }
        }
        if (i < end) {
            ByteBuffer in = ByteBuffer.wrap(b, i, end - i); // buffer index == array index
            decode(in, false, base);
            if (in.remaining() > CARRY - 1) {
                throw failure.undecodable(base + in.position(), new byte[] {in.get(in.position())});
            }
            if (in.hasRemaining()) {
                carryOffset = base + in.position();
                carry.put(in);
            }
        }
        drain();
    }

    /** Decodes {@code in}; stream offset of in's element k is base + k. */
    private void decode(ByteBuffer in, boolean endOfInput, long base) throws IOException {
        for (;;) {
            CoderResult r = decoder.decode(in, chars, endOfInput);
            if (r.isUnderflow()) {
                return;
            }
            if (r.isOverflow()) {
                drain();
                continue;
            }
            drain(); // hand on the text before the bad bytes, so line numbers in the message are right
            byte[] bad = new byte[Math.min(r.length(), in.remaining())];
            in.get(in.position(), bad);
            throw failure.undecodable(base + in.position(), bad);
        }
    }

    private void drain() throws IOException {
        chars.flip();
        if (dropBom && chars.hasRemaining()) {
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
            dropBom = false;
        }
        if (chars.hasRemaining()) {
            out.write(chars.array(), chars.position(), chars.remaining());
        }
        chars.clear();
    }

    private byte[] carried() {
        byte[] bytes = new byte[carry.position()];
        carry.get(0, bytes);
        return bytes;
    }

    @Override
    public void endLine() throws IOException {
        if (carry.position() > 0) {
            throw failure.undecodable(carryOffset, carried());
        }
        out.endLine();
    }

    @Override
    public void finish() throws IOException {
        carry.flip();
        decode(carry, true, carryOffset);
        carry.clear();
        while (decoder.flush(chars).isOverflow()) {
            drain();
        }
        drain();
        out.finish();
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length == 1 ? "the byte" : "the bytes");
        for (byte v : bytes) {
            sb.append(String.format(" 0x%02X", v & 0xFF));
        }
        return sb.toString();
    }
}
