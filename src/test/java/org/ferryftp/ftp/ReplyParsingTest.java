package org.ferryftp.ftp;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing of reply texts: FEAT, PASV/EPSV addresses, quoted paths, masking, reply size bounds. */
class ReplyParsingTest {

    @Test
    void featuresAreParsedCaseInsensitively() {
        Features f = Features.parse(List.of("211-Features:", " MDTM", " REST STREAM", " mlst type*;size*;modify*;",
                " UTF8", " AUTH TLS", " AUTH SSL", " MODE Z", "211 End"));
        assertTrue(f.has("mdtm"));
        assertTrue(f.has("REST", "STREAM"));
        assertTrue(f.has("MLST", "size"));
        assertTrue(f.has("AUTH", "SSL"));
        assertTrue(f.has("MODE", "Z"));
        assertTrue(f.supportsMachineListing());
        assertFalse(f.has("EPSV"));
        assertEquals(null, f.checksumCommand());
    }

    @Test
    void pasvAddressIsParsedAndValidated() throws Exception {
        assertEquals(new HostPort("10.1.2.3", 4 * 256 + 5),
                HostPort.parsePasv(new FtpReply(227, List.of("227 Entering Passive Mode (10,1,2,3,4,5)."))));
        assertEquals(new HostPort("127.0.0.1", 50000),
                HostPort.parsePasv(new FtpReply(227, List.of("227 =127,0,0,1,195,80"))));
        assertThrows(FtpProtocolException.class,
                () -> HostPort.parsePasv(new FtpReply(227, List.of("227 Entering Passive Mode (300,1,2,3,4,5)"))));
        assertThrows(FtpProtocolException.class,
                () -> HostPort.parsePasv(new FtpReply(227, List.of("227 nothing here"))));
    }

    @Test
    void epsvPortIsParsedAndValidated() throws Exception {
        assertEquals(6446, HostPort.parseEpsvPort(new FtpReply(229, List.of("229 Entering Extended Passive Mode (|||6446|)"))));
        assertEquals(21000, HostPort.parseEpsvPort(new FtpReply(229, List.of("229 ok (!!!21000!)"))));
        assertThrows(FtpProtocolException.class,
                () -> HostPort.parseEpsvPort(new FtpReply(229, List.of("229 (|||70000|)"))));
        assertThrows(FtpProtocolException.class,
                () -> HostPort.parseEpsvPort(new FtpReply(229, List.of("229 (|1|h|5|)"))));
    }

    @Test
    void portAndEprtArguments() {
        assertEquals("127,0,0,1,195,80", new HostPort("127.0.0.1", 50000).toPortArgument());
        assertEquals("|1|127.0.0.1|50000|", new HostPort("127.0.0.1", 50000).toEprtArgument());
        assertEquals("|2|::1|2121|", new HostPort("::1", 2121).toEprtArgument());
    }

    @Test
    void quotedPathsFollowRfc959() throws Exception {
        assertEquals("/home/a \"q\" dir",
                PathReplies.quotedPath(new FtpReply(257, List.of("257 \"/home/a \"\"q\"\" dir\" is current directory"))));
        assertThrows(FtpProtocolException.class,
                () -> PathReplies.quotedPath(new FtpReply(257, List.of("257 \"/unterminated"))));
    }

    @Test
    void secretsAreMasked() {
        assertEquals("PASS ****", ProtocolLogBridge.mask("PASS hunter2"));
        assertEquals("acct ****", ProtocolLogBridge.mask("acct 12345"));
        assertEquals("USER bob", ProtocolLogBridge.mask("USER bob"));
    }

    @Test
    void unsafeArgumentsAreRefused() throws Exception {
        assertEquals("ok name.txt", CommandArguments.requireSafe("path", "ok name.txt"));
        for (String bad : new String[] {"a\rb", "a\nb", "a\0b", "x\r\nDELE y"}) {
            assertThrows(UnsafeArgumentException.class, () -> CommandArguments.requireSafe("path", bad));
        }
    }

    @Test
    void replyLimitsStopEndlessLinesAndReplies() throws Exception {
        String longLine = "200 " + "x".repeat(200) + "\r\n";
        assertThrows(FtpProtocolException.class, () -> drain(new ReplyLimitingReader(new StringReader(longLine), 100, 1000)));

        StringBuilder endless = new StringBuilder("211-start\r\n");
        endless.append(" feature line\r\n".repeat(200));
        assertThrows(FtpProtocolException.class,
                () -> drain(new ReplyLimitingReader(new StringReader(endless.toString()), 100, 1000)));

        // Many ordinary replies in a row are fine: the reply budget resets at each reply's end.
        String many = ("211-x\r\n line\r\n211 end\r\n" + "200 ok\r\n").repeat(500);
        drain(new ReplyLimitingReader(new StringReader(many), 100, 1000));
    }

    private static void drain(Reader r) throws IOException {
        char[] buf = new char[7];
        while (r.read(buf, 0, buf.length) >= 0) {
            // Reading is the test.
        }
    }
}
