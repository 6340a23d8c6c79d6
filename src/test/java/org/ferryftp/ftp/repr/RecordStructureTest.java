package org.ferryftp.ftp.repr;

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
import static org.ferryftp.ftp.repr.CodecHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rule 5: STRU R in stream mode. 0xFF 0x01 = EOR, 0x02 = EOF, 0x03 = EOR+EOF, 0xFF 0xFF = data 0xFF. */
class RecordStructureTest {

    private static final byte[] EOR = bytes(0xFF, 0x01);
    private static final byte[] EOF = bytes(0xFF, 0x02);
    private static final byte[] EOR_EOF = bytes(0xFF, 0x03);

    private static final Representation A_R = rep(TransferType.ASCII, FormatControl.NON_PRINT, FileStructure.RECORD);
    private static final Representation E_R = rep(TransferType.EBCDIC, FormatControl.NON_PRINT, FileStructure.RECORD);
    private static final Representation I_R = Representation.BINARY.withStructure(FileStructure.RECORD);

    @Test
    void downloadRecordsBecomeLines() {
        byte[] wire = concat(latin1("abc"), EOR, latin1("de"), EOR_EOF);
        assertBytes(latin1("abc\nde\n"), download(A_R, LF, wire));
        assertBytes(latin1("abc\r\nde\r\n"), download(A_R, CRLF, wire));
        assertBytes(latin1("abc\n"), download(A_R, LF, concat(latin1("abc"), EOR, EOF)));
        assertBytes(latin1("\n\n"), download(A_R, LF, concat(EOR, EOR, EOF)));
        assertBytes(new byte[0], download(A_R, LF, EOF));
    }

