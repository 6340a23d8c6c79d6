package org.ferryftp.ftp.repr;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.assertBytes;
import static org.ferryftp.ftp.repr.CodecHarness.bytes;
import static org.ferryftp.ftp.repr.CodecHarness.download;
import static org.ferryftp.ftp.repr.CodecHarness.downloadFails;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.local;
import static org.ferryftp.ftp.repr.CodecHarness.rep;
import static org.ferryftp.ftp.repr.CodecHarness.upload;
import static org.ferryftp.ftp.repr.CodecHarness.uploadFails;
import static org.ferryftp.ftp.repr.CodecHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rule 3: TYPE E with STRU F. IBM-1047 codes used below: A-C = C1-C3, a-c = 81-83, space 40, '0' F0,
 * '-' 60, '1' F1, '+' 4E, 'é' 51, '[' AD, ']' BD, CR 0D, NL 15, LF 25, FF 0C.
 */
class EbcdicTextTest {

    private static Representation ebcdic(FormatControl f) {
        return rep(TransferType.EBCDIC, f, FileStructure.FILE);
    }

    private static final Representation E_N = ebcdic(FormatControl.NON_PRINT);

    @ParameterizedTest
    @EnumSource(value = FormatControl.class, names = {"NON_PRINT", "TELNET"})
    void downloadNlEndsALine(FormatControl f) {
        byte[] wire = bytes(0xC1, 0xC2, 0x15, 0x81, 0x15);
        assertBytes(utf8("AB\na\n"), download(ebcdic(f), LF, wire));
        assertBytes(utf8("AB\r\na\r\n"), download(ebcdic(f), CRLF, wire));
    }

    @Test
    void downloadAcceptsEbcdicCrLfAndKeepsLoneCr() {
        assertBytes(utf8("A\nB\n"), download(E_N, LF, bytes(0xC1, 0x0D, 0x25, 0xC2, 0x15)));
        assertBytes(utf8("A\rB\n"), download(E_N, LF, bytes(0xC1, 0x0D, 0xC2, 0x15)));
        assertBytes(utf8("A\r\n"), download(E_N, LF, bytes(0xC1, 0x0D, 0x0D, 0x25))); // CR, then CR LF
        assertBytes(utf8("A\nB"), download(E_N, LF, bytes(0xC1, 0x15, 0xC2)));
    }

    @Test
    void downloadWritesTheLocalCharset() {
        byte[] wire = bytes(0x51, 0xAD, 0xBD, 0x0C, 0x15);
        assertBytes(bytes(0xC3, 0xA9, '[', ']', 0x0C, 0x0A), download(E_N, LF, wire));
        assertBytes(bytes(0xE9, '[', ']', 0x0C, 0x0D, 0x0A),
                download(E_N, local(StandardCharsets.ISO_8859_1, "\r\n"), wire));
        assertBytes(bytes(0x00, 0xE9, 0x00, '[', 0x00, ']', 0x00, 0x0C, 0x00, 0x0D, 0x00, 0x0A),
                download(E_N, local(StandardCharsets.UTF_16BE, "\r\n"), wire));
    }

    @Test
    void nlIsFoundByItsEbcdicByteInEveryCodePage() {
        // Java's IBM037 decodes both NL (0x15) and LF (0x25) to U+000A; only 0x15 may end a line
        Representation e037 = E_N.withEbcdicCodePage(Charset.forName("IBM037"));
        assertBytes(utf8("[]\r\n"), download(e037, CRLF, bytes(0xBA, 0xBB, 0x15)));
        assertBytes(utf8("A\nB\r\n"), download(e037, CRLF, bytes(0xC1, 0x25, 0xC2, 0x15)));
        assertBytes(bytes(0xBA, 0xBB, 0x15), upload(e037, CRLF, utf8("[]\r\n")));
    }

