package org.ferryftp.ftp.repr;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.bytes;
import static org.ferryftp.ftp.repr.CodecHarness.concat;
import static org.ferryftp.ftp.repr.CodecHarness.hex;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.local;
import static org.ferryftp.ftp.repr.CodecHarness.rep;
import static org.ferryftp.ftp.repr.CodecHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Cuts tricky inputs into two and three writes at every possible position, so that every pair of
 * neighbouring bytes (CR|LF, 0xFF|0x01, the bytes of one UTF-8 character, a page header) is separated at
 * least once. Every cut must give the expected output, or the same error.
 */
class ChunkBoundaryTest {

    private static final Representation A_N = rep(TransferType.ASCII, FormatControl.NON_PRINT, FileStructure.FILE);
    private static final Representation A_C = A_N.withFormat(FormatControl.CARRIAGE_CONTROL);
    private static final Representation E_N = rep(TransferType.EBCDIC, FormatControl.NON_PRINT, FileStructure.FILE);
    private static final Representation E_C = E_N.withFormat(FormatControl.CARRIAGE_CONTROL);

    private static Function<OutputStream, OutputStream> dec(Representation r, LocalTextForm l) {
        return out -> RepresentationCodecs.decoder(r, l, out);
    }

    private static Function<OutputStream, OutputStream> enc(Representation r, LocalTextForm l) {
        return out -> RepresentationCodecs.encoder(r, l, out);
    }

    /** Runs every two- and three-write cut; returns "ok:<hex>" or "error:<message>" and checks all agree. */
    private static void assertEveryCut(String expected, Function<OutputStream, OutputStream> codec, byte[] in) {
        int n = in.length;
        for (int a = 0; a <= n; a++) {
            for (int b = a; b <= n; b++) {
                int[][] cuts = {{0, a}, {a, b - a}, {b, n - b}};
                String got;
                try {
                    got = "ok:" + hex(CodecHarness.run(codec, in, cuts));
                } catch (IOException e) {
                    got = "error:" + e.getMessage();
                }
                assertEquals(expected, got, "cut at " + a + " and " + b);
            }
        }
    }

    private static String ok(byte[] b) {
        return "ok:" + hex(b);
    }

    @Test
    void asciiLineEnds() {
        assertEveryCut(ok(latin1("a\n\r\nb\r")), dec(A_N, LF), latin1("a\r\n\r\r\nb\r"));
        assertEveryCut(ok(latin1("a\r\n\r\n\r\r\nb\r")), enc(A_N, CRLF), latin1("a\r\n\n\r\r\nb\r"));
    }

    @Test
    void ebcdicLineEndsAndMultiByteLocalCharacters() {
        assertEveryCut(ok(utf8("A\n\ré\n\r")), dec(E_N, LF), bytes(0xC1, 0x0D, 0x25, 0x0D, 0x51, 0x15, 0x0D));
        assertEveryCut(ok(bytes(0x59, 0x51, 0x15, 0xDC, 0x0D)), enc(E_N, CRLF), utf8("ßé\r\nü\r"));
        assertEveryCut(ok(bytes(0xC1, 0x15)), enc(E_N, local(StandardCharsets.UTF_16LE, "\r\n")),
                bytes('A', 0, 0x0D, 0, 0x0A, 0));
    }

    @Test
    void asaBothWays() {
        assertEveryCut(ok(latin1("a\n\nb\n\fc\rd\ne")), dec(A_C, LF), latin1(" a\r\n0b\r\n1c\r\n+d\r\n e"));
        assertEveryCut(ok(latin1(" a\r\n \r\n1b\r\n+c\r\n-d\r\n \r\n")), enc(A_C, LF),
                latin1("a\n\n\fb\rc\n\n\nd\n\n"));
        assertEveryCut(ok(bytes(0xF0, 0xC1, 0x15, 0xF1, 0xC2, 0x15)), enc(E_C, CRLF), utf8("\r\nA\r\n\fB\r\n"));
    }

    @Test
    void recordEscapes() {
        Representation aR = A_N.withStructure(FileStructure.RECORD);
        assertEveryCut(ok(bytes('a', 0xFF, 0x0A, 0x0A, 'b', 0x0A)), dec(aR, LF),
                bytes('a', 0xFF, 0xFF, 0xFF, 0x01, 0xFF, 0x01, 'b', 0xFF, 0x03));
        assertEveryCut(ok(bytes('a', 0xFF, 0xFF, 0xFF, 0x01, 0xFF, 0x01, 0x0D, 0xFF, 0x03)), enc(aR, LF),
                bytes('a', 0xFF, 0x0D, 0x0A, 0x0A, 0x0D));
        assertEveryCut("error:STRU R data has an unknown escape 0xFF 0x09 at byte 3; "
                + "the server may not be sending record structure; try STRU F", dec(aR, LF),
                bytes('a', 0xFF, 0x01, 0xFF, 0x09, 'b'));
    }

    @Test
    void pageHeaders() {
        Representation aP = A_N.withStructure(FileStructure.PAGE);
        byte[] wire = concat(bytes(6, 2, 2, 3, 0xAA, 0xBB), latin1("\nb"), bytes(4, 1, 2, 1), latin1("a\r"),
                bytes(4, 3, 0, 0));
        assertEveryCut(ok(latin1("a\r\nb")), dec(aP, CRLF), wire);
        assertEveryCut(ok(concat(bytes(4, 1, 5, 1), latin1("a\r\nb\r"), bytes(4, 2, 0, 0))), enc(aP, LF),
                latin1("a\nb\r"));
    }

    @Test
    void errorsInsideTheTextCodeNameTheSameLineWhereverTheCut() {
        assertEveryCut("error:line 2 contains U+20AC '€', which has no code in IBM1047; replace the character "
                + "or choose another EBCDIC code page", enc(E_N, LF), utf8("a\n€\n"));
        assertEveryCut("error:the local file is not valid UTF-8: line 3 has the byte 0xFF at byte 5; choose the "
                + "charset the file is really in", enc(E_N, LF), bytes('a', 0x0A, 0x0A, 0xC3, 0xA9, 0xFF));
    }
}
