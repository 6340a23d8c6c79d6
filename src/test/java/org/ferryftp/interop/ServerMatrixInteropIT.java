package org.ferryftp.interop;

import org.apache.commons.io.file.PathUtils;
import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.DataConnectionMode;
import org.ferryftp.ftp.DataConnectionSettings;
import org.ferryftp.ftp.FtpRefusedException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.session.RemoteChecksum;
import org.ferryftp.session.RemoteTree;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TransferAbortedException;
import org.ferryftp.session.TransferListener;
import org.ferryftp.ftp.listing.ListingParser;
import org.ferryftp.session.ListingResult;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.ftp.repr.LocalTextForm;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One suite, every real server of the matrix (vsftpd, ProFTPD, Pure-FTPd; plain and explicit FTPS with PROT P):
 * the engine's browsing, transfers and file operations must work the same against each. Each test works in its
 * own folder of the server's FTP root and checks the result on disk. Server quirks: src/docs/servers.md. The
 * scripted RFC 959-only server runs in-process, so its cases run everywhere.
 */
class ServerMatrixInteropIT {

    static final String EVERY = "VSFTPD|VSFTPD_FTPS|PROFTPD|PROFTPD_FTPS|PUREFTPD|PUREFTPD_FTPS|RFC959";

    MatrixServer.Endpoint server;
    String dir;
    Path serverDir;
    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    /** Connects to {@code on} and makes this test's own folder there. */
    FtpSession open(MatrixServer on) throws Exception {
        server = on.endpoint();
        dir = "matrix-" + UUID.randomUUID();
        serverDir = server.root().resolve(dir);
        FtpSession s = session(DataConnectionMode.PASSIVE, Representation.BINARY);
        s.makeDirectory(dir);
        return s;
    }

