package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue on SFTP sites, against embedded MINA SSHD (and embedded MINA FTP for relays): downloads, uploads,
 * cuts resumed at their offset, relays both ways, conflicts; done means byte-identical.
 */
class SftpQueueTest {

    @TempDir
    Path tmp;

    private Path sftpRoot;
    private Path ftpRoot;
    private Path local;
    private EmbeddedSftpServer sftp;
    private EmbeddedMinaServer ftp;
    private KnownHosts hosts;
    private SharedSshClient ssh;
    private final List<LogEntry> log = new CopyOnWriteArrayList<>();
    private TransferQueue queue;

    @BeforeEach
    void servers() throws Exception {
        sftpRoot = Files.createDirectories(tmp.resolve("sftp"));
        ftpRoot = Files.createDirectories(tmp.resolve("ftp"));
        local = Files.createDirectories(tmp.resolve("local"));
        sftp = new EmbeddedSftpServer(sftpRoot);
        ftp = new EmbeddedMinaServer(ftpRoot);
        hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        ssh = new SharedSshClient();
    }

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.close();
        }
        ssh.close();
        sftp.close();
        ftp.close();
    }

    private SiteRef sftpSite(String id, int port) throws Exception {
        hosts.trust("127.0.0.1", port, sftp.hostKey());
        return new SiteRef(id, id, new SiteEndpoint.Sftp(SftpSettings.of("127.0.0.1", port, EmbeddedSftpServer.USER,
                List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), hosts, HostKeyPolicy.KNOWN_ONLY)), 2);
    }

    private SiteRef ftpSite() {
        return new SiteRef("ftp", "ftp", SessionSettings.of("127.0.0.1", ftp.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
    }

    private TransferQueue queue(ConflictChoice onConflict) {
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(50), Duration.ofMillis(200), 0, new Random(1));
        queue = TransferQueue.create(QueueSettings.DEFAULT, new StandardSessions(log::add, ssh),
                ConflictPolicy.fixed(onConflict), retry);
        return queue;
    }

    private List<ItemSnapshot> run(TransferQueue q, Location source, boolean directory, Location targetDir)
            throws InterruptedException {
        q.submit(List.of(new TransferRequest(source, directory, targetDir, Priority.NORMAL)));
        assertTrue(q.awaitIdle(Duration.ofSeconds(60)), () -> "queue did not finish: " + q.snapshot());
        return q.snapshot();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static void write(Path p, byte[] data) throws Exception {
        Files.createDirectories(p.getParent());
        Files.write(p, data);
    }

    private static ItemSnapshot onlyFile(List<ItemSnapshot> items) {
        List<ItemSnapshot> files = items.stream().filter(i -> !i.directory()).toList();
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
    }

    @Test
    void downloadsATreeAndUploadsItBackByteIdenticalWithTimesKept() throws Exception {
        for (int f = 0; f < 5; f++) {
            write(sftpRoot.resolve("tree/sub/f" + f + ".bin"), random(300_000 + f, f));
        }
        write(sftpRoot.resolve("tree/empty.txt"), new byte[0]);
        Instant then = Instant.parse("2024-03-01T10:00:00Z");
        Files.setLastModifiedTime(sftpRoot.resolve("tree/sub/f0.bin"), FileTime.from(then));
        SiteRef site = sftpSite("s", sftp.port());
        TransferQueue q = queue(ConflictChoice.SKIP);

        List<ItemSnapshot> down = run(q, Location.remote(site, "/tree"), true, Location.local(local.toString()));
        assertTrue(down.stream().allMatch(i -> i.state() instanceof ItemState.Done), down.toString());
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(Files.readAllBytes(sftpRoot.resolve("tree/sub/f" + f + ".bin")),
                    Files.readAllBytes(local.resolve("tree/sub/f" + f + ".bin")));
        }
        assertEquals(0, Files.size(local.resolve("tree/empty.txt")));
        assertEquals(then, Files.getLastModifiedTime(local.resolve("tree/sub/f0.bin")).toInstant());

        List<ItemSnapshot> up = run(q, Location.local(local.resolve("tree").toString()), true,
                Location.remote(site, "/back"));
        assertTrue(up.stream().allMatch(i -> i.state() instanceof ItemState.Done), up.toString());
        for (int f = 0; f < 5; f++) {
            assertArrayEquals(Files.readAllBytes(sftpRoot.resolve("tree/sub/f" + f + ".bin")),
                    Files.readAllBytes(sftpRoot.resolve("back/tree/sub/f" + f + ".bin")));
        }
        assertEquals(then, Files.getLastModifiedTime(sftpRoot.resolve("back/tree/sub/f0.bin")).toInstant());
        try (var left = Files.walk(sftpRoot.resolve("back"))) {
            assertFalse(left.anyMatch(p -> p.toString().endsWith(TempNames.SUFFIX)), "no temporary names left");
        }
    }

    /** Bytes the proxy carried towards the server (uploads) or the client (downloads), over every connection. */
    private static long carried(FaultProxy proxy, boolean toServer) {
        return proxy.connections().stream().mapToLong(c -> toServer ? c.toServer() : c.toClient()).sum();
    }

    @Test
    void anUploadCutMidwayIsContinuedAtItsOffset() throws Exception {
        byte[] data = random(8_000_000, 3);
        write(local.resolve("big.bin"), data);
        Files.createDirectories(sftpRoot.resolve("in"));
        long cutAt = 3_000_000;
        try (FaultProxy proxy = FaultProxy.controlOnly(new InetSocketAddress("127.0.0.1", sftp.port()),
                Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_SERVER, cutAt, true))) {
            SiteRef site = sftpSite("cut", proxy.port());
            ItemSnapshot item = onlyFile(run(queue(ConflictChoice.SKIP), Location.local(local.resolve("big.bin")
                    .toString()), false, Location.remote(site, "/in")));
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(proxy.fired());
            assertTrue(item.attempts() >= 2, item.toString());
            assertArrayEquals(data, Files.readAllBytes(sftpRoot.resolve("in/big.bin")));
            // Continued, not started over: the second attempt sent about what the first had not.
            assertTrue(carried(proxy, true) < data.length + cutAt / 2, "carried " + carried(proxy, true));
            assertTrue(log.stream().anyMatch(e -> e.text().contains("continuing it")), log.toString());
        }
    }

    @Test
    void aDownloadCutMidwayIsContinuedAtItsOffset() throws Exception {
        // Past the read-ahead (8 MiB of requests in flight), which may have arrived unwritten when the link drops.
        byte[] data = random(16_000_000, 4);
        write(sftpRoot.resolve("big.bin"), data);
        long cutAt = 12_000_000;
        try (FaultProxy proxy = FaultProxy.controlOnly(new InetSocketAddress("127.0.0.1", sftp.port()),
                Fault.cut(Fault.Channel.CONTROL, Fault.Direction.TO_CLIENT, cutAt, true))) {
            SiteRef site = sftpSite("cut", proxy.port());
            ItemSnapshot item = onlyFile(run(queue(ConflictChoice.SKIP), Location.remote(site, "/big.bin"), false,
                    Location.local(local.toString())));
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(proxy.fired());
            assertArrayEquals(data, Files.readAllBytes(local.resolve("big.bin")));
            // Starting over would carry data.length + cutAt; continuing saves what the first attempt wrote.
            assertTrue(carried(proxy, false) < data.length + cutAt - 2_000_000, "carried " + carried(proxy, false));
        }
    }

    @Test
    void relaysSftpToFtpAndBackByteIdentical() throws Exception {
        byte[] data = random(2_500_000, 5);
        write(sftpRoot.resolve("a/x.bin"), data);
        Files.createDirectories(sftpRoot.resolve("b"));
        Files.createDirectories(sftpRoot.resolve("c"));
        SiteRef s = sftpSite("s", sftp.port());
        SiteRef f = ftpSite();
        TransferQueue q = queue(ConflictChoice.SKIP);

        ItemSnapshot there = onlyFile(run(q, Location.remote(s, "/a/x.bin"), false, Location.remote(f, "/")));
        assertInstanceOf(ItemState.Done.class, there.state(), there.toString());
        // Always through Ferry, so the queue says "Relay", not "FXP", and the download and upload limits hold it.
        assertEquals(TransferDirection.RELAY, there.direction());
        assertArrayEquals(data, Files.readAllBytes(ftpRoot.resolve("x.bin")));

        run(q, Location.remote(f, "/x.bin"), false, Location.remote(s, "/b"));
        assertArrayEquals(data, Files.readAllBytes(sftpRoot.resolve("b/x.bin")));

        run(q, Location.remote(s, "/b/x.bin"), false, Location.remote(sftpSite("s2", sftp.port()), "/c"));
        assertArrayEquals(data, Files.readAllBytes(sftpRoot.resolve("c/x.bin")));
        assertTrue(q.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Done), q.snapshot().toString());
    }

    @Test
    void aRelayIntoSftpResumesAtTheOffsetOfWhatIsThere() throws Exception {
        byte[] data = random(1_000_000, 6);
        write(ftpRoot.resolve("r.bin"), data);
        byte[] prefix = Arrays.copyOf(data, 400_000);
        write(sftpRoot.resolve("in/r.bin"), prefix);
        ItemSnapshot item = onlyFile(run(queue(ConflictChoice.RESUME), Location.remote(ftpSite(), "/r.bin"), false,
                Location.remote(sftpSite("s", sftp.port()), "/in")));
        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        assertArrayEquals(data, Files.readAllBytes(sftpRoot.resolve("in/r.bin")));
    }

    @Test
    void conflictsOnSftpTargetsSkipOverwriteAndRename() throws Exception {
        byte[] data = random(100_000, 7);
        write(local.resolve("c.bin"), data);
        write(sftpRoot.resolve("t/c.bin"), "theirs".getBytes());
        SiteRef site = sftpSite("s", sftp.port());
        Location from = Location.local(local.resolve("c.bin").toString());

        ItemSnapshot skipped = onlyFile(run(queue(ConflictChoice.SKIP), from, false, Location.remote(site, "/t")));
        assertInstanceOf(ItemState.Skipped.class, skipped.state(), skipped.toString());
        assertEquals("theirs", Files.readString(sftpRoot.resolve("t/c.bin")));
        queue.close();

        ItemSnapshot renamed = onlyFile(run(queue(ConflictChoice.RENAME), from, false, Location.remote(site, "/t")));
        assertInstanceOf(ItemState.Done.class, renamed.state(), renamed.toString());
        assertEquals("theirs", Files.readString(sftpRoot.resolve("t/c.bin")));
        try (var names = Files.list(sftpRoot.resolve("t"))) {
            List<Path> others = names.filter(p -> !p.getFileName().toString().equals("c.bin")).toList();
            assertEquals(1, others.size(), others.toString());
            assertArrayEquals(data, Files.readAllBytes(others.get(0)));
        }
        queue.close();

        // OpenSSH-like servers refuse to rename onto an existing file: the old one goes first, as decided.
        ItemSnapshot replaced = onlyFile(run(queue(ConflictChoice.OVERWRITE), from, false, Location.remote(site, "/t")));
        assertInstanceOf(ItemState.Done.class, replaced.state(), replaced.toString());
        assertArrayEquals(data, Files.readAllBytes(sftpRoot.resolve("t/c.bin")));
    }
}
