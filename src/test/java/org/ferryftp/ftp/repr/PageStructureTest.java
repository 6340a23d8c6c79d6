package org.ferryftp.ftp.repr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.assertBytes;
import static org.ferryftp.ftp.repr.CodecHarness.bytes;
import static org.ferryftp.ftp.repr.CodecHarness.concat;
import static org.ferryftp.ftp.repr.CodecHarness.download;
import static org.ferryftp.ftp.repr.CodecHarness.downloadFails;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.rep;
import static org.ferryftp.ftp.repr.CodecHarness.upload;
import static org.ferryftp.ftp.repr.CodecHarness.uploadFails;
import static org.ferryftp.ftp.repr.CodecHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule 6: STRU P. A page is [header length, index, data length, type] + optional fields + data. */
class PageStructureTest {

    private static final Representation I_P = Representation.BINARY.withStructure(FileStructure.PAGE);
    private static final Representation A_P = rep(TransferType.ASCII, FormatControl.NON_PRINT, FileStructure.PAGE);
    private static final Representation E_P = rep(TransferType.EBCDIC, FormatControl.NON_PRINT, FileStructure.PAGE);

    private static byte[] page(int index, int type, String data) {
        return concat(bytes(4, index, data.length(), type), latin1(data));
    }

    private static byte[] last(int index) {
        return bytes(4, index, 0, 0);
    }

    @Test
    void downloadConcatenatesSimplePages() {
        byte[] wire = concat(page(1, 1, "abc"), page(2, 1, "de"), last(3));
        assertBytes(latin1("abcde"), download(I_P, LF, wire));
        assertBytes(latin1("abcde"), download(I_P.withLocalByteSize(8), CRLF, wire));
        assertBytes(new byte[0], download(I_P, LF, last(1)));
    }

    @Test
    void downloadSkipsDescriptorPagesAndOptionalFields() {
        assertBytes(latin1("abc"), download(I_P, LF, concat(page(1, 2, "xx"), page(2, 1, "abc"), last(3))));
        // access-controlled page: header length 6, two optional-field bytes, then the data
        byte[] controlled = concat(bytes(6, 1, 3, 3, 0xAA, 0xBB), latin1("abc"), last(2));
        assertBytes(latin1("abc"), download(I_P, LF, controlled));
        // a last page with an optional field still ends the file
        assertBytes(latin1("a"), download(I_P, LF, concat(page(1, 1, "a"), bytes(5, 2, 0, 0, 0x00))));
    }

    @Test
    void downloadWritesPagesInIndexOrder() {
        byte[] wire = concat(page(2, 1, "de"), page(3, 2, "zz"), page(1, 1, "abc"), page(4, 1, "f"), last(5));
        assertBytes(latin1("abcdef"), download(I_P, LF, wire));
    }

    @Test
    void downloadConvertsTextPagesLikeStruF() {
        // the CR LF is cut in two by the page boundary
        byte[] wire = concat(page(1, 1, "a\r"), page(2, 1, "\nb\r\n"), last(3));
        assertBytes(latin1("a\nb\n"), download(A_P, LF, wire));
        assertBytes(latin1("a\r\nb\r\n"), download(A_P, CRLF, wire));
        byte[] ebcdic = concat(bytes(4, 1, 3, 1, 0xC1, 0x15, 0xC2), bytes(4, 2, 1, 1, 0x15), last(3));
        assertBytes(utf8("A\nB\n"), download(E_P, LF, ebcdic));
        Representation aC = A_P.withFormat(FormatControl.CARRIAGE_CONTROL);
        assertBytes(latin1("\na\n"), download(aC, LF, concat(page(1, 1, "0a\r\n"), last(2))));
    }

    @Test
    void missingLastPageIsMalformedOnClose() {
        MalformedDataException e = downloadFails(MalformedDataException.class, I_P, LF, page(1, 1, "abc"));
        assertEquals(7, e.byteOffset());
        assertTrue(e.getMessage().startsWith("page structure ended without its last-page header at byte 7"),
                e.getMessage());
        assertEquals(6, downloadFails(MalformedDataException.class, I_P, LF, bytes(4, 1, 3, 1, 'a', 'b')).byteOffset());
        assertEquals(0, downloadFails(MalformedDataException.class, A_P, LF, new byte[0]).byteOffset());
    }