    FtpSession session(DataConnectionMode mode, Representation representation) throws Exception {
        SessionSettings settings = server.settings().withData(DataConnectionSettings.PASSIVE.withMode(mode))
                .withRepresentation(representation);
        FtpSession s = new FtpSession(settings, server.server().label, log::add);
        s.connect();
        if (server.tlsFingerprint() != null) {
            assertTrue(s.isSecure() && s.protectsData(), "FTPS with PROT P");
        }
        return s;
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (serverDir != null && Files.exists(serverDir)) {
            PathUtils.deleteDirectory(serverDir);
        }
        if (server != null && server.tlsFingerprint() != null) {
            // 522 (vsftpd), 425 (ProFTPD): a data connection that did not resume the TLS session was refused.
            assertTrue(log.stream().noneMatch(e -> e.text().startsWith("522 ") || e.text().startsWith("425 ")),
                    "a data connection was refused under FTPS");
        }
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static void put(FtpSession s, String path, byte[] data) throws Exception {
        s.store(path, new ByteArrayInputStream(data), 0, TransferListener.NONE);
    }

    static Map<String, String> summary(ListingResult listing) {
        assertTrue(listing.unparsed().isEmpty(), "unparsed lines: " + listing.unparsed());
        Map<String, String> m = new TreeMap<>();
        for (RemoteEntry e : listing.entries()) {
            m.put(e.name(), e.isDirectory() ? "dir" : String.valueOf(e.size()));
        }
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void browsesWithMlsdAndWithList(MatrixServer on) throws Exception {
        try (FtpSession s = open(on)) {
            put(s, dir + "/one.bin", random(1234, 1));
            put(s, dir + "/empty.txt", new byte[0]);
            s.makeDirectory(dir + "/sub");
            Map<String, String> expected = Map.of("one.bin", "1234", "empty.txt", "0", "sub", "dir");

            Map<String, String> byList = summary(ListingParser.parseList(s.listLines("LIST", dir), s.system()));
            assertEquals(new TreeMap<>(expected), byList, "LIST");
            assertEquals(on.quirks.machineListing, s.features().supportsMachineListing(), "MLST in FEAT");
            if (on.quirks.machineListing) {
                assertEquals(new TreeMap<>(expected), summary(ListingParser.parseMlsd(s.listLines("MLSD", dir))),
                        "MLSD");
            } else {
                FtpRefusedException refused = assertThrows(FtpRefusedException.class, () -> s.listLines("MLSD", dir));
                assertEquals(500, refused.reply().code());
            }
            assertEquals(new TreeMap<>(expected), summary(s.list(dir)), "the engine's own choice");
            String used = on.quirks.machineListing ? "MLSD " : "LIST ";
            assertTrue(log.stream().filter(e -> e.text().startsWith("MLSD ") || e.text().startsWith("LIST "))
                    .reduce((a, b) -> b).orElseThrow().text().startsWith(used), "the engine listed with " + used);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void transfersBothWaysInBothModesAndResumesBothWays(MatrixServer on) throws Exception {
        byte[] data = random(3_000_000, 2);
        open(on).close();
        for (DataConnectionMode mode : List.of(DataConnectionMode.PASSIVE, DataConnectionMode.ACTIVE)) {
            try (FtpSession s = session(mode, Representation.BINARY)) {
                String name = dir + "/" + mode + ".bin";
                put(s, name, data);
                assertArrayEquals(data, Files.readAllBytes(serverDir.resolve(mode + ".bin")), mode.toString());
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                s.retrieve(name, back, 0, TransferListener.NONE);
                assertArrayEquals(data, back.toByteArray(), mode.toString());
                assertEquals(data.length, on == MatrixServer.RFC959 ? s.storedSize(name) : s.size(name));
            }
        }
        if (on == MatrixServer.RFC959) {
            try (FtpSession s = session(DataConnectionMode.PASSIVE, Representation.BINARY)) {
                Files.write(serverDir.resolve("down.bin"), data);
                FtpRefusedException refused = assertThrows(FtpRefusedException.class, () -> s.retrieve(dir
                        + "/down.bin", OutputStream.nullOutputStream(), 500_000, TransferListener.NONE));
                assertTrue(refused.getMessage().startsWith("the server cannot resume at byte 500000"),
                        refused.getMessage());
                assertEquals(200, s.noop().code(), "the session stays in step");
            }
            return; // RFC 959's REST is for block and compressed modes: no resuming in stream mode
        }
        assertTrue(log.stream().anyMatch(e -> e.text().startsWith("PORT ") || e.text().startsWith("EPRT ")),
                "an active-mode transfer");

        Files.write(serverDir.resolve("down.bin"), data);
        try (FtpSession s = session(DataConnectionMode.PASSIVE, Representation.BINARY)) {
            // The partial upload must belong to the FTP user, so it is made over FTP.
            put(s, dir + "/up.bin", Arrays.copyOf(data, 750_000));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(data, 0, 500_000);
            s.retrieve(dir + "/down.bin", out, 500_000, TransferListener.NONE);
            assertArrayEquals(data, out.toByteArray(), "resumed download");
            s.store(dir + "/up.bin", new ByteArrayInputStream(data), 750_000, TransferListener.NONE);
            assertArrayEquals(data, Files.readAllBytes(serverDir.resolve("up.bin")), "resumed upload");
            Optional<RemoteChecksum> sum = s.checksum(dir + "/up.bin");
            assertEquals(on.quirks.checksumCommand, s.features().checksumCommand());
            assertEquals(on.quirks.checksumCommand != null, sum.isPresent(), "checksum " + sum);
            if (sum.isPresent()) {
                assertTrue(sum.get().matches(digest(sum.get().algorithm(), data)), sum.get().toString());
            }
        }
        assertTrue(log.stream().anyMatch(e -> e.text().equals("REST 500000")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("REST 750000")));
    }

    static String digest(String algorithm, byte[] data) throws Exception {
        if (algorithm.equals("CRC32")) {
            CRC32 crc = new CRC32();
            crc.update(data);
            return String.format("%08x", crc.getValue());
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void typeARoundTripConvertsLineEnds(MatrixServer on) throws Exception {
        String text = "first line\nsecond line\n\nlast\n";
        open(on).close();
        try (FtpSession s = session(DataConnectionMode.PASSIVE, Representation.ASCII)) {
            s.store(dir + "/t.txt", new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), 0,
                    TransferListener.NONE);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            s.retrieve(dir + "/t.txt", back, 0, TransferListener.NONE);
            assertEquals(text.replace("\n", LocalTextForm.PLATFORM.lineSeparator()),
                    back.toString(StandardCharsets.US_ASCII));
        }
        // CRLF crossed the wire; every real server in the matrix stores Unix line ends, the scripted one keeps CRLF.
        assertEquals(on == MatrixServer.RFC959 ? text.replace("\n", "\r\n") : text,
                Files.readString(serverDir.resolve("t.txt")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("TYPE A N") || e.text().equals("TYPE A")));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void unicodeAndSpaceNames(MatrixServer on) throws Exception {
        String unicode = "Grüße aus Köln – 東京.txt";
        byte[] data = random(321, 3);
        try (FtpSession s = open(on)) {
            assertTrue(s.features().has("UTF8") || on == MatrixServer.RFC959, on + " should advertise UTF8: "
                    + s.features());
            new RemoteTree(s).makeDirectories(dir + "/with space/inner dir");
            put(s, dir + "/with space/" + unicode, data);
            Map<String, String> listed = summary(s.list(dir + "/with space"));
            assertEquals(Map.of(unicode, "321", "inner dir", "dir"), listed);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            s.retrieve(dir + "/with space/" + unicode, back, 0, TransferListener.NONE);
            assertArrayEquals(data, back.toByteArray());
        }
        assertArrayEquals(data, Files.readAllBytes(serverDir.resolve("with space").resolve(unicode)), "UTF-8 on disk");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void missingDirectoryIsAnError(MatrixServer on) throws Exception {
        try (FtpSession s = open(on)) {
            // Issue 13: "no such directory: PATH (550 …)", never an empty listing (vsftpd and Pure-FTPd's LIST
            // answer 226 with nothing for a missing directory).
            FtpRefusedException e = assertThrows(FtpRefusedException.class, () -> s.list(dir + "/missing"),
                    "listing a missing directory must fail");
            assertTrue(e.getMessage().startsWith("no such directory: " + dir + "/missing ("), e.getMessage());
            assertEquals(200, s.noop().code());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void makeDirectoriesRenameDeleteAndChmod(MatrixServer on) throws Exception {
        try (FtpSession s = open(on)) {
            put(s, dir + "/a.txt", "A".getBytes(StandardCharsets.US_ASCII));
            new RemoteTree(s).makeDirectories(dir + "/p/q/r");
            assertTrue(Files.isDirectory(serverDir.resolve("p/q/r")));
            new RemoteTree(s).makeDirectories(dir + "/p/q/r"); // existing: nothing to do, no error
            s.rename(dir + "/a.txt", dir + "/p/q/b.txt");
            assertEquals("A", Files.readString(serverDir.resolve("p/q/b.txt")));
            // Onto an existing file: all three servers replace it (see servers.md).
            put(s, dir + "/c.txt", "C".getBytes(StandardCharsets.US_ASCII));
            s.rename(dir + "/c.txt", dir + "/p/q/b.txt");
            assertEquals("C", Files.readString(serverDir.resolve("p/q/b.txt")));
            assertFalse(Files.exists(serverDir.resolve("c.txt")));
            if (on == MatrixServer.RFC959) {
                FtpRefusedException noSite = assertThrows(FtpRefusedException.class,
                        () -> s.chmod("640", dir + "/p/q/b.txt"));
                assertEquals(500, noSite.reply().code());
            } else {
                s.chmod("640", dir + "/p/q/b.txt");
                assertEquals("rw-r-----",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(serverDir.resolve("p/q/b.txt"))));
            }
            s.delete(dir + "/p/q/b.txt");
            assertFalse(Files.exists(serverDir.resolve("p/q/b.txt")));
            FtpRefusedException gone = assertThrows(FtpRefusedException.class, () -> s.delete(dir + "/p/q/b.txt"));
            assertEquals(550, gone.reply().code());
            put(s, dir + "/p/q/r/deep.txt", "x".getBytes(StandardCharsets.US_ASCII));
            new RemoteTree(s).removeRecursively(dir + "/p");
            assertFalse(Files.exists(serverDir.resolve("p")));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void abortMidTransferKeepsTheSessionInStep(MatrixServer on) throws Exception {
        byte[] small = random(100_000, 4);
        try (FtpSession s = open(on)) {
            Files.write(serverDir.resolve("huge.bin"), random(40_000_000, 5));
            Files.write(serverDir.resolve("small.bin"), small);
            assertThrows(TransferAbortedException.class, () -> s.retrieve(dir + "/huge.bin",
                    OutputStream.nullOutputStream(), 0, bytes -> {
                        if (bytes > 2_000_000) {
                            s.abort();
                        }
                    }));
            assertTrue(s.pwd().startsWith("/"));
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            s.retrieve(dir + "/small.bin", back, 0, TransferListener.NONE);
            assertArrayEquals(small, back.toByteArray(), "the next transfer after ABOR");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = EVERY, mode = EnumSource.Mode.MATCH_ANY)
    void treeThroughTheQueueBothWays(MatrixServer on, @TempDir Path local) throws Exception {
        open(on).close();
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            Path p = local.resolve("src/d" + (i % 3) + "/f " + i + ".bin");
            Files.createDirectories(p.getParent());
            Files.write(p, random(random.nextInt(50_000), i));
        }
        SessionFactory sessions = site -> {
            FtpSession s = new FtpSession(site.settings(), server.server().label, log::add);
            s.connect();
            return s;
        };
        SiteRef site = server.site();
        try (TransferQueue q = TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(2), sessions,
                ConflictPolicy.fixed(ConflictChoice.OVERWRITE))) {
            q.submit(List.of(new TransferRequest(Location.local(local.resolve("src").toString()), true,
                    Location.remote(site, dir), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(120)), "upload did not finish");
            q.submit(List.of(new TransferRequest(Location.remote(site, dir + "/src"), true,
                    Location.local(local.resolve("back").toString()), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(120)), "download did not finish");
            assertTrue(q.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Done),
                    q.snapshot().toString());
        }
        for (int i = 0; i < 30; i++) {
            String rel = "d" + (i % 3) + "/f " + i + ".bin";
            byte[] original = Files.readAllBytes(local.resolve("src/" + rel));
            assertArrayEquals(original, Files.readAllBytes(serverDir.resolve("src/" + rel)), rel);
            assertArrayEquals(original, Files.readAllBytes(local.resolve("back/src/" + rel)), rel);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = MatrixServer.class, names = {"VSFTPD_FTPS", "PROFTPD_FTPS", "PUREFTPD_FTPS"})
    void ftpsManyDataConnectionsInARow(MatrixServer on) throws Exception {
        byte[] data = random(1_000_000, 6);
        try (FtpSession s = open(on)) {
            // Under TLS 1.3 each data connection spends a session ticket; ProFTPD and vsftpd refuse a data
            // connection that does not resume the control connection's session.
            for (int i = 0; i < 5; i++) {
                put(s, dir + "/f" + i + ".bin", data);
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                s.retrieve(dir + "/f" + i + ".bin", back, 0, TransferListener.NONE);
                assertArrayEquals(data, back.toByteArray(), "f" + i);
                assertEquals(i + 1, summary(s.list(dir)).size());
            }
        }
        assertTrue(log.stream().anyMatch(e -> e.text().equals("PROT P")));
    }
}
