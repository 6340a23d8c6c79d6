package org.ferryftp.interop;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.testsupport.QueueProgress;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transfer queue against real vsftpd: trees both ways, a server session killed mid-transfer, and
 * partial downloads continued only for the same version of a file.
 */
class QueueInteropIT {

    @TempDir
    Path local;
    VsftpdServer server;
    String dir;
    Path serverDir;
    SiteRef site;
    /** REST commands the queue's sessions sent. */
    final List<String> rests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void prepare() throws Exception {
        server = VsftpdServer.fromEnvironment();
        dir = "q-" + UUID.randomUUID();
        serverDir = server.root().resolve(dir);
        site = new SiteRef("vsftpd", "vsftpd", SessionSettings.of(server.host(), server.port(),
                Credentials.of(server.user(), server.password())).withTimeouts(Timeouts.ofSeconds(5, 5, 5)), 4);
        try (FtpSession s = new FtpSession(site.settings(), LogListener.NONE)) {
            s.connect();
            s.makeDirectory(dir);
        }
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (serverDir != null && Files.exists(serverDir)) { // null when prepare() skipped the test
            try (Stream<Path> walk = Files.walk(serverDir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    TransferQueue queue(int concurrency) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), entry -> {
                if (entry.text().startsWith("REST ")) {
                    rests.add(entry.text());
                }
            });
            session.connect();
            return session;
        };
        return TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(concurrency), sessions,
                ConflictPolicy.fixed(ConflictChoice.SKIP));
    }

    @Test
    void treeUploadThenDownloadIsIdentical() throws Exception {
        Random random = new Random(21);
        for (int i = 0; i < 120; i++) {
            byte[] data = new byte[random.nextInt(20_000)];
            random.nextBytes(data);
            Path p = local.resolve("src/d" + (i % 4) + "/f" + i + ".bin");
            Files.createDirectories(p.getParent());
            Files.write(p, data);
        }
        try (TransferQueue q = queue(4)) {
            q.submit(List.of(new TransferRequest(Location.local(local.resolve("src").toString()), true,
                    Location.remote(site, dir), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            q.submit(List.of(new TransferRequest(Location.remote(site, dir + "/src"), true,
                    Location.local(local.resolve("back").toString()), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            assertTrue(q.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Done), q.snapshot().toString());
        }
        for (int i = 0; i < 120; i++) {
            String rel = "d" + (i % 4) + "/f" + i + ".bin";
            byte[] original = Files.readAllBytes(local.resolve("src/" + rel));
            assertArrayEquals(original, Files.readAllBytes(serverDir.resolve("src/" + rel)), rel);
            assertArrayEquals(original, Files.readAllBytes(local.resolve("back/src/" + rel)), rel);
        }
    }

    @Test
    void killedServerSessionMidTransferStillYieldsAnIdenticalFile() throws Exception {
        // Bigger than the socket buffers, so killing the session really cuts the transfer short.
        byte[] data = new byte[40_000_000];
        new Random(22).nextBytes(data);
        Files.write(serverDir.resolve("big.bin"), data);
        try (TransferQueue q = queue(1)) {
            q.setBandwidthLimit(10_000_000);
            CountDownLatch moving = QueueProgress.past(q, 1_000_000);
            q.submit(List.of(new TransferRequest(Location.remote(site, dir + "/big.bin"), false,
                    Location.local(local.toString()), Priority.NORMAL)));
            assertTrue(moving.await(30, TimeUnit.SECONDS));
            // Kill vsftpd's per-connection processes (not its listener), as a crash of the session would.
            // (Not peek+count: count() may skip peek on a sized stream and kill nothing.)
            List<ProcessHandle> sessions = vsftpdSessions().toList();
            assertTrue(!sessions.isEmpty(), "no vsftpd session process found");
            sessions.forEach(ProcessHandle::destroyForcibly);
            q.setBandwidthLimit(0);
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            ItemSnapshot item = q.snapshot().get(0);
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(item.attempts() >= 2, item.toString());
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
    }

    @Test
    void anUploadIsOnlyUnderItsTempNameUntilCompleteAndACutSessionIsContinuedByTheRetry() throws Exception {
        byte[] data = new byte[8_000_000];
        new Random(23).nextBytes(data);
        Path src = Files.write(local.resolve("up.bin"), data);
        Path part = serverDir.resolve("up.bin.ferry-part");
        try (TransferQueue q = queue(1)) {
            q.setBandwidthLimit(1_500_000);
            q.submit(List.of(new TransferRequest(Location.local(src.toString()), false, Location.remote(site, dir),
                    Priority.NORMAL)));
            awaitSize(part, 1_000_000);
            assertFalse(Files.exists(serverDir.resolve("up.bin")), "not under its name while incomplete");
            // Kill only the vsftpd process writing this test's file: other sessions are not ours.
            List<ProcessHandle> writers = vsftpdProcessesWriting(part);
            assertFalse(writers.isEmpty(), "no vsftpd process has " + part + " open");
            writers.forEach(ProcessHandle::destroyForcibly);
            q.setBandwidthLimit(0);
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            ItemSnapshot item = q.snapshot().get(0);
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(item.attempts() >= 2, item.toString());
        }
        assertArrayEquals(data, Files.readAllBytes(serverDir.resolve("up.bin")));
        assertFalse(Files.exists(part));
    }

    private static void awaitSize(Path file, long bytes) throws Exception {
        assertTrue(org.ferryftp.testsupport.FileWatch.awaitSize(file, bytes, Duration.ofSeconds(30)),
                file + " never reached " + bytes + " bytes");
    }

    /** vsftpd processes that have {@code file} open (Linux /proc); needs the right to read their fds. */
    private static List<ProcessHandle> vsftpdProcessesWriting(Path file) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("vsftpd")).orElse(false))
                .filter(p -> {
                    try (Stream<Path> fds = Files.list(Path.of("/proc/" + p.pid() + "/fd"))) {
                        return fds.anyMatch(fd -> {
                            try {
                                return Files.readSymbolicLink(fd).equals(file);
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        });
                    } catch (java.io.IOException | SecurityException e) {
                        return false;
                    }
                }).toList();
    }

    @Test
    void aPartialOfAnOlderVersionStartsOver() throws Exception {
        byte[] v2 = random(4_000_000, 24);
        serve(random(4_000_000, 23), "2024-01-01T10:00:00Z");
        try (TransferQueue q = queue(1)) {
            long id = pausedPart(q, 4_000_000);
            serve(v2, "2024-06-01T10:00:00Z");
            rests.clear();
            q.resume(List.of(id));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            ItemSnapshot item = q.snapshot().get(0);
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(item.note() != null && item.note().contains("older version"), String.valueOf(item.note()));
            assertEquals(List.of(), rests, "nothing of the older version is kept");
        }
        assertArrayEquals(v2, Files.readAllBytes(local.resolve("big.bin")));
    }

    @Test
    void aPartialOfTheSameVersionResumesWithRest() throws Exception {
        byte[] data = random(4_000_000, 25);
        serve(data, "2024-01-01T10:00:00Z");
        try (TransferQueue q = queue(1)) {
            long id = pausedPart(q, 4_000_000);
            long partial = Files.size(local.resolve("big.bin" + PartialDownload.SUFFIX));
            rests.clear();
            q.resume(List.of(id));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state());
            assertEquals(List.of("REST " + partial), rests);
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
    }

    void serve(byte[] data, String time) throws Exception {
        Path file = serverDir.resolve("big.bin");
        Files.write(file, data);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse(time)));
    }

    /** Downloads big.bin slowly and pauses it with part of it in its partial file; returns the item's id. */
    long pausedPart(TransferQueue q, int size) throws Exception {
        q.setBandwidthLimit(size / 2);
        CountDownLatch moving = QueueProgress.past(q, 500_000);
        q.submit(List.of(new TransferRequest(Location.remote(site, dir + "/big.bin"), false,
                Location.local(local.toString()), Priority.NORMAL)));
        assertTrue(moving.await(30, TimeUnit.SECONDS));
        long id = q.snapshot().get(0).id();
        q.pause(List.of(id));
        assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
        q.setBandwidthLimit(0);
        long partial = Files.size(local.resolve("big.bin" + PartialDownload.SUFFIX));
        assertTrue(partial > 0 && partial < size, "partial " + partial);
        return id;
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    /**
     * Session processes of the plain instance: every descendant of its listening vsftpd (vsftpd runs
     * a privileged and an unprivileged process per connection; the data comes from the latter).
     */
    private static Stream<ProcessHandle> vsftpdSessions() throws java.io.IOException {
        Path pidFile = Path.of("/tmp/ferry-vsftpd/plain.pid");
        long listener = Long.parseLong(Files.readString(pidFile).strip());
        return ProcessHandle.of(listener).orElseThrow(() -> new AssertionError("vsftpd listener not running"))
                .descendants();
    }
}
