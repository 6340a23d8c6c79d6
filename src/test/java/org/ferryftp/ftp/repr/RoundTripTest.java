package org.ferryftp.ftp.repr;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.download;
import static org.ferryftp.ftp.repr.CodecHarness.hex;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.local;
import static org.ferryftp.ftp.repr.CodecHarness.rep;
import static org.ferryftp.ftp.repr.CodecHarness.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * decode(encode(x)) == x for local text that ends with a line separator, on seeded random texts and on
 * hand-picked examples, for every conversion that can lose nothing: A N, A C, E N, E C, STRU R and STRU P.
 * Texts use only the local separator as line end (a lone LF in a CRLF file, or CR LF in an LF file, is
 * normalised by design and cannot round-trip).
 */
class RoundTripTest {

    private static final int CASES = 150;
    /** TYPE A text: any byte except CR and LF, including controls and bytes >= 0x80. */
    private static final String ASCII_CHARS = "ab XZ09+-10\t\f\u000b\u0000\u0080\u00e9\u00ff";
    /** TYPE E text: characters IBM-1047 can represent, except line-end controls. */
    private static final String EBCDIC_CHARS = "ab XZ09+-10\t\fé¬[]^{}ßü\u009f";

    private static final Representation A_N = rep(TransferType.ASCII, FormatControl.NON_PRINT, FileStructure.FILE);
    private static final Representation E_N = rep(TransferType.EBCDIC, FormatControl.NON_PRINT, FileStructure.FILE);

    /**
     * Random lines, each ended by the separator or, when {@code overprint}, sometimes by a lone CR (only
     * before a non-empty line, so the CR cannot meet the LF of an empty line). The text always ends with
     * the separator. Without {@code overprint}, lone CRs appear inside lines instead.
     */
    static String text(Random rnd, String chars, String sep, boolean overprint) {
        int lines = rnd.nextInt(12);
        List<String> content = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            StringBuilder line = new StringBuilder();
            if (rnd.nextInt(3) > 0) {
                if (rnd.nextInt(6) == 0) {
                    line.append('\f');
                }
                for (int n = rnd.nextInt(10); n > 0; n--) {
                    line.append(chars.charAt(rnd.nextInt(chars.length())));
                    if (!overprint && rnd.nextInt(15) == 0) {
                        line.append('\r').append(chars.charAt(rnd.nextInt(chars.length())));
                    }
                }
            }
            content.add(line.toString());
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            text.append(content.get(i));
            boolean nextNonEmpty = i + 1 < lines && !content.get(i + 1).isEmpty();
            text.append(overprint && nextNonEmpty && rnd.nextInt(4) == 0 ? "\r" : sep);
        }
        return text.toString();
    }

    private static void assertRoundTrip(Representation r, LocalTextForm local, byte[] original) {
        byte[] wire = upload(r, local, original);
        byte[] back = download(r, local, wire);
        assertEquals(hex(original), hex(back), r.describe() + " via wire " + hex(wire));
    }

    private static void randomTexts(Representation r, String chars, boolean asa, LocalTextForm... locals) {
        boolean ebcdic = r.type() == TransferType.EBCDIC;
        for (LocalTextForm local : locals) {
            Random rnd = new Random(r.describe().hashCode() * 31L + local.lineSeparator().length());
            Charset cs = ebcdic ? local.charset() : StandardCharsets.ISO_8859_1;
            for (int i = 0; i < CASES; i++) {
                assertRoundTrip(r, local, text(rnd, chars, local.lineSeparator(), asa).getBytes(cs));
            }
        }
    }

    @Test
    void asciiNonPrint() {
        randomTexts(A_N, ASCII_CHARS, false, LF, CRLF);
    }

    @Test
    void asciiCarriageControl() {
        randomTexts(A_N.withFormat(FormatControl.CARRIAGE_CONTROL), ASCII_CHARS, true, LF, CRLF);
    }

    @Test
    void ebcdicNonPrint() {
        randomTexts(E_N, EBCDIC_CHARS, false, LF, CRLF, local(StandardCharsets.UTF_16LE, "\r\n"),
                local(StandardCharsets.ISO_8859_1, "\n"));
    }

    @Test
    void ebcdicCarriageControl() {
        randomTexts(E_N.withFormat(FormatControl.CARRIAGE_CONTROL), EBCDIC_CHARS, true, LF, CRLF);
    }

    @Test
    void recordStructure() {
        randomTexts(A_N.withStructure(FileStructure.RECORD), ASCII_CHARS + "\u00ff\u00ff", false, LF, CRLF);
        randomTexts(E_N.withStructure(FileStructure.RECORD), EBCDIC_CHARS, false, LF, CRLF);
        randomTexts(E_N.withStructure(FileStructure.RECORD).withFormat(FormatControl.CARRIAGE_CONTROL),
                EBCDIC_CHARS, true, LF);
        randomTexts(Representation.BINARY.withStructure(FileStructure.RECORD), ASCII_CHARS, false, LF, CRLF);
    }

    @Test
    void pageStructure() {
        randomTexts(A_N.withStructure(FileStructure.PAGE), ASCII_CHARS, false, LF, CRLF);
        randomTexts(E_N.withStructure(FileStructure.PAGE), EBCDIC_CHARS, false, CRLF);
        randomTexts(A_N.withStructure(FileStructure.PAGE).withFormat(FormatControl.CARRIAGE_CONTROL),
                ASCII_CHARS, true, LF);
        Random rnd = new Random(7);
        for (int i = 0; i < 20; i++) {
            byte[] any = new byte[rnd.nextInt(3000)];
            rnd.nextBytes(any);
            assertRoundTrip(Representation.BINARY.withStructure(FileStructure.PAGE), LF, any);
        }
    }

    @Test
    void handPickedAsaExamples() {
        Representation aC = A_N.withFormat(FormatControl.CARRIAGE_CONTROL);
        String[] examples = {
            "a\n\n\n\n\n\fb\rc\n\n\n",
            "\n\n\n\n",
            "\f\n\f\n\n\fx\n",
            "\n\rB\n",
            "a\r\fb\rc\n",
            "0\n+\n-\n1\n \n",
        };
        for (String lf : examples) {
            assertRoundTrip(aC, LF, latin1(lf));
            assertRoundTrip(aC, CRLF, latin1(lf.replace("\n", "\r\n")));
        }
        assertRoundTrip(aC, CRLF, latin1("a\r\r\n")); // an empty line overprinting "a"
    }
}
