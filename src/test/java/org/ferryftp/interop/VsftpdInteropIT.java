package org.ferryftp.interop;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.session.RemoteTree;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TransferAbortedException;
import org.ferryftp.session.TransferListener;
import org.ferryftp.ftp.UnsafeArgumentException;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.ftp.repr.LocalTextForm;
import org.ferryftp.ftp.repr.Representation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against real vsftpd on loopback (started by .ci/run). */
class VsftpdInteropIT {

    VsftpdServer server;
    String dir;
    Path serverDir;
    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void prepare() throws Exception {
        server = VsftpdServer.fromEnvironment();
        dir = "it-" + UUID.randomUUID();
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            s.makeDirectory(dir);
        }
        serverDir = server.root().resolve(dir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (serverDir != null && Files.exists(serverDir)) {
            try (Stream<Path> walk = Files.walk(serverDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    FtpSession session(DataConnectionSettings data, Representation repr) throws Exception {
        SessionSettings settings = SessionSettings.of(server.host(), server.port(),
                Credentials.of(server.user(), server.password())).withData(data).withRepresentation(repr);
        FtpSession s = new FtpSession(settings, "vsftpd", log::add);
        s.connect();
        return s;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @EnumSource(value = DataConnectionMode.class, names = {"PASSIVE", "ACTIVE"})
    void getPutRoundTripIsByteIdentical(DataConnectionMode mode) throws Exception {
        byte[] data = random(5_000_000, 11);
        try (FtpSession s = session(DataConnectionSettings.PASSIVE.withMode(mode), Representation.BINARY)) {
            s.store(dir + "/blob.bin", new ByteArrayInputStream(data), 0, TransferListener.NONE);
            assertArrayEquals(data, Files.readAllBytes(serverDir.resolve("blob.bin")));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            s.retrieve(dir + "/blob.bin", back, 0, TransferListener.NONE);
            assertArrayEquals(data, back.toByteArray());
            assertEquals(data.length, s.size(dir + "/blob.bin"));
        }
        String expected = mode == DataConnectionMode.ACTIVE ? "PORT " : "EPSV";
        assertTrue(log.stream().anyMatch(e -> e.text().startsWith(expected)), "expected " + expected);
    }

    @Test
    void listsUnicodeAndSpaceNames() throws Exception {
        String unicode = "Grüße aus Köln – 東京.txt";
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            assertTrue(s.features().has("UTF8"), "vsftpd should advertise UTF8: " + s.features());
            new RemoteTree(s).makeDirectories(dir + "/with space/inner dir");
            s.store(dir + "/with space/" + unicode, new ByteArrayInputStream(new byte[321]), 0, TransferListener.NONE);
            ListingResult listing = s.list(dir + "/with space");
            assertTrue(listing.unparsed().isEmpty(), listing.unparsed().toString());
            RemoteEntry file = listing.entries().stream().filter(e -> e.name().equals(unicode)).findFirst().orElseThrow(
                    () -> new AssertionError("missing " + unicode + " in " + listing.entries()));
            assertEquals(321, file.size());
            assertTrue(listing.entries().stream().anyMatch(e -> e.name().equals("inner dir") && e.isDirectory()));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            s.retrieve(dir + "/with space/" + unicode, back, 0, TransferListener.NONE);
            assertEquals(321, back.size());
        }
        assertTrue(Files.exists(serverDir.resolve("with space").resolve(unicode)));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("OPTS UTF8 ON")));
    }

    @Test
    void resumesInBothDirections() throws Exception {
        byte[] data = random(2_000_000, 12);
        Files.write(serverDir.resolve("down.bin"), data);
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            // The partial upload must belong to the FTP user, so it is made over FTP.
            s.store(dir + "/up.bin", new ByteArrayInputStream(Arrays.copyOf(data, 750_000)), 0, TransferListener.NONE);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(data, 0, 500_000);
            s.retrieve(dir + "/down.bin", out, 500_000, TransferListener.NONE);
            assertArrayEquals(data, out.toByteArray());
            s.store(dir + "/up.bin", new ByteArrayInputStream(data), 750_000, TransferListener.NONE);
        }
        assertArrayEquals(data, Files.readAllBytes(serverDir.resolve("up.bin")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("REST 500000")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("REST 750000")));
    }

    @Test
    void renameDeleteMkdirWithParentsAndChmod() throws Exception {
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            s.store(dir + "/a.txt", new ByteArrayInputStream("A".getBytes()), 0, TransferListener.NONE);
            new RemoteTree(s).makeDirectories(dir + "/p/q/r");
            assertTrue(Files.isDirectory(serverDir.resolve("p/q/r")));
            s.rename(dir + "/a.txt", dir + "/p/q/b.txt");
            assertEquals("A", Files.readString(serverDir.resolve("p/q/b.txt")));
            s.chmod("640", dir + "/p/q/b.txt");
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(serverDir.resolve("p/q/b.txt"))));
            s.delete(dir + "/p/q/b.txt");
            assertFalse(Files.exists(serverDir.resolve("p/q/b.txt")));
            s.store(dir + "/p/q/r/deep.txt", new ByteArrayInputStream("x".getBytes()), 0, TransferListener.NONE);
            new RemoteTree(s).removeRecursively(dir + "/p");
            assertFalse(Files.exists(serverDir.resolve("p")));
        }
    }

    @Test
    void typeARoundTripConvertsLineEnds() throws Exception {
        Representation ascii = Representation.ASCII;
        String text = "first line\nsecond line\n\nlast\n";
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, ascii)) {
            s.store(dir + "/t.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), 0,
                    TransferListener.NONE);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            s.retrieve(dir + "/t.txt", back, 0, TransferListener.NONE);
            assertEquals(text.replace("\n", LocalTextForm.PLATFORM.lineSeparator()), back.toString(StandardCharsets.US_ASCII));
        }
        // vsftpd (ascii_upload_enable) stores Unix line ends, so CRLF crossed the wire and was undone.
        assertEquals(text, Files.readString(serverDir.resolve("t.txt")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("TYPE A N")));
    }

    @Test
    void lineBreakInjectionIsRefusedAndFilesUntouched() throws Exception {
        Files.writeString(serverDir.resolve("victim.txt"), "keep");
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            assertThrows(UnsafeArgumentException.class, () -> s.delete(dir + "/x\r\nDELE " + dir + "/victim.txt"));
            assertThrows(UnsafeArgumentException.class, () -> s.store(dir + "/n\nDELE " + dir + "/victim.txt",
                    new ByteArrayInputStream(new byte[1]), 0, TransferListener.NONE));
            assertThrows(UnsafeArgumentException.class, () -> s.makeDirectory(dir + "/a\0b"));
            assertEquals(200, s.noop().code());
        }
        assertEquals("keep", Files.readString(serverDir.resolve("victim.txt")));
        try (Stream<Path> files = Files.list(serverDir)) {
            assertEquals(List.of("victim.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void abortKeepsTheSessionInStep() throws Exception {
        Files.write(serverDir.resolve("huge.bin"), random(60_000_000, 13));
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            assertThrows(TransferAbortedException.class, () -> s.retrieve(dir + "/huge.bin",
                    OutputStreamSink.INSTANCE, 0, bytes -> {
                        if (bytes > 2_000_000) {
                            s.abort();
                        }
                    }));
            assertTrue(s.pwd().startsWith("/"));
            FtpRefusedException missing = assertThrows(FtpRefusedException.class,
                    () -> s.retrieve(dir + "/none", OutputStreamSink.INSTANCE, 0, TransferListener.NONE));
            assertEquals(550, missing.reply().code());
        }
    }

    /**
     * vsftpd answers LIST of a missing directory with 150 and "226 Transfer done (but failed to open directory)":
     * the engine makes that an error quoting CWD's 550, and an empty directory stays an empty listing.
     */
    @Test
    void aMissingDirectoryIsAnErrorNotAnEmptyListing() throws Exception {
        Files.createDirectories(serverDir.resolve("empty"));
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            org.ferryftp.ftp.NoSuchDirectoryException e = assertThrows(org.ferryftp.ftp.NoSuchDirectoryException.class,
                    () -> s.list(dir + "/missing"));
            assertEquals("no such directory: " + dir + "/missing (550 Failed to change directory.)", e.getMessage());
            assertTrue(s.list(dir + "/empty").entries().isEmpty());
            assertThrows(org.ferryftp.ftp.NoSuchDirectoryException.class, () -> s.nameList(dir + "/missing"));
        }
    }

    @Test
    void commandLineFailsOnAMissingDirectoryAndCreatesNothing(@org.junit.jupiter.api.io.TempDir Path local)
            throws Exception {
        try (FtpSession s = session(DataConnectionSettings.PASSIVE, Representation.BINARY)) {
            // Made through FTP, so that vsftpd's user may delete them again.
            s.store(dir + "/f.txt", new ByteArrayInputStream("file".getBytes()), 0, TransferListener.NONE);
            new RemoteTree(s).makeDirectories(dir + "/tree/sub");
            s.store(dir + "/tree/sub/t.txt", new ByteArrayInputStream("tree".getBytes()), 0, TransferListener.NONE);
        }
        String url = "ftp://" + server.user() + ":" + server.password() + "@" + server.host() + ":" + server.port()
                + "/" + dir;
        String missing = "ferry: no such directory: " + dir + "/missing (550 Failed to change directory.)";
        Path upload = Files.writeString(local.resolve("up.txt"), "up");
        Path down = local.resolve("down");
        for (String[] args : new String[][] {{"ls", url + "/missing"}, {"ls", "--names", url + "/missing"},
                {"get", "-r", url + "/missing", "-o", down.toString()}, {"rm", "-r", url + "/missing"},
                {"put", upload.toString(), url + "/missing/"}, {"put", "-r", local.toString(), url + "/missing"}}) {
            Cli run = Cli.run(args);
            assertEquals(1, run.code, String.join(" ", args) + ": " + run.err);
            assertEquals(missing, run.err.strip(), String.join(" ", args));
        }
        assertFalse(Files.exists(down));
        assertFalse(Files.exists(serverDir.resolve("missing")));

        Cli file = Cli.run("get", "-r", url + "/f.txt", "-o", local.toString());
        assertEquals(0, file.code, file.err);
        assertEquals("file", Files.readString(local.resolve("f.txt")));
        Cli tree = Cli.run("get", "-r", url + "/tree", "-o", down.toString());
        assertEquals(0, tree.code, tree.err);
        assertEquals("tree", Files.readString(down.resolve("tree/sub/t.txt")));
        Cli again = Cli.run("get", "-r", url + "/tree", "-o", down.toString());
        assertEquals(3, again.code, again.err);
        assertTrue(again.err.contains("1 file skipped because the target exists"), again.err);
        Cli rm = Cli.run("rm", "-r", url + "/tree");
        assertEquals(0, rm.code, rm.err);
        assertFalse(Files.exists(serverDir.resolve("tree")));
    }

    /** One in-process run of the ferry command line. */
    record Cli(int code, String err) {
        static Cli run(String... args) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = org.ferryftp.cli.FerryCommand.execute(args, new java.io.PrintStream(new ByteArrayOutputStream()),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8), java.util.Map.of());
            return new Cli(code, err.toString(StandardCharsets.UTF_8));
        }
    }

    /** Discards bytes. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
