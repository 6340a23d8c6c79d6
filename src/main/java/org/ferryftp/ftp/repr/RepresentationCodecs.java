package org.ferryftp.ftp.repr;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Client-side data conversion for the RFC 959 representations (TYPE, format control, STRU). Apache
 * Commons Net moves data bytes unchanged, so Ferry converts them here. MODE is not handled: with MODE Z
 * the caller inflates or deflates on the wire side of these streams.
 *
 * <p>Each stream is a pipeline of small stages: framing (lines, STRU R records or STRU P pages), then the
 * text code (EBCDIC code page to and from the local charset; TYPE A bytes are never re-encoded), then
 * format control (ASA for C; N and T need nothing), then the local or wire line ends. TYPE I and TYPE L
 * with STRU F skip all of it: their streams hand arrays straight through.
 *
 * <p>The returned streams keep conversion state between writes (a CR waiting for its LF, half a UTF-8
 * character, a STRU P page), so any chunking gives the same result. They are not thread-safe.
 */
public final class RepresentationCodecs {

    private static final byte[] CRLF = {0x0D, 0x0A};
    /** EBCDIC NL is 0x15 in every EBCDIC code page, whatever Unicode character a Java charset maps it to. */
    private static final byte[] EBCDIC_NL = {0x15};

    private RepresentationCodecs() {
    }

    /**
     * Download direction. Returns a stream that accepts WIRE bytes (already inflated if MODE Z) and writes
     * the LOCAL form to {@code localOut}. {@code close()} flushes pending state, validates the end of data
     * (for example that STRU P sent its last-page header), then closes {@code localOut}, even on failure.
     * Bad wire data raises {@link MalformedDataException}; text the local charset cannot store raises
     * {@link UnencodableCharacterException}.
     *
     * @throws IllegalArgumentException for STRU P with a TYPE L byte size other than 8
     */
    public static OutputStream decoder(Representation r, LocalTextForm local, OutputStream localOut) {
        checkArguments(r, local, localOut);
        if (r.isPassThrough()) {
            return new PassThroughStream(localOut);
        }
        WireCursor cursor = new WireCursor();
        ByteSink sink = new OutputSink(localOut);
        if (r.structure() == FileStructure.PAGE && !r.isText()) {
            return new CodecStream(new PageDeframer(sink, cursor), cursor, localOut);
        }
        ByteLines lines;
        if (needsChars(r)) {
            CharLines text = new LocalLineWriter(localCharset(r, local), local.lineSeparator(), sink);
            if (r.format() == FormatControl.CARRIAGE_CONTROL) {
                text = new AsaDecoder(text);
            }
            lines = TextDecoder.forWire(wireCharset(r), text, cursor);
        } else {
            // TYPE A N/T and raw records: the bytes stay as they are, only line ends change
            lines = new LineEndWriter(local.lineSeparator().getBytes(StandardCharsets.US_ASCII), sink);
        }
        ByteSink head = switch (r.structure()) {
            case RECORD -> new RecordDeframer(lines, cursor);
            case FILE -> wireLineSplitter(r, lines, cursor);
            case PAGE -> new PageDeframer(wireLineSplitter(r, lines, cursor), cursor);
        };
        return new CodecStream(head, cursor, localOut);
    }

    /**
     * Upload direction. Returns a stream that accepts LOCAL file bytes and writes WIRE bytes to
     * {@code wireOut}. {@code close()} writes any trailer (the STRU R end-of-file marker, the STRU P last
     * page) and closes {@code wireOut}, even on failure. Text the EBCDIC code page cannot represent raises
     * {@link UnencodableCharacterException}; a local file that is not valid in its charset raises
     * {@link MalformedLocalTextException}; STRU P content over 64,770 bytes raises an IOException.
     *
     * @throws IllegalArgumentException for STRU P with a TYPE L byte size other than 8
     */
    public static OutputStream encoder(Representation r, LocalTextForm local, OutputStream wireOut) {
        checkArguments(r, local, wireOut);
        if (r.isPassThrough()) {
            return new PassThroughStream(wireOut);
        }
        WireCursor cursor = new WireCursor();
        ByteSink sink = new OutputSink(wireOut);
        if (r.structure() == FileStructure.PAGE && !r.isText()) {
            return new CodecStream(new PageFramer(sink), cursor, wireOut);
        }
        ByteLines framing = switch (r.structure()) {
            case RECORD -> new RecordFramer(sink);
            case FILE -> new LineEndWriter(wireLineEnd(r), sink);
            case PAGE -> new LineEndWriter(wireLineEnd(r), new PageFramer(sink));
        };
        ByteSink head;
        if (needsChars(r)) {
            LineCounter lines = new LineCounter();
            CharLines text = new TextEncoder(wireCharset(r), framing, lines);
            if (r.format() == FormatControl.CARRIAGE_CONTROL) {
                text = new AsaEncoder(text);
            }
            boolean dropBom = r.type() == TransferType.EBCDIC;
            head = TextDecoder.forLocalFile(localCharset(r, local), new LineSplitter(text, lines), cursor,
                    lines, dropBom);
        } else {
            head = ByteLineSplitter.localBytes(framing, cursor);
        }
        return new CodecStream(head, cursor, wireOut);
    }

    private static void checkArguments(Representation r, LocalTextForm local, OutputStream out) {
        Objects.requireNonNull(r, "representation");
        Objects.requireNonNull(local, "local text form");
        Objects.requireNonNull(out, "output stream");
        if (r.structure() == FileStructure.PAGE && r.type() == TransferType.LOCAL && r.byteSize() != 8) {
            throw new IllegalArgumentException("STRU P needs 8-bit bytes; TYPE L " + r.byteSize()
                    + " cannot be sent with page structure");
        }
    }

    /** Only EBCDIC and ASA need characters; other conversions only look at line-end bytes. */
    private static boolean needsChars(Representation r) {
        return r.type() == TransferType.EBCDIC
                || (r.type() == TransferType.ASCII && r.format() == FormatControl.CARRIAGE_CONTROL);
    }

    /** ISO-8859-1 maps each byte to the char of the same value, so TYPE A bytes pass unchanged. */
    private static Charset wireCharset(Representation r) {
        return r.type() == TransferType.EBCDIC ? r.ebcdicCodePage() : StandardCharsets.ISO_8859_1;
    }

    private static Charset localCharset(Representation r, LocalTextForm local) {
        return r.type() == TransferType.EBCDIC ? local.charset() : StandardCharsets.ISO_8859_1;
    }

    private static byte[] wireLineEnd(Representation r) {
        return r.type() == TransferType.EBCDIC ? EBCDIC_NL : CRLF;
    }

    private static ByteSink wireLineSplitter(Representation r, ByteLines out, WireCursor cursor) {
        return r.type() == TransferType.EBCDIC
                ? ByteLineSplitter.ebcdicWire(out, cursor)
                : ByteLineSplitter.asciiWire(out, cursor);
    }
}
