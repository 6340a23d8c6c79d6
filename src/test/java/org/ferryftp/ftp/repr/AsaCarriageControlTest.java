package org.ferryftp.ftp.repr;

import org.junit.jupiter.api.Test;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.assertBytes;
import static org.ferryftp.ftp.repr.CodecHarness.download;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.rep;
import static org.ferryftp.ftp.repr.CodecHarness.upload;

/** Rule 2: TYPE A C (ASA carriage control) with STRU F, both directions. Round trips are in RoundTripTest. */
class AsaCarriageControlTest {

    private static final Representation ASA = rep(TransferType.ASCII, FormatControl.CARRIAGE_CONTROL,
            FileStructure.FILE);

    private static void down(String expectedLf, String wire) {
        assertBytes(latin1(expectedLf), download(ASA, LF, latin1(wire)));
        assertBytes(latin1(expectedLf.replace("\n", "\r\n")), download(ASA, CRLF, latin1(wire)));
    }

    private static void up(String expectedWire, String localLf) {
        assertBytes(latin1(expectedWire), upload(ASA, LF, latin1(localLf)));
        assertBytes(latin1(expectedWire), upload(ASA, CRLF, latin1(localLf.replace("\n", "\r\n"))));
    }

    @Test
    void downloadEachControlCharacter() {
        down("abc\n", " abc\r\n");
        down("\nabc\n", "0abc\r\n");
        down("\n\nabc\n", "-abc\r\n");
        down("\fabc\n", "1abc\r\n");
        down("one\rtwo\n", " one\r\n+two\r\n");
    }

    @Test
    void downloadASequenceOfControls() {
        down("a\n\nb\n\n\nc\n\fd\re\n", " a\r\n0b\r\n-c\r\n1d\r\n+e\r\n");
    }

    @Test
    void downloadTreatsUnknownControlsLikeSpace() {
        down("abc\ndef\n", "Xabc\r\n2def\r\n");
    }

    @Test
    void downloadEmptyWireLineIsAnEmptyLocalLine() {
        down("a\n\nb\n", " a\r\n\r\n b\r\n");
        down("\n", "\r\n");
        down("\n", " \r\n");
    }

    @Test
    void downloadOverprintOnTheFirstLineHasNothingToOverprint() {
        down("a\n", "+a\r\n");
    }

    @Test
    void downloadUnterminatedLastLineGetsNoSeparator() {
        down("a\nb", " a\r\n b");
        down("", "");
    }

    @Test
    void downloadKeepsLoneCrAndLfInsideALine() {
        assertBytes(latin1("a\rb\nc\n"), download(ASA, LF, latin1(" a\rb\nc\r\n")));
    }

    @Test
    void uploadPlainLinesGetSpace() {
        up(" abc\r\n def\r\n", "abc\ndef\n");
    }

    @Test
    void uploadFoldsOneOrTwoEmptyLines() {
        up(" a\r\n0b\r\n", "a\n\nb\n");
        up(" a\r\n-b\r\n", "a\n\n\nb\n");
        up("-b\r\n", "\n\nb\n");
    }

    @Test
    void uploadSendsTheExcessOfThreeOrMoreEmptyLinesFirst() {
        up(" a\r\n \r\n-b\r\n", "a\n\n\n\nb\n");
        up(" a\r\n \r\n \r\n-b\r\n", "a\n\n\n\n\nb\n");
    }

    @Test
    void uploadFormFeedBecomesOne() {
        up(" a\r\n1b\r\n", "a\n\fb\n");
        up(" a\r\n \r\n1b\r\n", "a\n\n\fb\n");
        up("1\r\n", "\f\n");
        up(" a\fb\r\n", "a\fb\n"); // only a form feed that starts a line is a page break
    }

    @Test
    void uploadLineAfterLoneCrOverprints() {
        up(" a\r\n+b\r\n", "a\rb\n");
        up(" a\r\n+\fb\r\n", "a\r\fb\n"); // overprint wins; the form feed stays text
        assertBytes(latin1(" a\r\n+\r\n"), upload(ASA, CRLF, latin1("a\r\r\n")));
    }

    @Test
    void uploadTrailingEmptyLinesAndMissingLastSeparator() {
        up(" a\r\n \r\n", "a\n\n");
        up(" a\r\n \r\n \r\n", "a\n\n\n");
        up(" a\r\n", "a");
        up(" \r\n", "\n");
        up("", "");
    }

    @Test
    void uploadControlLikeTextIsProtectedBySpace() {
        up(" 0\r\n +x\r\n 1\r\n", "0\n+x\n1\n");
    }
}
