package org.ferryftp.interop;

import org.ferryftp.fs.Location;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TlsPolicy;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.TransferQueue;
import org.ferryftp.transfer.TransferRequest;
import org.ferryftp.transfer.conflict.ConflictChoice;
import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FXP between real vsftpd instances on different loopback addresses: two with FXP allowed
 * (127.0.0.2, 127.0.0.3) and the plain one (127.0.0.1), which refuses foreign addresses.
 */
class FxpInteropIT {

    VsftpdServer plain;
    SiteRef a;
    SiteRef b;
    SiteRef strict;
    Path rootA;
    Path rootB;
    String name;
    final List<FtpSession> sessions = new CopyOnWriteArrayList<>();

    @BeforeEach
    void prepare() {
        plain = VsftpdServer.fromEnvironment();
        a = site("A", System.getenv("FERRY_VSFTPD_FXP_A"));
        b = site("B", System.getenv("FERRY_VSFTPD_FXP_B"));
        strict = new SiteRef("plain", "plain vsftpd", SessionSettings.of(plain.host(), plain.port(),
                Credentials.of(plain.user(), plain.password())), 2);
        rootA = Path.of(System.getenv("FERRY_VSFTPD_FXP_A_ROOT"));
        rootB = Path.of(System.getenv("FERRY_VSFTPD_FXP_B_ROOT"));
        name = "fxp-" + UUID.randomUUID() + ".bin";
    }

    SiteRef site(String id, String hostPort) {
        assertTrue(hostPort != null && hostPort.contains(":"), "FXP vsftpd instances not configured: " + id);
        String[] hp = hostPort.split(":");
        return new SiteRef(id, "vsftpd " + id, SessionSettings.of(hp[0], Integer.parseInt(hp[1]),
                Credentials.of(plain.user(), plain.password())), 2);
    }

    TransferQueue queue(RelayPolicy relay) {
        return queue(relay, ConflictChoice.OVERWRITE);
    }

