package org.ferryftp.ftp;

import org.ferryftp.session.RemoteChecksum;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link FtpSession#checksum} against the scripted server, one FEAT set-up per command. */
class ChecksumTest {

    static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    static final String SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String SHA1 = "a9993e364706816aba3e25717850c26c9cd0d89d";
    static final String MD5 = "900150983cd24fb0d6963f7d28e17f72";
    static final String CRC32 = "352441c2";

    ScriptedFtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedFtpServer();
        server.putFile("/pub/abc.txt", ABC);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FtpSession connect(String... features) throws FtpException {
        server.features(features);
        return server.connect(entry -> { });
    }

    long count(String prefix) {
        return server.commands().stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Test
    void hashSelectsTheStrongestAlgorithmOnce() throws Exception {
        try (FtpSession s = connect("SIZE", "HASH SHA-1*;SHA-256;MD5;CRC32")) {
            assertEquals(Optional.of(new RemoteChecksum("SHA-256", SHA256)), s.checksum("/pub/abc.txt"));
            assertEquals(Optional.of(new RemoteChecksum("SHA-256", SHA256)), s.checksum("/pub/abc.txt"));
        }
        assertEquals(1, count("OPTS HASH"));
        assertEquals("HASH SHA-256", server.commands().stream().filter(c -> c.startsWith("OPTS HASH")).findFirst()
                .orElseThrow().substring(5));
        assertEquals(2, count("HASH /pub/abc.txt"));
    }

    @Test
    void hashNeedsNoOptsWhenTheStrongestIsAlreadyCurrent() throws Exception {
        try (FtpSession s = connect("HASH SHA-256*;SHA-1;MD5")) {
            assertEquals(Optional.of(new RemoteChecksum("SHA-256", SHA256)), s.checksum("/pub/abc.txt"));
        }
        assertEquals(0, count("OPTS HASH"));
    }

    @Test
    void hashWithoutAMarkSelectsExplicitly() throws Exception {
        try (FtpSession s = connect("HASH MD5;CRC32")) {
            assertEquals(Optional.of(new RemoteChecksum("MD5", MD5)), s.checksum("/pub/abc.txt"));
        }
        assertEquals(1, count("OPTS HASH MD5"));
    }

    @Test
    void hashKeepsPathsWithSpaces() throws Exception {
        server.putFile("/pub/my file.txt", ABC);
        try (FtpSession s = connect("HASH CRC32*")) {
            assertEquals(Optional.of(new RemoteChecksum("CRC32", CRC32)), s.checksum("/pub/my file.txt"));
        }
    }

    @Test
    void hashIsPreferredOverTheXCommands() throws Exception {
        try (FtpSession s = connect("XCRC", "XMD5", "HASH SHA-1*", "XSHA256")) {
            assertEquals("SHA-1", s.checksum("/pub/abc.txt").orElseThrow().algorithm());
        }
        assertEquals(0, count("XSHA256"));
    }

    @Test
    void xsha256() throws Exception {
        try (FtpSession s = connect("XCRC", "XMD5", "XSHA1", "XSHA256")) {
            assertEquals(Optional.of(new RemoteChecksum("SHA-256", SHA256)), s.checksum("/pub/abc.txt"));
        }
        assertEquals("/pub/abc.txt", server.lastArgument("XSHA256"));
    }

    @Test
    void xsha1() throws Exception {
        try (FtpSession s = connect("XMD5", "XSHA1", "XCRC")) {
            assertEquals(Optional.of(new RemoteChecksum("SHA-1", SHA1)), s.checksum("/pub/abc.txt"));
        }
    }

    @Test
    void xmd5() throws Exception {
        try (FtpSession s = connect("XCRC", "XMD5")) {
            assertEquals(Optional.of(new RemoteChecksum("MD5", MD5)), s.checksum("/pub/abc.txt"));
        }
    }

    @Test
    void xcrc() throws Exception {
        try (FtpSession s = connect("XCRC")) {
            assertEquals(Optional.of(new RemoteChecksum("CRC32", CRC32)), s.checksum("/pub/abc.txt"));
        }
    }

    @Test
    void nothingAdvertisedMeansNoChecksumAndNoCommand() throws Exception {
        try (FtpSession s = connect("SIZE", "MDTM")) {
            assertEquals(Optional.empty(), s.checksum("/pub/abc.txt"));
        }
        assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("HASH") || c.startsWith("X")));
    }

    @Test
    void hashWithOnlyUnknownAlgorithmsMeansNoChecksum() throws Exception {
        try (FtpSession s = connect("HASH BLAKE3*")) {
            assertEquals(Optional.empty(), s.checksum("/pub/abc.txt"));
        }
    }

    @Test
    void refusalsAreReported() throws Exception {
        try (FtpSession s = connect("HASH SHA-256*", "XCRC")) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> s.checksum("/pub/missing"));
            assertEquals(550, e.reply().code());
            assertEquals("/", s.pwd(), "the session stays usable");
        }
        try (FtpSession s = connect("HASH SHA-512;SHA-256")) {
            server.refuse("OPTS", "HASH SHA-512");
            assertEquals(504, assertThrows(FtpRefusedException.class, () -> s.checksum("/pub/abc.txt"))
                    .reply().code());
        }
    }

    @Test
    void xRepliesAreReadLeniently() throws Exception {
        server.script("XCRC", "213 0x1685F0\r\n");
        try (FtpSession s = connect("XCRC")) {
            assertEquals(new RemoteChecksum("CRC32", "001685f0"), s.checksum("/pub/abc.txt").orElseThrow());
        }
        server.script("XMD5", "250 /pub/abc.txt 900150983CD24FB0D6963F7D28E17F72\r\n");
        try (FtpSession s = connect("XMD5")) {
            assertEquals(new RemoteChecksum("MD5", MD5), s.checksum("/pub/abc.txt").orElseThrow());
        }
    }

    @Test
    void unreadableRepliesAreProtocolErrors() throws Exception {
        server.script("XSHA1", "250 checksum unavailable\r\n");
        try (FtpSession s = connect("XSHA1")) {
            assertThrows(FtpProtocolException.class, () -> s.checksum("/pub/abc.txt"));
        }
        server.script("HASH", "213 SHA-256 0-3\r\n");
        try (FtpSession s = connect("HASH SHA-256*")) {
            assertThrows(FtpProtocolException.class, () -> s.checksum("/pub/abc.txt"));
        }
    }

    @Test
    void theServerCanBeToldToLie() throws Exception {
        server.wrongChecksum("/pub/abc.txt");
        try (FtpSession s = connect("HASH SHA-256*", "XMD5")) {
            RemoteChecksum wrong = s.checksum("/pub/abc.txt").orElseThrow();
            assertEquals("SHA-256", wrong.algorithm());
            assertEquals(64, wrong.hex().length());
            assertNotEquals(SHA256, wrong.hex());
            server.correctChecksum("/pub/abc.txt");
            assertTrue(s.checksum("/pub/abc.txt").orElseThrow().matches(SHA256.toUpperCase()));
        }
    }

    @Test
    void optsHashWithoutArgumentReportsTheCurrentAlgorithm() throws Exception {
        try (FtpSession s = connect("HASH SHA-1*;MD5")) {
            FtpReply r = s.expect("OPTS", "HASH", 200);
            assertEquals(List.of("200 SHA-1"), r.lines());
        }
    }
}
