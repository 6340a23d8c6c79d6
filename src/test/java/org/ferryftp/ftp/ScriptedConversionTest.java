package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;

import org.ferryftp.ftp.repr.FileStructure;
import org.ferryftp.ftp.repr.FormatControl;
import org.ferryftp.ftp.repr.LocalTextForm;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.TransferMode;
import org.ferryftp.ftp.repr.TransferType;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.testsupport.ScriptedServerFixture;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Representation conversion end to end: what goes over the data connection is checked byte for
 * byte against expectations written by hand from RFC 959, on a server that accepts TYPE E/L and
 * STRU R/P (MINA refuses them).
 */
class ScriptedConversionTest {

    @AutoClose
    final ScriptedServerFixture scripted = new ScriptedServerFixture();
    final ScriptedFtpServer server = scripted.server();

    FtpSession session(Representation r) throws FtpException {
        return scripted.connect(SessionSettings.of("127.0.0.1", server.port(), Credentials.of("ferry", "secret"))
                .withRepresentation(r).withLocalText(LocalTextForm.UNIX));
    }

    byte[] download(Representation r, byte[] wire) throws Exception {
        server.putFile("/f", wire);
        try (FtpSession s = session(r)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            s.retrieve("/f", out, 0, TransferListener.NONE);
            return out.toByteArray();
        }
    }

    byte[] upload(Representation r, byte[] local) throws Exception {
        try (FtpSession s = session(r)) {
            s.store("/u", new ByteArrayInputStream(local), 0, TransferListener.NONE);
        }
        return server.file("/u");
    }

    static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void typeAsciiNonPrint() throws Exception {
        Representation a = Representation.ASCII;
        assertArrayEquals(ascii("one\r\ntwo\r\n"), upload(a, ascii("one\ntwo\n")));
        assertArrayEquals(ascii("one\ntwo\n"), download(a, ascii("one\r\ntwo\r\n")));
        assertEquals("A N", server.lastArgument("TYPE"));
    }

    @Test
    void typeAsciiCarriageControl() throws Exception {
        Representation c = Representation.ASCII.withFormat(FormatControl.CARRIAGE_CONTROL);
        // ' ' one line, '0' a blank line first, '1' new page (form feed), '+' overprint.
        assertArrayEquals(ascii("Title\n\nbody\n\fPage two\nbold\rbold\n"),
                download(c, ascii(" Title\r\n0body\r\n1Page two\r\n bold\r\n+bold\r\n")));
        assertArrayEquals(ascii(" Title\r\n0body\r\n1Page two\r\n"), upload(c, ascii("Title\n\nbody\n\fPage two\n")));
        assertEquals("A C", server.lastArgument("TYPE"));
    }

    @Test
    void typeEbcdic() throws Exception {
        Representation e = Representation.BINARY.withType(TransferType.EBCDIC);
        // IBM-1047: H=C8 E=C5 L=D3 O=D6, W=E6 e=85 l=93 t=A3; NL (0x15) ends a line.
        assertArrayEquals(ascii("HELLO\nWelt\n"),
                download(e, bytes(0xC8, 0xC5, 0xD3, 0xD3, 0xD6, 0x15, 0xE6, 0x85, 0x93, 0xA3, 0x15)));
        // G=C7 r=99 ü=DC ß=59 e=85
        assertArrayEquals(bytes(0xC7, 0x99, 0xDC, 0x59, 0x85, 0x15), upload(e, "Grüße\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("E N", server.lastArgument("TYPE"));
    }

    @Test
    void typeEbcdicRefusesCharactersItCannotCarry() throws Exception {
        Representation e = Representation.BINARY.withType(TransferType.EBCDIC);
        try (FtpSession s = session(e)) {
            FtpException ex = assertThrows(FtpException.class, () -> s.store("/x",
                    new ByteArrayInputStream("snow ☃\n".getBytes(StandardCharsets.UTF_8)), 0, TransferListener.NONE));
            assertTrue(ex.getMessage().contains("U+2603"), ex.getMessage());
            assertEquals(200, s.noop().code());
        }
    }

    @Test
    void recordStructure() throws Exception {
        Representation r = Representation.ASCII.withStructure(FileStructure.RECORD);
        // 0xFF 0x01 end of record, 0xFF 0x03 end of record and file, 0xFF 0xFF a data byte 0xFF.
        assertArrayEquals(concat(ascii("rec1\nre"), bytes(0xFF), ascii("c2\n")),
                download(r, concat(ascii("rec1"), bytes(0xFF, 0x01), ascii("re"), bytes(0xFF, 0xFF), ascii("c2"),
                        bytes(0xFF, 0x03))));
        assertArrayEquals(concat(ascii("a"), bytes(0xFF, 0x01), ascii("b"), bytes(0xFF, 0xFF), bytes(0xFF, 0x03)),
                upload(r, concat(ascii("a\nb"), bytes(0xFF), ascii("\n"))));
        assertEquals("R", server.lastArgument("STRU"));
    }

    @Test
    void recordStructureRejectsBadEscapes() throws Exception {
        Representation r = Representation.ASCII.withStructure(FileStructure.RECORD);
        FtpException e = assertThrows(FtpException.class, () -> download(r, concat(ascii("x"), bytes(0xFF, 0x07))));
        assertTrue(e.getMessage().contains("could not be converted"), e.getMessage());
    }

    @Test
    void pageStructure() throws Exception {
        Representation p = Representation.BINARY.withStructure(FileStructure.PAGE);
        // Header: length, index, data length, type (1 simple, 2 descriptor, 0 last).
        byte[] wire = concat(bytes(4, 1, 3, 1), ascii("abc"), bytes(4, 9, 2, 2), ascii("zz"), bytes(4, 2, 2, 1),
                ascii("de"), bytes(4, 3, 0, 0));
        assertArrayEquals(ascii("abcde"), download(p, wire));
        assertArrayEquals(concat(bytes(4, 1, 5, 1), ascii("hello"), bytes(4, 2, 0, 0)), upload(p, ascii("hello")));
        assertEquals("P", server.lastArgument("STRU"));
    }

    @Test
    void pageStructureWithoutLastPageIsNotComplete() {
        Representation p = Representation.BINARY.withStructure(FileStructure.PAGE);
        FtpException e = assertThrows(FtpException.class, () -> download(p, concat(bytes(4, 1, 1, 1), ascii("a"))));
        assertTrue(e.getMessage().contains("last-page"), e.getMessage());
    }

    @Test
    void localByteSize() throws Exception {
        byte[] raw = bytes(0, 1, 0xFF, 0x0D, 0x0A);
        assertArrayEquals(raw, download(Representation.BINARY.withLocalByteSize(8), raw));
        assertEquals("L 8", server.lastArgument("TYPE"));
        assertArrayEquals(raw, upload(Representation.BINARY.withLocalByteSize(36), raw));
        assertEquals("L 36", server.lastArgument("TYPE"));
    }

    @Test
    void asciiWithDeflate() throws Exception {
        server.features("UTF8", "SIZE", "MODE Z");
        Representation az = Representation.ASCII.withMode(TransferMode.DEFLATE);
        assertArrayEquals(ascii("x\r\ny\r\n"), upload(az, ascii("x\ny\n")));
        assertEquals("Z", server.lastArgument("MODE"));
        assertArrayEquals(ascii("x\ny\n"), download(az, ascii("x\r\ny\r\n")));
    }
}
