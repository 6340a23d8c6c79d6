package org.ferryftp.ftp.repr;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.ferryftp.ftp.repr.CodecHarness.CRLF;
import static org.ferryftp.ftp.repr.CodecHarness.LF;
import static org.ferryftp.ftp.repr.CodecHarness.assertBytes;
import static org.ferryftp.ftp.repr.CodecHarness.bytes;
import static org.ferryftp.ftp.repr.CodecHarness.download;
import static org.ferryftp.ftp.repr.CodecHarness.latin1;
import static org.ferryftp.ftp.repr.CodecHarness.local;
import static org.ferryftp.ftp.repr.CodecHarness.rep;
import static org.ferryftp.ftp.repr.CodecHarness.upload;

/** Rule 1: TYPE A N and T with STRU F, both directions. Format T must convert exactly like N. */
class AsciiTextTest {

    private static Representation ascii(FormatControl format) {
        return rep(TransferType.ASCII, format, FileStructure.FILE);
    }

    @ParameterizedTest
    @EnumSource(value = FormatControl.class, names = {"NON_PRINT", "TELNET"})
    void downloadTurnsCrLfIntoLocalSeparator(FormatControl f) {
        assertBytes(latin1("one\ntwo\n"), download(ascii(f), LF, latin1("one\r\ntwo\r\n")));
        assertBytes(latin1("one\r\ntwo\r\n"), download(ascii(f), CRLF, latin1("one\r\ntwo\r\n")));
    }

    @ParameterizedTest
    @EnumSource(value = FormatControl.class, names = {"NON_PRINT", "TELNET"})
    void downloadPassesEveryOtherByteUnchanged(FormatControl f) {
        // lone CR, lone LF, Latin-1 é, 0xFF, FF, VT, NUL, then a CR LF line end
        byte[] wire = bytes('x', 0x0D, 'y', 0x0A, 'z', 0xE9, 0xFF, 0x0C, 0x0B, 0x00, 0x0D, 0x0A);
        assertBytes(bytes('x', 0x0D, 'y', 0x0A, 'z', 0xE9, 0xFF, 0x0C, 0x0B, 0x00, 0x0A),
                download(ascii(f), LF, wire));
        assertBytes(bytes('x', 0x0D, 'y', 0x0A, 'z', 0xE9, 0xFF, 0x0C, 0x0B, 0x00, 0x0D, 0x0A),
                download(ascii(f), CRLF, wire));
    }

    @Test
    void downloadHandlesCrBeforeCrLfAndAtTheEnd() {
        // CR CR LF: the first CR is lone (content), the CR LF pair is the line end
        assertBytes(latin1("a\r\n"), download(ascii(FormatControl.NON_PRINT), LF, latin1("a\r\r\n")));
        assertBytes(latin1("a\r\r\n"), download(ascii(FormatControl.NON_PRINT), CRLF, latin1("a\r\r\n")));
        // a CR that ends the data has no LF after it and stays a CR
        assertBytes(latin1("a\nb\r"), download(ascii(FormatControl.NON_PRINT), LF, latin1("a\r\nb\r")));
        assertBytes(latin1("\n\n"), download(ascii(FormatControl.NON_PRINT), LF, latin1("\r\n\r\n")));
    }

    @Test
    void downloadKeepsAnUnterminatedLastLineAndEmptyData() {
        assertBytes(latin1("a\nb"), download(ascii(FormatControl.NON_PRINT), LF, latin1("a\r\nb")));
        assertBytes(new byte[0], download(ascii(FormatControl.NON_PRINT), LF, new byte[0]));
    }

    @Test
    void asciiBytesAreNotReEncodedWhateverTheLocalCharset() {
        // TYPE A leaves bytes alone; the local charset only matters for TYPE E
        LocalTextForm utf16 = local(StandardCharsets.UTF_16BE, "\n");
        assertBytes(bytes(0xC3, 0xA9, 0x0A), download(ascii(FormatControl.NON_PRINT), utf16, bytes(0xC3, 0xA9, 0x0D, 0x0A)));
        assertBytes(bytes(0xC3, 0xA9, 0x0D, 0x0A), upload(ascii(FormatControl.NON_PRINT), utf16, bytes(0xC3, 0xA9, 0x0A)));
        assertBytes(bytes(0xE9, 0x80, 0xFF, 0x0D, 0x0A), upload(ascii(FormatControl.NON_PRINT), LF, bytes(0xE9, 0x80, 0xFF, 0x0A)));
    }

    @ParameterizedTest
    @EnumSource(value = FormatControl.class, names = {"NON_PRINT", "TELNET"})
    void uploadTurnsLfIntoCrLfAndNeverDoublesCr(FormatControl f) {
        for (LocalTextForm local : new LocalTextForm[] {LF, CRLF}) {
            assertBytes(latin1("one\r\ntwo\r\n"), upload(ascii(f), local, latin1("one\ntwo\n")));
            assertBytes(latin1("one\r\ntwo\r\n"), upload(ascii(f), local, latin1("one\r\ntwo\r\n")));
            assertBytes(latin1("a\r\n\r\n\r\nb"), upload(ascii(f), local, latin1("a\n\r\n\nb")));
        }
    }

    @Test
    void uploadPassesLoneCrAndOtherBytes() {
        Representation a = ascii(FormatControl.NON_PRINT);
        assertBytes(latin1("a\rb\r\n"), upload(a, LF, latin1("a\rb\n")));
        assertBytes(latin1("a\r\r\n"), upload(a, LF, latin1("a\r\r\n")));
        assertBytes(latin1("a\r"), upload(a, LF, latin1("a\r")));
        assertBytes(latin1("\f\u000b\t\r\n"), upload(a, LF, latin1("\f\u000b\t\n")));
        assertBytes(new byte[0], upload(a, LF, new byte[0]));
    }

    @Test
    void crAtTheEndOfOneWriteAndLfAtTheStartOfTheNext() throws Exception {
        Representation a = ascii(FormatControl.NON_PRINT);
        byte[] wire = latin1("a\r\nb\rc");
        int[][] split = {{0, 2}, {2, 4}, {6, 0}};
        assertBytes(latin1("a\nb\rc"), CodecHarness.run(out -> RepresentationCodecs.decoder(a, LF, out), wire, split));
        byte[] text = latin1("a\r\nb\rc\n");
        int[][] split2 = {{0, 2}, {2, 3}, {5, 2}};
        assertBytes(latin1("a\r\nb\rc\r\n"),
                CodecHarness.run(out -> RepresentationCodecs.encoder(a, LF, out), text, split2));
    }
}
