package org.ferryftp.ftp;

import org.ferryftp.session.ListingResult;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A directory that does not exist is an error, never an empty listing: vsftpd's 150 + "226 Transfer done (but
 * failed to open directory)", a server's 550, with and without MLST.
 */
class MissingDirectoryTest {

    /** What vsftpd advertises: no MLST, so no MLSD either. */
    private static final String[] VSFTPD_FEATURES = {"EPRT", "EPSV", "MDTM", "PASV", "REST STREAM", "SIZE", "TVFS",
            "UTF8"};

    ScriptedFtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedFtpServer();
        server.mkdir("/pub/empty").putFile("/pub/a.txt", "a".getBytes());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FtpSession connect() throws FtpException {
        return server.connect(LogListener.NONE);
    }

    @Test
    void vsftpdsFailedListingIsNoSuchDirectoryQuotingTheServer() throws Exception {
        server.features(VSFTPD_FEATURES).listMissingLikeVsftpd();
        try (FtpSession s = connect()) {
            NoSuchDirectoryException e = assertThrows(NoSuchDirectoryException.class, () -> s.list("/pub/missing"));
            assertEquals("no such directory: /pub/missing (550 Failed to change directory.)", e.getMessage());
            assertFalse(e.isConnectionBroken());
            // The probe went back where the session was; relative paths keep their meaning.
            assertEquals("/", s.pwd());
            assertEquals(List.of("a.txt", "empty"), s.list("pub").entries().stream().map(x -> x.name()).toList());
            assertTrue(s.list("/pub/empty").entries().isEmpty(), "an empty directory is still fine");
            assertThrows(NoSuchDirectoryException.class, () -> s.list("nowhere", batch -> true));
        }
    }

    @Test
    void aListingWithEntriesCostsNoExtraCommand() throws Exception {
        server.features(VSFTPD_FEATURES).listMissingLikeVsftpd();
        try (FtpSession s = connect()) {
            int before = server.commands().size();
            s.list("/pub");
            List<String> sent = server.commands().subList(before, server.commands().size());
            assertTrue(sent.stream().noneMatch(c -> c.startsWith("CWD") || c.startsWith("PWD") || c.startsWith("MLST")),
                    sent.toString());
        }
    }

    @Test
    void withMlstOneCommandTellsMissingFromEmpty() throws Exception {
        server.listMissingLikeVsftpd();
        server.features("UTF8", "SIZE", "MDTM", "EPSV", "MLST type*;size*;modify*;");
        try (FtpSession s = connect()) {
            NoSuchDirectoryException e = assertThrows(NoSuchDirectoryException.class, () -> s.list("/pub/missing"));
            assertEquals("no such directory: /pub/missing (550 No such file or directory.)", e.getMessage());
            ListingResult empty = s.list("/pub/empty");
            assertTrue(empty.entries().isEmpty());
            assertFalse(server.commands().stream().anyMatch(c -> c.startsWith("CWD")), server.commands().toString());
        }
    }

    @Test
    void requireDirectoryTellsFilesFromMissingPaths() throws Exception {
        for (String[] features : List.of(VSFTPD_FEATURES, new String[] {"SIZE", "EPSV", "MLST type*;size*;"})) {
            server.features(features);
            try (FtpSession s = connect()) {
                s.requireDirectory("/pub");
                s.requireDirectory("");
                NoSuchDirectoryException missing = assertThrows(NoSuchDirectoryException.class,
                        () -> s.requireDirectory("/nope"));
                assertTrue(missing.getMessage().startsWith("no such directory: /nope (550 "), missing.getMessage());
                assertEquals("/", s.pwd());
            }
        }
    }

    @Test
    void againstMina(@TempDir Path root) throws Exception {
        try (EmbeddedMinaServer mina = new EmbeddedMinaServer(root)) {
            mina.write("docs/a.txt", new byte[3]);
            java.nio.file.Files.createDirectories(root.resolve("empty"));
            try (FtpSession s = new FtpSession(SessionSettings.of("127.0.0.1", mina.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), "mina", LogListener.NONE)) {
                s.connect();
                NoSuchDirectoryException e = assertThrows(NoSuchDirectoryException.class, () -> s.list("missing"));
                // MINA answers MLST of a missing path with 501 Not a valid pathname.
                assertTrue(e.getMessage().startsWith("no such directory: missing (5"), e.getMessage());
                assertTrue(s.list("empty").entries().isEmpty());
                assertEquals(1, s.list("docs").entries().size());
                NoSuchDirectoryException file = assertThrows(NoSuchDirectoryException.class,
                        () -> s.requireDirectory("docs/a.txt"));
                assertTrue(file.isFile(), file.getMessage());
                assertEquals("not a directory: docs/a.txt (a file)", file.getMessage());
            }
        }
    }
}
