package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SFTP server that goes silent in the middle of a queued download (the link stops forwarding: no answer, no
 * error, no close): after the reply timeout the item fails, or is tried again, with one line that says so; the
 * site's pool throws that session away, and the next transfer gets a session of its own and finishes
 * byte-identical.
 */
class SftpSilentServerTest {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    /** Every session the queue opened, in order. */
    private final List<RemoteSession> opened = new CopyOnWriteArrayList<>();

    /** The queue's items at the end, what went over the link, and where the link listened. */
    private record Run(List<ItemSnapshot> items, List<FaultProxy.ConnectionStats> connections, String where,
                       byte[] big, byte[] small, Path local) {
    }

    /**
     * Downloads big.bin, which the link to the server stalls a megabyte into, then small.bin, on one connection at
     * a time, each tried at most {@code maxAttempts} times.
     */
    private Run run(int maxAttempts) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root);
             FaultProxy link = FaultProxy.controlOnly(new InetSocketAddress("127.0.0.1", server.port()),
                     Fault.stall(Fault.Channel.CONTROL, Fault.Direction.TO_CLIENT, 1_000_000))) {
            return run(maxAttempts, server, root, link);
        }
    }

    private Run run(int maxAttempts, EmbeddedSftpServer server, Path root, FaultProxy link) throws Exception {
        byte[] big = random(4_000_000, 1);
        byte[] small = random(300_000, 2);
        Files.write(root.resolve("big.bin"), big);
        Files.write(root.resolve("small.bin"), small);
        Path local = Files.createDirectories(tmp.resolve("local"));
        KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        hosts.trust(link.host(), link.port(), server.hostKey());
        SiteRef site = new SiteRef("silent", "silent", new SiteEndpoint.Sftp(new SftpSettings(link.host(),
                link.port(), EmbeddedSftpServer.USER, List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)),
                Duration.ofSeconds(30), REPLY_TIMEOUT, hosts, HostKeyPolicy.KNOWN_ONLY)), 1);
        RetryPolicy retry = new RetryPolicy(maxAttempts, Duration.ofMillis(20), Duration.ofMillis(50), 0,
                new Random(1));
        try (SharedSshClient ssh = new SharedSshClient()) {
            StandardSessions standard = new StandardSessions(entry -> { }, ssh);
            SessionFactory recording = s -> {
                RemoteSession session = standard.open(s);
                opened.add(session);
                return session;
            };
            try (TransferQueue q = TransferQueue.create(QueueSettings.DEFAULT.withConcurrency(1), recording,
                    ConflictPolicy.fixed(ConflictChoice.OVERWRITE), retry)) {
                for (String name : List.of("/big.bin", "/small.bin")) {
                    q.submit(List.of(new TransferRequest(Location.remote(site, name), false,
                            Location.local(local.toString()), Priority.NORMAL)));
                }
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)), () -> "queue did not finish: " + q.snapshot());
                assertTrue(link.fired());
                return new Run(q.snapshot(), link.connections(), link.host() + ":" + link.port(), big, small,
                        local);
            }
        }
    }

    @Test
    void theSilentSessionIsDroppedAndTheNextItemGetsAFreshOne() throws Exception {
        Run r = run(1);
        ItemState.Failed failed = assertInstanceOf(ItemState.Failed.class, r.items().get(0).state(),
                r.items().toString());
        assertEquals("download /big.bin: " + r.where() + " did not answer within 1 s", failed.reason());
        assertInstanceOf(ItemState.Done.class, r.items().get(1).state(), r.items().toString());
        assertArrayEquals(r.small(), Files.readAllBytes(r.local().resolve("small.bin")));
        assertSilentSessionDropped(r);
    }

    @Test
    void theItemTriedAgainOnAFreshSessionFinishesByteIdentical() throws Exception {
        Run r = run(2);
        ItemSnapshot big = r.items().get(0);
        assertInstanceOf(ItemState.Done.class, big.state(), r.items().toString());
        assertEquals(2, big.attempts(), big.toString());
        assertArrayEquals(r.big(), Files.readAllBytes(r.local().resolve("big.bin")));
        assertInstanceOf(ItemState.Done.class, r.items().get(1).state(), r.items().toString());
        assertArrayEquals(r.small(), Files.readAllBytes(r.local().resolve("small.bin")));
        assertSilentSessionDropped(r);
    }

    /** The session on the stalled link was closed and never lent again: every later transfer had a new one. */
    private void assertSilentSessionDropped(Run r) {
        assertEquals(2, opened.size(), "sessions opened: " + opened);
        assertFalse(opened.get(0).isConnected(), "the silent session is closed");
        List<FaultProxy.ConnectionStats> connections = r.connections();
        assertEquals(2, connections.size(), connections.toString());
        assertTrue(connections.get(0).faulted(), connections.toString());
        assertFalse(connections.get(1).faulted(), connections.toString());
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