    @Test
    void dataAfterTheLastPageIsMalformed() {
        MalformedDataException e = downloadFails(MalformedDataException.class, I_P, LF, concat(last(1), latin1("x")));
        assertEquals(4, e.byteOffset());
        assertTrue(e.getMessage().startsWith("STRU P data continues after the last page at byte 4"), e.getMessage());
    }

    @Test
    void badHeadersAreMalformed() {
        MalformedDataException type = downloadFails(MalformedDataException.class, I_P, LF,
                concat(page(1, 1, "a"), bytes(4, 2, 0, 7)));
        assertEquals(5, type.byteOffset());
        assertTrue(type.getMessage().contains("unknown page type 7"), type.getMessage());
        MalformedDataException length = downloadFails(MalformedDataException.class, I_P, LF,
                concat(page(1, 1, "a"), bytes(3, 2, 0, 1)));
        assertEquals(5, length.byteOffset());
        assertTrue(length.getMessage().contains("header length of 3"), length.getMessage());
        MalformedDataException twice = downloadFails(MalformedDataException.class, I_P, LF,
                concat(page(1, 1, "a"), page(1, 1, "b"), last(2)));
        assertEquals(5, twice.byteOffset());
        assertTrue(twice.getMessage().contains("page index 1 twice"), twice.getMessage());
        MalformedDataException full = downloadFails(MalformedDataException.class, I_P, LF, page(1, 0, "ab"));
        assertTrue(full.getMessage().contains("last page carries 2 data bytes"), full.getMessage());
    }

    @Test
    void uploadCutsContentIntoSimplePagesAndEndsWithALastPage() {
        assertBytes(concat(page(1, 1, "abc"), last(2)), upload(I_P, LF, latin1("abc")));
        assertBytes(last(1), upload(I_P, LF, new byte[0]));
        assertBytes(concat(page(1, 1, "a\r\nb\r\n"), last(2)), upload(A_P, LF, latin1("a\nb\n")));
        assertBytes(concat(bytes(4, 1, 2, 1, 0xC1, 0x15), last(2)), upload(E_P, CRLF, utf8("A\r\n")));
    }

    @Test
    void uploadPagesHoldAtMost255Bytes() {
        String full = "x".repeat(255);
        assertBytes(concat(page(1, 1, full), last(2)), upload(I_P, LF, latin1(full)));
        assertBytes(concat(page(1, 1, full), page(2, 1, "y"), last(3)), upload(I_P, LF, latin1(full + "y")));
    }

    @Test
    void uploadLimitIs254PagesOf255Bytes() throws IOException {
        byte[] max = new byte[64_770];
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (var s = RepresentationCodecs.encoder(I_P, LF, wire)) {
            s.write(max);
        }
        byte[] out = wire.toByteArray();
        assertEquals(64_770 + 255 * 4, out.length);
        assertBytes(bytes(4, 254, 255, 1), java.util.Arrays.copyOfRange(out, 253 * 259, 253 * 259 + 4));
        assertBytes(bytes(4, 255, 0, 0), java.util.Arrays.copyOfRange(out, out.length - 4, out.length));

        IOException tooBig = assertThrows(IOException.class, () -> CodecHarness.run(
                o -> RepresentationCodecs.encoder(I_P, LF, o), new byte[64_771], new int[][] {{0, 64_771}}));
        assertTrue(tooBig.getMessage().startsWith(
                "file too large for STRU P with 8-bit page fields (max 64,770 bytes)"), tooBig.getMessage());
        // for text the limit applies to the wire form: each LF becomes two bytes
        uploadFails(IOException.class, A_P, LF, latin1("\n".repeat(32_386)));
        assertEquals(64_770 + 255 * 4, upload(A_P, LF, latin1("\n".repeat(32_385))).length);
    }

    @Test
    void typeLOtherThan8IsRefused() {
        Representation l7 = I_P.withLocalByteSize(7);
        var down = assertThrows(IllegalArgumentException.class,
                () -> RepresentationCodecs.decoder(l7, LF, new ByteArrayOutputStream()));
        var up = assertThrows(IllegalArgumentException.class,
                () -> RepresentationCodecs.encoder(l7, LF, new ByteArrayOutputStream()));
        assertTrue(down.getMessage().startsWith("STRU P needs 8-bit bytes"), down.getMessage());
        assertTrue(up.getMessage().startsWith("STRU P needs 8-bit bytes"), up.getMessage());
    }
}
