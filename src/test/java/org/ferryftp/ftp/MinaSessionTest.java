package org.ferryftp.ftp;

import org.ferryftp.session.RemoteTree;

import org.ferryftp.session.TransferListener;

import org.ferryftp.session.EntryKind;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Session basics against embedded Apache MINA FtpServer: login, features, navigation, listings, file commands. */
class MinaSessionTest {

    @TempDir
    Path root;
    EmbeddedMinaServer server;
    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    FtpSession session(Credentials credentials) throws FtpException {
        FtpSession s = new FtpSession(SessionSettings.of("127.0.0.1", server.port(), credentials), "test", log::add);
        s.connect();
        return s;
    }

    FtpSession alice() throws FtpException {
        return session(Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD));
    }

    @Test
    void logsInReadsFeaturesAndMasksThePassword() throws Exception {
        try (FtpSession s = alice()) {
            assertTrue(s.features().has("SIZE"));
            assertTrue(s.features().supportsMachineListing());
            assertEquals("/", s.pwd());
        }
        assertTrue(log.stream().anyMatch(e -> e.direction() == LogEntry.Direction.SENT && e.text().equals("PASS ****")));
        assertFalse(log.stream().anyMatch(e -> e.text().contains(EmbeddedMinaServer.PASSWORD)));
        assertTrue(log.stream().anyMatch(e -> e.direction() == LogEntry.Direction.RECEIVED && e.text().startsWith("230")));
    }

    @Test
    void wrongPasswordIsReportedInPlainWords() {
        try (LogCapture appLog = LogCapture.of(FtpSession.class)) {
            FtpRefusedException e = assertThrows(FtpRefusedException.class,
                    () -> session(Credentials.of(EmbeddedMinaServer.USER, "wrong")));
            assertTrue(e.getMessage().startsWith("login failed: the password was not accepted"), e.getMessage());
            assertFalse(e.getMessage().contains("wrong"));
            assertEquals(1, appLog.lines().size(), appLog.lines().toString());
            assertTrue(appLog.lines().get(0).startsWith("WARN ") && appLog.lines().get(0).endsWith(e.getMessage()),
                    "the failed login is in the application log: " + appLog.lines());
        }
    }

    @Test
    void anonymousLogin() throws Exception {
        Files.writeString(root.resolve("pub/readme.txt"), "hello");
        try (FtpSession s = session(Credentials.anonymous())) {
            assertEquals("/", s.pwd());
            assertEquals(5, s.size("readme.txt"));
        }
    }

    @Test
    void navigatesAndCreatesDirectoriesWithParents() throws Exception {
        try (FtpSession s = alice()) {
            new RemoteTree(s).makeDirectories("/a/b/c");
            new RemoteTree(s).makeDirectories("/a/b/c");
            assertTrue(Files.isDirectory(root.resolve("a/b/c")));
            s.cwd("/a/b");
            assertEquals("/a/b", s.pwd());
            s.cwd("..");
            assertEquals("/a", s.pwd());
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> s.cwd("/missing"));
            assertEquals(550, e.reply().code());
            assertEquals("/a", s.pwd());
        }
    }

    @Test
    void listsWithMlsdListAndNlst() throws Exception {
        server.write("dir/one.bin", new byte[1234]);
        server.write("dir/sub/x", new byte[1]);
        try (FtpSession s = alice()) {
            ListingResult mlsd = s.list("/dir");
            assertTrue(mlsd.unparsed().isEmpty(), mlsd.unparsed().toString());
            RemoteEntry one = find(mlsd, "one.bin");
            assertEquals(EntryKind.FILE, one.kind());
            assertEquals(1234, one.size());
            assertEquals(EntryKind.DIRECTORY, find(mlsd, "sub").kind());
            assertEquals(2, mlsd.entries().size());

            ListingResult list = org.ferryftp.ftp.listing.ListingParser.parseList(s.listLines("LIST", "/dir"), s.system());
            assertEquals(1234, find(list, "one.bin").size());
            assertEquals(EntryKind.DIRECTORY, find(list, "sub").kind());

            List<String> names = s.nameList("/dir");
            assertTrue(names.stream().anyMatch(n -> n.endsWith("one.bin")), names.toString());
        }
    }

    @Test
    void fileCommands() throws Exception {
        server.write("f.txt", "data".getBytes());
        try (FtpSession s = alice()) {
            assertEquals(4, s.size("f.txt"));
            java.time.Instant t = java.time.Instant.parse("2020-02-03T04:05:06Z");
            s.setModificationTime("f.txt", t);
            assertEquals(t, s.modificationTime("f.txt"));
            s.rename("f.txt", "g.txt");
            assertTrue(Files.exists(root.resolve("g.txt")));
            s.delete("g.txt");
            assertFalse(Files.exists(root.resolve("g.txt")));
            s.makeDirectory("d");
            s.removeDirectory("d");
            assertFalse(Files.exists(root.resolve("d")));
            assertEquals(200, s.noop().code());
        }
    }

    @Test
    void recursiveDelete() throws Exception {
        server.write("tree/a/b/c.txt", new byte[10]);
        server.write("tree/a/d.txt", new byte[10]);
        server.write("tree/e.txt", new byte[10]);
        try (FtpSession s = alice()) {
            new RemoteTree(s).removeRecursively("/tree");
        }
        assertFalse(Files.exists(root.resolve("tree")));
    }

    @Test
    void lineBreaksInArgumentsNeverReachTheWire() throws Exception {
        server.write("keep.txt", new byte[3]);
        server.write("b", new byte[3]);
        try (FtpSession s = alice()) {
            assertThrows(UnsafeArgumentException.class, () -> s.delete("x\r\nDELE b"));
            assertThrows(UnsafeArgumentException.class, () -> s.rename("keep.txt", "y\nDELE keep.txt"));
            assertThrows(UnsafeArgumentException.class, () -> s.cwd("a\0b"));
            assertEquals(200, s.noop().code());
        }
        assertTrue(Files.exists(root.resolve("keep.txt")));
        assertTrue(Files.exists(root.resolve("b")));
        assertFalse(log.stream().anyMatch(e -> e.text().contains("DELE")));
    }

    @Test
    void unreachableServerGivesAClearError() {
        int port = server.port();
        server.close();
        FtpException e = assertThrows(FtpException.class,
                () -> new FtpSession(SessionSettings.of("127.0.0.1", port, Credentials.anonymous()), "t", log::add).connect());
        assertTrue(e.getMessage().startsWith("cannot connect to 127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void keepAliveSendsNoopOnlyWhenIdle() throws Exception {
        try (FtpSession s = alice()) {
            assertFalse(s.keepAliveIfIdle(java.time.Duration.ofHours(1)));
            assertTrue(s.keepAliveIfIdle(java.time.Duration.ZERO));
        }
        assertEquals(1, log.stream().filter(e -> e.text().equals("NOOP")).count());
    }

    static RemoteEntry find(ListingResult listing, String name) {
        return listing.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + listing.entries()));
    }

    static byte[] download(FtpSession s, String path) throws FtpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        s.retrieve(path, out, 0, TransferListener.NONE);
        return out.toByteArray();
    }

    static void upload(FtpSession s, String path, byte[] data) throws FtpException {
        s.store(path, new ByteArrayInputStream(data), 0, TransferListener.NONE);
    }
}