    @Test
    void downloadStopsAtACharacterTheLocalCharsetCannotStore() {
        UnencodableCharacterException e = downloadFails(UnencodableCharacterException.class, E_N,
                local(StandardCharsets.US_ASCII, "\n"), bytes(0xC1, 0x15, 0xC2, 0x51, 0x15));
        assertEquals(0xE9, e.codePoint());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("U+00E9") && e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void downloadReportsBytesTheCodePageDoesNotDefineWithTheirWireOffset() {
        // IBM290 (Japanese katakana EBCDIC) leaves 0x57 undefined
        Representation e290 = E_N.withEbcdicCodePage(Charset.forName("IBM290"));
        MalformedDataException e = downloadFails(MalformedDataException.class, e290, LF,
                bytes(0xC1, 0x15, 0xC1, 0x57, 0x15));
        assertEquals(3, e.byteOffset());
        assertTrue(e.getMessage().contains("0x57") && e.getMessage().contains("at byte 3"), e.getMessage());
        // the offset is the wire offset even where framing bytes were removed before decoding
        assertEquals(4, downloadFails(MalformedDataException.class, e290.withStructure(FileStructure.RECORD), LF,
                bytes(0xC1, 0xFF, 0x01, 0xC1, 0x57, 0xFF, 0x03)).byteOffset());
        // pages arrive out of order: page 2 (bad byte at wire offset 5) is written after page 1
        assertEquals(5, downloadFails(MalformedDataException.class, e290.withStructure(FileStructure.PAGE), LF,
                bytes(4, 2, 2, 1, 0xC1, 0x57, 4, 1, 2, 1, 0xC1, 0x15, 4, 3, 0, 0)).byteOffset());
    }

    @ParameterizedTest
    @EnumSource(value = FormatControl.class, names = {"NON_PRINT", "TELNET"})
    void uploadLineEndsBecomeNl(FormatControl f) {
        assertBytes(bytes(0xC1, 0xC2, 0x15, 0x81, 0x15), upload(ebcdic(f), LF, utf8("AB\na\n")));
        assertBytes(bytes(0xC1, 0xC2, 0x15, 0x81, 0x15), upload(ebcdic(f), CRLF, utf8("AB\r\na\r\n")));
        assertBytes(bytes(0xC1, 0x15, 0x15, 0xC2), upload(ebcdic(f), LF, utf8("A\r\n\nB")));
        assertBytes(bytes(0xC1, 0x0D, 0xC2, 0x15), upload(ebcdic(f), LF, utf8("A\rB\n")));
    }

    @Test
    void uploadReadsTheLocalCharset() {
        assertBytes(bytes(0x51, 0xAD, 0xBD, 0x15), upload(E_N, LF, utf8("é[]\n")));
        assertBytes(bytes(0x51, 0x15), upload(E_N, local(StandardCharsets.ISO_8859_1, "\n"), bytes(0xE9, 0x0A)));
        assertBytes(bytes(0xC1, 0x15), upload(E_N, local(StandardCharsets.UTF_16, "\r\n"),
                bytes(0xFE, 0xFF, 0x00, 'A', 0x00, 0x0D, 0x00, 0x0A)));
        // a UTF-8 byte order mark marks the encoding, it is not text
        assertBytes(bytes(0xC1, 0x15), upload(E_N, LF, bytes(0xEF, 0xBB, 0xBF, 'A', 0x0A)));
    }

    @Test
    void uploadMultiByteCharactersSplitAcrossWrites() throws Exception {
        // every chunking of the harness splits 'é' (C3 A9) and 'ß' (C3 9F); here one split is explicit
        byte[] text = utf8("ßé\n");
        int[][] split = {{0, 1}, {1, 2}, {3, 2}};
        assertBytes(bytes(0x59, 0x51, 0x15),
                CodecHarness.run(out -> RepresentationCodecs.encoder(E_N, LF, out), text, split));
    }

    @Test
    void uploadRefusesCharactersWithoutAnIbm1047Code() {
        UnencodableCharacterException e = uploadFails(UnencodableCharacterException.class, E_N, LF,
                utf8("ok\nprice 5€\n"));
        assertEquals(0x20AC, e.codePoint());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("U+20AC") && e.getMessage().contains("line 2")
                && e.getMessage().contains("IBM1047"), e.getMessage());
        UnencodableCharacterException emoji = uploadFails(UnencodableCharacterException.class, E_N, CRLF,
                utf8("a\r\n\r\nx\uD83D\uDE00y\r\n"));
        assertEquals(0x1F600, emoji.codePoint());
        assertEquals(3, emoji.line());
        assertTrue(emoji.getMessage().contains("U+1F600"), emoji.getMessage());
    }

    @Test
    void uploadRefusesALocalFileThatIsNotValidInItsCharset() {
        MalformedLocalTextException e = uploadFails(MalformedLocalTextException.class, E_N, LF,
                bytes('a', 'b', 0x0A, 'c', 0xC3, '(', 0x0A));
        assertEquals(2, e.line());
        assertEquals(4, e.byteOffset());
        assertTrue(e.getMessage().contains("UTF-8") && e.getMessage().contains("line 2"), e.getMessage());
        // a character cut off by the end of the file
        MalformedLocalTextException cut = uploadFails(MalformedLocalTextException.class, E_N, LF,
                bytes('a', 0x0A, 'b', 0xC3));
        assertEquals(2, cut.line());
        assertEquals(3, cut.byteOffset());
    }

    @Test
    void formatCAppliesAsaToEbcdicLines() {
        Representation eC = ebcdic(FormatControl.CARRIAGE_CONTROL);
        byte[] wire = bytes(0x40, 0xC1, 0x15, 0xF0, 0xC2, 0x15, 0x60, 0xC3, 0x15, 0xF1, 0x81, 0x15,
                0x4E, 0x82, 0x15);
        assertBytes(utf8("A\n\nB\n\n\nC\n\fa\rb\n"), download(eC, LF, wire));
        assertBytes(utf8("A\r\n\r\nB\r\n\r\n\r\nC\r\n\fa\rb\r\n"), download(eC, CRLF, wire));
        assertBytes(wire, upload(eC, LF, utf8("A\n\nB\n\n\nC\n\fa\rb\n")));
        assertBytes(utf8("A\n"), download(eC, LF, bytes(0x40, 0xC1, 0x0D, 0x25))); // CR LF line end
    }

    @Test
    void typeEIsNotTypeA() {
        // the same bytes mean different text: 0xC1 is 'A' in EBCDIC but 'Á' in Latin-1 under TYPE A
        assertBytes(latin1("\u00c1\n"), download(rep(TransferType.ASCII, FormatControl.NON_PRINT,
                FileStructure.FILE), LF, bytes(0xC1, 0x0D, 0x0A)));
        assertBytes(utf8("A\n"), download(E_N, LF, bytes(0xC1, 0x15)));
    }
}