    TransferQueue queue(RelayPolicy relay, ConflictChoice onConflict) {
        SessionFactory factory = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            sessions.add(session);
            return session;
        };
        return TransferQueue.create(QueueSettings.DEFAULT.withRelay(relay).withMaxAttempts(1), factory,
                ConflictPolicy.fixed(onConflict));
    }

    ItemSnapshot copy(SiteRef from, String path, SiteRef to, RelayPolicy relay) throws Exception {
        return copy(from, path, to, relay, ConflictChoice.OVERWRITE);
    }

    ItemSnapshot copy(SiteRef from, String path, SiteRef to, RelayPolicy relay, ConflictChoice onConflict)
            throws Exception {
        try (TransferQueue q = queue(relay, onConflict)) {
            q.submit(List.of(new TransferRequest(Location.remote(from, path), false, Location.remote(to, ""),
                    Priority.NORMAL)));
            assertTrue(q.awaitIdle(Duration.ofSeconds(60)));
            return q.snapshot().get(0);
        }
    }

    byte[] data(int size) {
        byte[] d = new byte[size];
        new Random(size).nextBytes(d);
        return d;
    }

    @Test
    void directBetweenTwoServersThatAllowIt() throws Exception {
        byte[] d = data(3_000_000);
        Files.write(rootA.resolve(name), d);
        ItemSnapshot item = copy(a, name, b, RelayPolicy.NEVER);
        assertInstanceOf(ItemState.Done.class, item.state(), item.toString());
        assertArrayEquals(d, Files.readAllBytes(rootB.resolve(name)));
        assertEquals(0, sessions.stream().mapToLong(FtpSession::fileDataBytes).sum(), "no byte through Ferry");
        Files.deleteIfExists(rootB.resolve(name));
        Files.deleteIfExists(rootA.resolve(name));
    }

    @Test
    void strictServerRefusesBothWaysAndTheErrorSaysWhoAndWhy() throws Exception {
        Files.write(rootA.resolve(name), data(500_000));
        ItemSnapshot item = copy(a, name, strict, RelayPolicy.NEVER);
        String reason = ((ItemState.Failed) item.state()).reason();
        assertTrue(reason.startsWith("plain vsftpd refused the data connection from vsftpd A "
                + "(425 Security: Bad IP connecting.): FXP is probably disabled there"), reason);
        assertTrue(reason.contains("with the roles swapped: plain vsftpd refused to connect to vsftpd A "
                + "(500 Illegal PORT command.)"), reason);
        assertTrue(reason.contains("pasv_promiscuous/port_promiscuous"), reason);
        assertTrue(Files.notExists(plain.root().resolve(name)), "a refused copy leaves no target behind");
        assertTrue(Files.notExists(plain.root().resolve(name + ".ferry-part")));
        Files.deleteIfExists(rootA.resolve(name));
    }

    @Test
    void askingAgainThroughFerryAfterARefusalCopiesTheFileInsteadOfSkippingALeftover() throws Exception {
        byte[] d = data(600_000);
        Files.write(rootA.resolve(name), d);
        try {
            ItemSnapshot refused = copy(a, name, strict, RelayPolicy.NEVER, ConflictChoice.SKIP);
            assertInstanceOf(ItemState.Failed.class, refused.state(), refused.toString());
            ItemSnapshot relayed = copy(a, name, strict, RelayPolicy.ALWAYS, ConflictChoice.SKIP);
            assertInstanceOf(ItemState.Done.class, relayed.state(), relayed.toString());
            assertArrayEquals(d, Files.readAllBytes(plain.root().resolve(name)));
            assertTrue(Files.notExists(plain.root().resolve(name + ".ferry-part")));
        } finally {
            Files.deleteIfExists(plain.root().resolve(name));
            Files.deleteIfExists(plain.root().resolve(name + ".ferry-part"));
            Files.deleteIfExists(rootA.resolve(name));
        }
    }

    @Test
    void refusedBothWaysFallsBackToARelayWhenAllowed() throws Exception {
        byte[] d = data(800_000);
        Files.write(plain.root().resolve(name), d);
        ItemSnapshot refused = copy(strict, name, b, RelayPolicy.NEVER);
        assertTrue(((ItemState.Failed) refused.state()).reason().contains("500 Illegal PORT command."),
                refused.toString());
        ItemSnapshot relayed = copy(strict, name, b, RelayPolicy.FALLBACK);
        assertInstanceOf(ItemState.Done.class, relayed.state(), relayed.toString());
        assertArrayEquals(d, Files.readAllBytes(rootB.resolve(name)));
        Files.deleteIfExists(rootB.resolve(name));
        Files.deleteIfExists(plain.root().resolve(name));
    }

    SiteRef ftpsSite(String id, boolean implicit) {
        VsftpdServer server = VsftpdServer.ftps(implicit);
        return new SiteRef(id, "vsftpd " + id, SessionSettings.of(server.host(), server.port(),
                Credentials.of(server.user(), server.password())).withTls(TlsPolicy.of(implicit
                ? TlsPolicy.Mode.IMPLICIT : TlsPolicy.Mode.EXPLICIT,
                CertificateTrust.fingerprints(List.of(VsftpdServer.tlsFingerprint())))), 2);
    }

    @Test
    void encryptedSitesWithoutSscnOrCpsvAreRelayedWhenAllowedOtherwiseRefusedWithTheReason() throws Exception {
        // vsftpd forces PROT P here and offers neither SSCN nor CPSV: a direct copy would deadlock.
        SiteRef explicit = ftpsSite("FTPES", false);
        SiteRef implicit = ftpsSite("FTPS", true);
        Path from = VsftpdServer.ftps(false).root();
        Path to = VsftpdServer.ftps(true).root();
        byte[] d = data(1_200_000);
        Files.write(from.resolve(name), d);
        try {
            ItemSnapshot refused = copy(explicit, name, implicit, RelayPolicy.NEVER);
            String reason = ((ItemState.Failed) refused.state()).reason();
            assertTrue(reason.contains("both vsftpd FTPES and vsftpd FTPS encrypt data connections (PROT P), "
                    + "and neither offers SSCN or CPSV"), reason);
            assertTrue(Files.notExists(to.resolve(name)));

            sessions.clear();
            ItemSnapshot relayed = copy(explicit, name, implicit, RelayPolicy.FALLBACK);
            assertInstanceOf(ItemState.Done.class, relayed.state(), relayed.toString());
            assertArrayEquals(d, Files.readAllBytes(to.resolve(name)));
            assertTrue(sessions.stream().allMatch(FtpSession::protectsData), "PROT P on every session");
            long through = sessions.stream().mapToLong(FtpSession::fileDataBytes).sum();
            assertTrue(through >= d.length, "relayed: the file's bytes passed through Ferry (" + through + ")");
        } finally {
            Files.deleteIfExists(from.resolve(name));
            Files.deleteIfExists(to.resolve(name));
        }
    }
}