    @Test
    void downloadUnescapesDoubledFf() {
        assertBytes(bytes('a', 0xFF, 'b', 0x0A), download(A_R, LF, bytes('a', 0xFF, 0xFF, 'b', 0xFF, 0x03)));
        assertBytes(bytes(0xFF, 0xFF, 0x0A), download(I_R, LF, bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x03)));
    }

    @Test
    void downloadDoesNoLineEndProcessingInsideTypeARecords() {
        assertBytes(latin1("a\r\nb\rc\n\n"), download(A_R, LF, concat(latin1("a\r\nb\rc\n"), EOR_EOF)));
    }

    @Test
    void downloadTypeEAndFormatCRecords() {
        assertBytes(utf8("AB\né\n"), download(E_R, LF, bytes(0xC1, 0xC2, 0xFF, 0x01, 0x51, 0xFF, 0x03)));
        Representation eC = E_R.withFormat(FormatControl.CARRIAGE_CONTROL);
        assertBytes(utf8("\r\nA\r\nB\r\n"), download(eC, CRLF, bytes(0xF0, 0xC1, 0xFF, 0x01, 0x40, 0xC2, 0xFF, 0x03)));
        Representation aC = A_R.withFormat(FormatControl.CARRIAGE_CONTROL);
        assertBytes(latin1("\na\rb\n"), download(aC, LF, concat(latin1("0a"), EOR, latin1("+b"), EOR_EOF)));
    }

    @Test
    void downloadRawRecordsForTypeIAndL() {
        byte[] wire = bytes(0x00, 0xFF, 0xFF, 0x0A, 0xFF, 0x01, 0x0D, 0xFF, 0x03);
        byte[] expected = bytes(0x00, 0xFF, 0x0A, 0x0D, 0x0A, 0x0D, 0x0D, 0x0A);
        assertBytes(expected, download(I_R, CRLF, wire));
        assertBytes(expected, download(I_R.withLocalByteSize(8), CRLF, wire));
        assertBytes(expected, download(I_R.withLocalByteSize(36), CRLF, wire));
    }

    @Test
    void downloadWithoutEofMarkerKeepsTheLastPartialRecord() {
        assertBytes(latin1("abc\nde\n"), download(A_R, LF, concat(latin1("abc"), EOR, latin1("de"))));
        assertBytes(latin1("abc\n"), download(A_R, LF, concat(latin1("abc"), EOR)));
        assertBytes(latin1("abc\n"), download(A_R, LF, concat(latin1("abc"), EOF))); // EOF ends the record too
        assertBytes(new byte[0], download(A_R, LF, new byte[0]));
    }

    @Test
    void unknownEscapeIsMalformed() {
        MalformedDataException e = downloadFails(MalformedDataException.class, A_R, LF,
                concat(latin1("ab"), EOR, latin1("cd"), bytes(0xFF, 0x07)));
        assertEquals(6, e.byteOffset());
        assertEquals("STRU R data has an unknown escape 0xFF 0x07 at byte 6", e.getMessage().split(";")[0]);
        assertEquals(1, downloadFails(MalformedDataException.class, I_R, LF, bytes('a', 0xFF, 0x00)).byteOffset());
    }

    @Test
    void dataAfterEndOfFileIsMalformed() {
        MalformedDataException e = downloadFails(MalformedDataException.class, A_R, LF,
                concat(latin1("a"), EOF, latin1("b")));
        assertEquals(3, e.byteOffset());
        assertEquals("STRU R data continues after its end-of-file marker at byte 3", e.getMessage().split(";")[0]);
        assertEquals(2, downloadFails(MalformedDataException.class, A_R, LF, concat(EOR_EOF, EOR)).byteOffset());
    }

    @Test
    void loneFfAtTheEndIsMalformed() {
        MalformedDataException e = downloadFails(MalformedDataException.class, A_R, LF, bytes('a', 'b', 0xFF));
        assertEquals(2, e.byteOffset());
        assertEquals("STRU R data ends with an incomplete escape (a lone 0xFF) at byte 2",
                e.getMessage().split(";")[0]);
    }

    @Test
    void uploadLinesBecomeRecordsAndTheLastEndsTheFile() {
        for (LocalTextForm local : new LocalTextForm[] {LF, CRLF}) {
            byte[] expected = concat(latin1("abc"), EOR, latin1("de"), EOR_EOF);
            assertBytes(expected, upload(A_R, local, latin1("abc\nde\n")));
            assertBytes(expected, upload(A_R, local, latin1("abc\r\nde\r\n")));
            assertBytes(expected, upload(A_R, local, latin1("abc\nde"))); // a last line without separator
        }
        assertBytes(EOF, upload(A_R, LF, new byte[0]));
        assertBytes(EOR_EOF, upload(A_R, LF, latin1("\n")));
        assertBytes(concat(EOR, EOR_EOF), upload(A_R, LF, latin1("\n\n")));
        assertBytes(concat(latin1("a\rb"), EOR_EOF), upload(A_R, LF, latin1("a\rb\n")));
    }

    @Test
    void uploadDoublesFf() {
        assertBytes(bytes('a', 0xFF, 0xFF, 'b', 0xFF, 0x01, 0xFF, 0xFF, 0xFF, 0x03),
                upload(I_R, LF, bytes('a', 0xFF, 'b', 0x0A, 0xFF, 0x0A)));
        assertBytes(bytes(0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x03), upload(A_R, CRLF, bytes(0xFF, 0xFF, 0x0D, 0x0A)));
        // U+009F is 0xFF in IBM-1047: the escape is doubled after encoding
        assertBytes(bytes(0xC1, 0xFF, 0xFF, 0xFF, 0x03), upload(E_R, LF, utf8("A\u009f\n")));
    }

    @Test
    void uploadTypeEAndFormatC() {
        assertBytes(bytes(0xC1, 0xC2, 0xFF, 0x01, 0x51, 0xFF, 0x03), upload(E_R, CRLF, utf8("AB\r\né\r\n")));
        Representation eC = E_R.withFormat(FormatControl.CARRIAGE_CONTROL);
        assertBytes(bytes(0xF0, 0xC1, 0xFF, 0x01, 0x40, 0xC2, 0xFF, 0x03), upload(eC, LF, utf8("\nA\nB\n")));
        Representation aC = A_R.withFormat(FormatControl.CARRIAGE_CONTROL);
        assertBytes(concat(latin1("0a"), EOR, latin1("+b"), EOR_EOF), upload(aC, LF, latin1("\na\rb\n")));
    }

    @Test
    void uploadRawRecordsForTypeL() {
        assertBytes(bytes(0x01, 0x0D, 0xFF, 0x01, 0x02, 0xFF, 0x03),
                upload(I_R.withLocalByteSize(7), CRLF, bytes(0x01, 0x0D, 0x0D, 0x0A, 0x02)));
    }
}
