package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.UploadCutter;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seeded cuts of the receiving server's session, at random points and as often as chance says: each run ends
 * with the identical file under its name and success, or with failure and nothing under the final name.
 */
class CutSweepTest {

    @TempDir
    Path local;
    @TempDir
    Path rootA;
    @TempDir
    Path rootB;

    static TransferQueue queue(int attempts) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(attempts, Duration.ofMillis(5), Duration.ofMillis(20), 0, new Random(1));
        return TransferQueue.create(QueueSettings.DEFAULT, sessions, ConflictPolicy.fixed(ConflictChoice.SKIP), retry);
    }

    static SiteRef site(String id, EmbeddedMinaServer server) {
        return new SiteRef(id, id, SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
    }

    /** A random file, and a cutter that cuts a random number of times after a random number of bytes. */
    record Case(byte[] data, UploadCutter cutter, int attempts) {
        static Case of(long seed) {
            Random r = new Random(seed);
            byte[] data = new byte[r.nextInt(900_000)];
            r.nextBytes(data);
            return new Case(data, new UploadCutter(1 + r.nextInt(Math.max(1, data.length)), r.nextInt(5)), 4);
        }
    }

    static void assertIdenticalOrFailedWithoutFinalName(ItemSnapshot item, byte[] data, Path finalFile) throws Exception {
        if (item.state() instanceof ItemState.Done) {
            assertArrayEquals(data, Files.readAllBytes(finalFile), item.toString());
            assertFalse(Files.exists(finalFile.resolveSibling(finalFile.getFileName() + ".ferry-part")), item.toString());
        } else {
            assertInstanceOf(ItemState.Failed.class, item.state(), item.toString());
            assertFalse(Files.exists(finalFile), "a failure leaves nothing under the final name: " + item);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void uploads(long seed) throws Exception {
        Case c = Case.of(seed);
        Path src = Files.write(local.resolve("u.bin"), c.data());
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(rootB, c.cutter());
             TransferQueue q = queue(c.attempts())) {
            q.submit(List.of(new TransferRequest(Location.local(src.toString()), false,
                    Location.remote(site("B", server), "/"), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            assertIdenticalOrFailedWithoutFinalName(q.snapshot().get(0), c.data(), rootB.resolve("u.bin"));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
    void serverToServer(long seed) throws Exception {
        Case c = Case.of(seed);
        Files.write(rootA.resolve("f.bin"), c.data());
        try (EmbeddedMinaServer a = new EmbeddedMinaServer(rootA);
             EmbeddedMinaServer b = new EmbeddedMinaServer(rootB, c.cutter());
             TransferQueue q = queue(c.attempts())) {
            q.submit(List.of(new TransferRequest(Location.remote(site("A", a), "/f.bin"), false,
                    Location.remote(site("B", b), "/"), Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            ItemSnapshot item = q.snapshot().get(0);
            assertIdenticalOrFailedWithoutFinalName(item, c.data(), rootB.resolve("f.bin"));
            if (item.state() instanceof ItemState.Failed) {
                assertFalse(Files.exists(rootB.resolve("f.bin.ferry-part")), "a failed copy leaves nothing: " + item);
            }
        }
    }
}
