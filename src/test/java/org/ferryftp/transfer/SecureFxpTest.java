package org.ferryftp.transfer;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TlsPolicy;
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

/**
 * Site-to-site copies between FTPS sites with encrypted data connections (PROT P): a plain FXP would
 * leave both servers waiting for the other's TLS handshake, so Ferry never tries it; it relays when the
 * sites allow, and otherwise says why it cannot copy directly.
 */
class SecureFxpTest {

    @TempDir
    Path rootA;
    @TempDir
    Path rootB;
    final List<String> commands = new CopyOnWriteArrayList<>();

    TransferQueue queue(RelayPolicy relay) {
        SessionFactory factory = s -> {
            FtpSession session = new FtpSession(s.settings(), e -> commands.add(e.text()));
            session.connect();
            return session;
        };
        RetryPolicy retry = new RetryPolicy(1, Duration.ofMillis(20), Duration.ofMillis(50), 0, new Random(1));
        return TransferQueue.create(QueueSettings.DEFAULT.withRelay(relay), factory,
                ConflictPolicy.fixed(ConflictChoice.SKIP), retry);
    }

    static SiteRef tlsSite(String name, EmbeddedMinaServer server) {
        return new SiteRef(name, name, SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD))
                .withTls(TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, c -> true)), 2);
    }

    @Test
    void encryptedSitesAreRelayedNotDeadlocked() throws Exception {
        byte[] data = new byte[1_500_000];
        new Random(4).nextBytes(data);
        try (EmbeddedMinaServer a = EmbeddedMinaServer.withTls(rootA, "other.p12", false);
             EmbeddedMinaServer b = EmbeddedMinaServer.withTls(rootB, "other.p12", false)) {
            a.write("s.bin", data);
            try (TransferQueue q = queue(RelayPolicy.FALLBACK)) {
                q.submit(List.of(new TransferRequest(Location.remote(tlsSite("A", a), "/s.bin"), false,
                        Location.remote(tlsSite("B", b), "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
                assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
            }
            assertArrayEquals(data, Files.readAllBytes(rootB.resolve("s.bin")));
            assertFalse(commands.stream().anyMatch(c -> c.startsWith("PORT ")), "no direct copy attempted");
        }
    }

    @Test
    void secureFxpWithSscnCopiesDirectlyBothWays() throws Exception {
        byte[] data = random(800_000, 6);
        try (EmbeddedMinaServer a = EmbeddedMinaServer.withTls(rootA, "other.p12", false);
             ScriptedFtpServer b = new ScriptedFtpServer().tls("other.p12", true)) {
            a.write("x.bin", data);
            SiteRef siteB = scriptedTlsSite(b);
            copyDirectly(Location.remote(tlsSite("A", a), "/x.bin"), Location.remote(siteB, "/"));
            assertArrayEquals(data, b.file("/x.bin"));
            assertTrue(b.commands().contains("SSCN ON"), b.commands().toString());
            assertTrue(b.commands().contains("SSCN OFF"), b.commands().toString());
            assertTrue(b.commands().contains("PROT P"), b.commands().toString());

            // And back: the scripted server sends, still as the TLS client.
            Files.createDirectories(rootA.resolve("back"));
            copyDirectly(Location.remote(siteB, "/x.bin"), Location.remote(tlsSite("A", a), "/back/"));
            assertArrayEquals(data, Files.readAllBytes(rootA.resolve("back/x.bin")));
        }
        assertTrue(commands.stream().anyMatch(c -> c.startsWith("PORT ")), "a direct copy");
    }

    @Test
    void secureFxpWithCpsvOnlyLetsTheCpsvServerListenBothWays() throws Exception {
        byte[] data = random(900_000, 8);
        try (EmbeddedMinaServer a = EmbeddedMinaServer.withTls(rootA, "other.p12", false);
             ScriptedFtpServer b = new ScriptedFtpServer().tls("other.p12", false).cpsv()) {
            a.write("c.bin", data);
            SiteRef siteB = scriptedTlsSite(b);
            // B is the target: it must be the one that listens (CPSV), whatever the preference says.
            copyDirectly(Location.remote(tlsSite("A", a), "/c.bin"), Location.remote(siteB, "/"));
            assertArrayEquals(data, b.file("/c.bin"));
            assertTrue(b.commands().contains("CPSV"), b.commands().toString());
            assertTrue(b.commands().contains("PROT P"), b.commands().toString());
            assertFalse(b.commands().stream().anyMatch(c -> c.startsWith("SSCN") || c.equals("PASV")),
                    b.commands().toString());
            assertTrue(commands.stream().anyMatch(c -> c.startsWith("PORT 127,0,0,1,")), "A connects to B");

            // And back: B is the source now and still the listener.
            commands.clear();
            Files.createDirectories(rootA.resolve("back"));
            copyDirectly(Location.remote(siteB, "/c.bin"), Location.remote(tlsSite("A", a), "/back/"));
            assertArrayEquals(data, Files.readAllBytes(rootA.resolve("back/c.bin")));
            assertEquals(2, b.commands().stream().filter("CPSV"::equals).count(), b.commands().toString());
            assertFalse(commands.contains("PASV"), "MINA never listens: it cannot be the TLS client");
        }
    }

    static SiteRef scriptedTlsSite(ScriptedFtpServer b) {
        return new SiteRef("B", "B", SessionSettings.of("127.0.0.1", b.port(), Credentials.of("ferry", "secret"))
                .withTls(TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, c -> true)), 2);
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    /** One site-to-site copy with relaying off: it must complete, so it went directly. */
    void copyDirectly(Location from, Location to) throws Exception {
        try (TransferQueue q = queue(RelayPolicy.NEVER)) {
            q.submit(List.of(new TransferRequest(from, false, to, Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            assertInstanceOf(ItemState.Done.class, q.snapshot().get(0).state(), q.snapshot().toString());
        }
    }

    @Test
    void withoutRelayTheFailureSaysWhy() throws Exception {
        try (EmbeddedMinaServer a = EmbeddedMinaServer.withTls(rootA, "other.p12", false);
             EmbeddedMinaServer b = new EmbeddedMinaServer(rootB)) {
            a.write("s.bin", new byte[10]);
            SiteRef plainB = new SiteRef("B", "plain B", SessionSettings.of("127.0.0.1", b.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
            try (TransferQueue q = queue(RelayPolicy.NEVER)) {
                q.submit(List.of(new TransferRequest(Location.remote(tlsSite("A", a), "/s.bin"), false,
                        Location.remote(plainB, "/"), Priority.NORMAL)));
                assertTrue(q.awaitIdle(Duration.ofSeconds(30)));
                ItemState state = q.snapshot().get(0).state();
                assertInstanceOf(ItemState.Failed.class, state);
                String reason = ((ItemState.Failed) state).reason();
                assertTrue(reason.contains("A encrypts data connections (PROT P) and plain B does not"), reason);
                assertTrue(reason.contains("allow relaying"), reason);
            }
            assertFalse(Files.exists(rootB.resolve("s.bin")));
        }
    }

}
