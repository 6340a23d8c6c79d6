package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.Timeouts;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.ferryftp.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lost servers and hostile listings, on the scripted server (which can die mid-transfer on cue). */
class QueueRecoveryTest {

    @TempDir
    Path local;

    final AtomicReference<ScriptedFtpServer> server = new AtomicReference<>();
    final AtomicInteger port = new AtomicInteger();

    TransferQueue queue(SiteRef site) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings().withPort(port.get()), LogListener.NONE);
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(5, Duration.ofMillis(50), Duration.ofMillis(200), 0, new Random(1));
        return TransferQueue.create(QueueSettings.DEFAULT, sessions, ConflictPolicy.fixed(ConflictChoice.SKIP), retry);
    }

    SiteRef site() {
        return new SiteRef("scripted", "Scripted", SessionSettings.of("127.0.0.1", port.get(),
                Credentials.of("ferry", "secret")).withTimeouts(Timeouts.ofSeconds(5, 5, 5)), 2);
    }

    ScriptedFtpServer start() throws Exception {
        ScriptedFtpServer s = new ScriptedFtpServer();
        server.set(s);
        port.set(s.port());
        return s;
    }

    /** What a queue saw when its server died mid-transfer and came back, and what the new server was asked. */
    record Restarted(List<ItemSnapshot> items, List<String> commands) {
    }

    /**
     * Downloads {@code request}; the server (with {@code features}, or its defaults) serving {@code data} at
     * {@code path} dies with 700,000 bytes sent, and a new one with the same file and time comes up.
     */
    Restarted serverRestartedMidTransfer(String request, boolean tree, String path, byte[] data, String... features)
            throws Exception {
        ScriptedFtpServer first = start();
        if (features.length > 0) {
            first.features(features);
        }
        first.putFile(path, data);
        first.stallData(path, 700_000);
        SiteRef site = site();
        try (TransferQueue q = queue(site)) {
            java.util.concurrent.CountDownLatch moving = QueueControlTest.progressPast(q, 100_000);
            q.submit(List.of(new TransferRequest(Location.remote(site, request), tree,
                    Location.local(local.toString()), Priority.NORMAL)));
            assertTrue(moving.await(10, java.util.concurrent.TimeUnit.SECONDS));
            java.time.Instant modified = first.modifiedTime(path);
            first.close();
            ScriptedFtpServer second = start();
            if (features.length > 0) {
                second.features(features);
            }
            second.putFile(path, data).setModifiedTime(path, modified);
            try {
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)), q.snapshot().toString());
                return new Restarted(q.snapshot(), second.commands());
            } finally {
                second.close();
            }
        }
    }

    @Test
    void serverKilledMidTransferThenRestartedYieldsAnIdenticalFile() throws Exception {
        byte[] data = new byte[2_000_000];
        new Random(9).nextBytes(data);
        Restarted run;
        List<String> logged;
        try (LogCapture appLog = LogCapture.of(QueueDispatcher.class)) {
            run = serverRestartedMidTransfer("/k.bin", false, "/k.bin", data);
            logged = appLog.lines();
        }
        ItemSnapshot item = run.items().get(0);
        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        assertTrue(item.attempts() >= 2, item.toString());
        assertTrue(logged.stream().anyMatch(l -> l.startsWith("INFO item " + item.id() + " (/k.bin) failed on attempt 1: ")
                && l.contains("; retrying in ")), "the retry is in the application log: " + logged);
        assertTrue(run.commands().stream().anyMatch(c -> c.startsWith("REST ")), "resumed with REST: " + run.commands());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("k.bin")));
    }

    @Test
    void aTreeFileOnAServerWithoutSizeResumesByWhatItsListingSaid() throws Exception {
        byte[] data = new byte[2_000_000];
        new Random(10).nextBytes(data);
        Restarted run = serverRestartedMidTransfer("/t", true, "/t/k.bin", data, "UTF8", "MDTM", "EPSV");
        assertTrue(run.items().stream().allMatch(i -> i.state() instanceof ItemState.Done), run.items().toString());
        assertTrue(run.commands().stream().anyMatch(c -> c.startsWith("REST ")), "resumed with REST: " + run.commands());
        assertArrayEquals(data, Files.readAllBytes(local.resolve("t/k.bin")));
    }

    @Test
    void checksumMismatchMeansStartingOverNeverDone() throws Exception {
        ScriptedFtpServer s = start();
        s.features("UTF8", "SIZE", "MDTM", "EPSV", "XSHA256");
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        s.putFile("/c.bin", data);
        s.wrongChecksum("/c.bin");
        SiteRef site = site();
        try (TransferQueue q = queue(site)) {
            java.util.concurrent.CountDownLatch retried = new java.util.concurrent.CountDownLatch(1);
            q.addListener(new QueueListener() {
                @Override
                public void itemsAdded(List<ItemSnapshot> items) {
                }

                @Override
                public void itemChanged(ItemSnapshot item) {
                    if (item.attempts() >= 2) {
                        retried.countDown();
                    }
                }

                @Override
                public void itemsRemoved(List<Long> ids) {
                }
            });
            q.submit(List.of(new TransferRequest(Location.remote(site, "/c.bin"), false,
                    Location.local(local.toString()), Priority.NORMAL)));
            assertTrue(retried.await(20, java.util.concurrent.TimeUnit.SECONDS));
            // The first attempt did not count as done: no file under its name yet.
            s.correctChecksum("/c.bin");
            assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
            ItemSnapshot item = q.snapshot().get(0);
            assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
            assertTrue(item.attempts() >= 2, item.toString());
        } finally {
            s.close();
        }
        assertArrayEquals(data, Files.readAllBytes(local.resolve("c.bin")));
        assertTrue(server.get().commands().stream().filter(c -> c.startsWith("XSHA256")).count() >= 2);
    }

    @Test
    void checksumThatNeverMatchesEndsFailedNotDone() throws Exception {
        ScriptedFtpServer s = start();
        s.features("UTF8", "SIZE", "EPSV", "XMD5");
        s.putFile("/bad.bin", new byte[5000]);
        s.wrongChecksum("/bad.bin");
        SiteRef site = site();
        try (TransferQueue q = queue(site)) {
            q.submit(List.of(new TransferRequest(Location.remote(site, "/bad.bin"), false,
                    Location.local(local.toString()), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
            ItemSnapshot item = q.snapshot().get(0);
            assertInstanceOf(ItemState.Failed.class, item.state(), item.toString());
            assertTrue(((ItemState.Failed) item.state()).reason().contains("checksum mismatch"), item.toString());
            assertEquals(5, item.attempts());
        } finally {
            s.close();
        }
        assertFalse(Files.exists(local.resolve("bad.bin")));
    }

    @Test
    void hostileNamesInAListingNeverBecomeLocalPaths() throws Exception {
        ScriptedFtpServer s = start();
        s.putFile("/d/ok.txt", "ok".getBytes());
        s.setListing("/d", "MLSD", List.of(
                "type=file;size=2;modify=20240101000000; ok.txt",
                "type=file;size=4;modify=20240101000000; ../escape.txt",
                "type=file;size=4;modify=20240101000000; /etc/evil",
                "type=dir;modify=20240101000000; .."));
        SiteRef site = site();
        Path target = local.resolve("inside");
        Files.createDirectories(target);
        try (TransferQueue q = queue(site)) {
            q.submit(List.of(new TransferRequest(Location.remote(site, "/d"), true, Location.local(target.toString()),
                    Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
            List<ItemSnapshot> items = q.snapshot();
            assertEquals(2, items.stream().filter(i -> i.state() instanceof ItemState.Failed).count(), items.toString());
            assertTrue(items.stream().anyMatch(i -> i.source().path().equals("/d/ok.txt")
                    && i.state() instanceof ItemState.Done));
        } finally {
            s.close();
        }
        assertEquals("ok", Files.readString(target.resolve("d/ok.txt")));
        assertFalse(Files.exists(target.resolve("escape.txt")));
        assertFalse(Files.exists(local.resolve("escape.txt")));
        assertFalse(Files.exists(target.resolve("d/evil")));
        try (var walk = Files.walk(local)) {
            assertEquals(List.of("ok.txt"), walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList());
        }
    }
}
