package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

/** Site-to-site (FXP) copies between two servers: the data never passes through Ferry. */
class FxpTest {

    @TempDir
    Path rootA;
    @TempDir
    Path rootB;
    final List<FtpSession> sessions = new CopyOnWriteArrayList<>();

    TransferQueue queue() {
        return queue(QueueSettings.DEFAULT);
    }

    TransferQueue queue(QueueSettings settings) {
        return queue(settings, RelayAsker.NEVER);
    }

    TransferQueue queue(QueueSettings settings, RelayAsker asker) {
        SessionFactory factory = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            sessions.add(session);
            return session;
        };
        RetryPolicy retry = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
        return TransferQueue.create(settings, factory, ConflictPolicy.fixed(ConflictChoice.SKIP), retry,
                SiteToSite.DEFAULTS.withAsker(asker));
    }

    static SiteRef mina(String id, EmbeddedMinaServer server) {
        return new SiteRef(id, id, SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
    }

    @Test
    void copiesAFileAndATreeServerToServer() throws Exception {
        byte[] big = new byte[3_000_000];
        new Random(1).nextBytes(big);
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); EmbeddedMinaServer b = new EmbeddedMinaServer(rootB)) {
            a.write("one.bin", big);
            for (int i = 0; i < 10; i++) {
                a.write("tree/d" + (i % 2) + "/f" + i + ".txt", ("content " + i).getBytes());
            }
            SiteRef siteA = mina("A", a);
            SiteRef siteB = mina("B", b);
            try (TransferQueue q = queue()) {
                q.submit(List.of(
                        new TransferRequest(Location.remote(siteA, "/one.bin"), false, Location.remote(siteB, "/"), Priority.NORMAL),
                        new TransferRequest(Location.remote(siteA, "/tree"), true, Location.remote(siteB, "/copy"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                assertTrue(q.snapshot().stream().allMatch(i -> i.state() instanceof ItemState.Done), q.snapshot().toString());
                assertTrue(q.snapshot().stream().allMatch(i -> i.direction() == TransferDirection.SITE_TO_SITE));
            }
            assertArrayEquals(big, Files.readAllBytes(rootB.resolve("one.bin")));
            for (int i = 0; i < 10; i++) {
                assertEquals("content " + i, Files.readString(rootB.resolve("copy/tree/d" + (i % 2) + "/f" + i + ".txt")));
            }
        }
        // Not one file byte went through Ferry's own data connections.
        assertTrue(sessions.size() >= 2);
        assertEquals(0, sessions.stream().mapToLong(FtpSession::fileDataBytes).sum());
    }

    @Test
    void swapsRolesWhenThePassiveSideRefuses() throws Exception {
        byte[] data = new byte[200_000];
        new Random(2).nextBytes(data);
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.write("x.bin", data);
            b.script("PASV", "502 PASV not allowed for FXP here\r\n");
            SiteRef siteB = new SiteRef("B", "B", SessionSettings.of("127.0.0.1", b.port(), Credentials.of("ferry", "secret")), 2);
            try (TransferQueue q = queue()) {
                q.submit(List.of(new TransferRequest(Location.remote(mina("A", a), "/x.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, b.file("/x.bin"));
            assertTrue(b.commands().stream().anyMatch(c -> c.startsWith("PORT ")), b.commands().toString());
        }
    }

    @Test
    void refusalOnBothArrangementsSaysWhoAndWhy() throws Exception {
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.write("x.bin", new byte[1000]);
            b.script("PASV", "502 PASV not allowed\r\n");
            b.script("PORT", "500 Illegal PORT command.\r\n");
            SiteRef siteB = new SiteRef("B", "server B", SessionSettings.of("127.0.0.1", b.port(),
                    Credentials.of("ferry", "secret")), 2);
            try (TransferQueue q = queue()) {
                q.submit(List.of(new TransferRequest(Location.remote(mina("A", a), "/x.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                ItemState state = q.snapshot().get(0).state();
                assertInstanceOf(ItemState.Failed.class, state);
                String reason = ((ItemState.Failed) state).reason();
                assertTrue(reason.contains("server B refused to connect to A (500 Illegal PORT command.)"), reason);
                assertTrue(reason.contains("pasv_promiscuous"), reason);
                assertEquals(1, q.snapshot().get(0).attempts(), "a refusal is not retried");
            }
        }
    }

    @Test
    void aRefusedCopyLeavesNoTargetBehindAndAskingAgainThroughFerryCopiesIt() throws Exception {
        byte[] data = new byte[300_000];
        new Random(4).nextBytes(data);
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.putFile("/r.bin", data);
            // B as vsftpd without pasv_promiscuous/port_promiscuous: STOR creates the file, then A's data
            // connection never arrives (the advertised address leads nowhere); PORT to A is refused.
            b.createsTargetOnStore().pasvReplyAddress("127.0.0.9");
            b.script("PORT", "500 Illegal PORT command.\r\n");
            SiteRef siteA = new SiteRef("A", "A", SessionSettings.of("127.0.0.1", a.port(), Credentials.of("ferry", "secret")), 2);
            SiteRef siteB = new SiteRef("B", "B", SessionSettings.of("127.0.0.1", b.port(), Credentials.of("ferry", "secret")), 2);
            TransferRequest copy = new TransferRequest(Location.remote(siteA, "/r.bin"), false, Location.remote(siteB, "/"),
                    Priority.NORMAL);
            try (TransferQueue q = queue()) {
                q.submit(List.of(copy));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                assertInstanceOf(ItemState.Failed.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertFalse(b.exists("/r.bin"), "a refused copy leaves no target behind");
            assertFalse(b.exists("/r.bin.ferry-part"));
            try (TransferQueue q = queue(QueueSettings.DEFAULT.withRelay(RelayPolicy.ALWAYS))) {
                q.submit(List.of(copy));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, b.file("/r.bin"));
            assertFalse(b.exists("/r.bin.ferry-part"));
        }
    }

    @Test
    void aCopyWhoseConnectionWasLostJustAfterTheRenameIsDoneNotAConflict() throws Exception {
        byte[] data = new byte[150_000];
        new Random(5).nextBytes(data);
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.write("n.bin", data);
            b.dropAfterNext("RNTO");
            SiteRef siteB = new SiteRef("B", "B", SessionSettings.of("127.0.0.1", b.port(), Credentials.of("ferry", "secret")), 2);
            try (TransferQueue q = queue()) {
                q.submit(List.of(new TransferRequest(Location.remote(mina("A", a), "/n.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, b.file("/n.bin"));
            assertFalse(b.exists("/n.bin.ferry-part"));
        }
    }

    @Test
    void relaysThroughFerryWhenBothArrangementsAreRefusedAndTheSiteAllowsIt() throws Exception {
        byte[] data = new byte[700_000];
        new Random(3).nextBytes(data);
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.write("r.bin", data);
            b.script("PASV", "502 PASV not allowed\r\n");
            b.script("PORT", "500 Illegal PORT command.\r\n");
            SiteRef siteB = new SiteRef("B", "B", SessionSettings.of("127.0.0.1", b.port(), Credentials.of("ferry", "secret")), 2);
            try (TransferQueue q = queue(QueueSettings.DEFAULT.withRelay(RelayPolicy.FALLBACK))) {
                q.submit(List.of(new TransferRequest(Location.remote(mina("A", a), "/r.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                ItemSnapshot item = q.snapshot().get(0);
                assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
                assertEquals(700_000, item.bytesDone());
            }
            assertArrayEquals(data, b.file("/r.bin"));
            // Relayed: this time the bytes did pass through Ferry, with no temporary file.
            assertEquals(700_000, sessions.stream().mapToLong(FtpSession::fileDataBytes).sum());
        }
    }

    @Test
    void theSourceSitesPassiveSidePreferenceIsTriedFirst() throws Exception {
        byte[] data = new byte[200_000];
        new Random(9).nextBytes(data);
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.write("p.bin", data);
            SiteRef siteA = mina("A", a);
            SiteRef siteB = new SiteRef("B", "B", SessionSettings.of("127.0.0.1", b.port(), Credentials.of("ferry", "secret")), 2);
            SiteToSite prefs = new SiteToSite(RelayAsker.NEVER, id -> id.equals("A")
                    ? java.util.Optional.of(new SiteToSite.Preference(SiteToSite.PassiveSide.SOURCE, RelayPolicy.NEVER))
                    : java.util.Optional.empty());
            RetryPolicy retry = new RetryPolicy(1, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
            SessionFactory factory = s -> {
                FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
                session.connect();
                return session;
            };
            try (TransferQueue q = TransferQueue.create(QueueSettings.DEFAULT, factory,
                    ConflictPolicy.fixed(ConflictChoice.SKIP), retry, prefs)) {
                q.submit(List.of(new TransferRequest(Location.remote(siteA, "/p.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, b.file("/p.bin"));
            // The source (A) listened: the target was told where to connect, and was never asked to listen.
            assertTrue(b.commands().stream().anyMatch(c -> c.startsWith("PORT ")), b.commands().toString());
            assertFalse(b.commands().contains("PASV"), b.commands().toString());
        }
    }

    @Test
    void askPolicyRelaysOnlyWhenTheUserSaysSo() throws Exception {
        byte[] data = new byte[300_000];
        new Random(8).nextBytes(data);
        List<String> asked = new CopyOnWriteArrayList<>();
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA); ScriptedFtpServer b = new ScriptedFtpServer()) {
            a.write("r.bin", data);
            b.script("PASV", "502 PASV not allowed\r\n");
            b.script("PORT", "500 Illegal PORT command.\r\n");
            SiteRef siteB = new SiteRef("B", "server B", SessionSettings.of("127.0.0.1", b.port(),
                    Credentials.of("ferry", "secret")), 2);
            try (TransferQueue q = queue(QueueSettings.DEFAULT.withRelay(RelayPolicy.ASK), (from, to, why) -> {
                asked.add(from + " -> " + to + ": " + why);
                return false;
            })) {
                q.submit(List.of(new TransferRequest(Location.remote(mina("A", a), "/r.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                ItemState state = q.snapshot().get(0).state();
                assertInstanceOf(ItemState.Failed.class, state);
                assertTrue(((ItemState.Failed) state).reason().contains("relaying through Ferry was declined"),
                        state.toString());
            }
            assertEquals(1, asked.size());
            assertTrue(asked.get(0).startsWith("A -> server B: "), asked.get(0));
            assertTrue(asked.get(0).contains("500 Illegal PORT command."), asked.get(0));
            assertFalse(b.exists("/r.bin"));

            try (TransferQueue q = queue(QueueSettings.DEFAULT.withRelay(RelayPolicy.ASK), (from, to, why) -> true)) {
                q.submit(List.of(new TransferRequest(Location.remote(mina("A", a), "/r.bin"), false,
                        Location.remote(siteB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, b.file("/r.bin"));
        }
    }

    @Test
    void progressIsPolledOnTheTargetAndCancelEndsBothSides() throws Exception {
        try (ScriptedFtpServer a = new ScriptedFtpServer(); EmbeddedMinaServer b = new EmbeddedMinaServer(rootB)) {
            a.putFile("/slow.bin", new byte[1_000_000]);
            a.stallData("/slow.bin", 300_000);
            SiteRef siteA = new SiteRef("A", "A", SessionSettings.of("127.0.0.1", a.port(), Credentials.of("ferry", "secret")), 2);
            try (TransferQueue q = queue()) {
                // MINA buffers what it writes, so the size seen on disk trails what was sent.
                java.util.concurrent.CountDownLatch seen = QueueControlTest.progressPast(q, 100_000);
                q.submit(List.of(new TransferRequest(Location.remote(siteA, "/slow.bin"), false,
                        Location.remote(mina("B", b), "/"), Priority.NORMAL)));
                assertTrue(seen.await(20, java.util.concurrent.TimeUnit.SECONDS), "SIZE polling on the target");
                q.cancelAll();
                assertTrue(q.awaitIdle(Duration.ofSeconds(20)));
                assertInstanceOf(ItemState.Cancelled.class, q.snapshot().get(0).state());
            }
        }
    }
}
