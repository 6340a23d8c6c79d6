package org.ferryftp.ftp;

import org.ferryftp.session.ListingResult;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FTPS against embedded MINA: explicit and implicit, TLS 1.2 and 1.3, PROT P/C, certificate trust.
 * Key stores in {@code src/test/resources/org/ferryftp/tls}: {@code server.p12} holds a certificate
 * for DNS name {@code localhost} signed by a test CA ({@code anchors.p12}); {@code other.p12} a
 * self-signed one (generated once with keytool; password {@code ferry-test}).
 */
public class MinaTlsTest {

    @TempDir
    Path root;
    EmbeddedMinaServer server;
    final List<LogEntry> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    static KeyStore anchors() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = MinaTlsTest.class.getResourceAsStream("/org/ferryftp/tls/anchors.p12")) {
            ks.load(in, "ferry-test".toCharArray());
        }
        return ks;
    }

    FtpSession connect(String host, TlsPolicy tls) throws FtpException {
        SessionSettings settings = SessionSettings.of(host, server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)).withTls(tls);
        FtpSession s = new FtpSession(settings, "tls", log::add);
        s.connect();
        return s;
    }

    @ParameterizedTest(name = "{0} implicit={1}")
    @CsvSource({"TLSv1.2,false", "TLSv1.3,false", "TLSv1.2,true", "TLSv1.3,true"})
    void roundTripOverTlsIsByteIdentical(String version, boolean implicit) throws Exception {
        server = EmbeddedMinaServer.withTls(root, "server.p12", implicit, version);
        TlsPolicy.Mode mode = implicit ? TlsPolicy.Mode.IMPLICIT : TlsPolicy.Mode.EXPLICIT;
        byte[] data = new byte[2_000_000];
        new Random(7).nextBytes(data);
        try (FtpSession s = connect("localhost",
                TlsPolicy.of(mode, CertificateTrust.REJECT).withTrustAnchors(anchors()).withProtocols(version))) {
            assertTrue(s.isSecure());
            MinaSessionTest.upload(s, "up.bin", data);
            MinaSessionTest.upload(s, "up2.bin", data);
            assertArrayEquals(data, Files.readAllBytes(root.resolve("up.bin")));
            assertArrayEquals(data, MinaSessionTest.download(s, "up.bin"));
            ListingResult listing = s.list("/");
            assertNotNull(MinaSessionTest.find(listing, "up2.bin"));
        }
        assertEquals(!implicit, log.stream().anyMatch(e -> e.text().equals("AUTH TLS")));
        assertTrue(log.stream().anyMatch(e -> e.text().equals("PROT P")));
    }

    @Test
    void manyDataConnectionsUnderTls13WithoutAReconnectWhenTheServerRenewsItsTickets() throws Exception {
        // JSSE's server sends a new ticket on every resumed connection (as vsftpd does); only a server that
        // sends none (ProFTPD, ServerMatrixInteropIT) makes the session reconnect with TLS 1.2.
        server = EmbeddedMinaServer.withTls(root, "server.p12", false);
        byte[] data = new byte[300_000];
        new Random(8).nextBytes(data);
        try (FtpSession s = connect("localhost", TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, CertificateTrust.REJECT)
                .withTrustAnchors(anchors()))) {
            for (int i = 0; i < 4; i++) {
                MinaSessionTest.upload(s, "m" + i + ".bin", data);
                assertArrayEquals(data, MinaSessionTest.download(s, "m" + i + ".bin"));
            }
        }
        assertTrue(log.stream().anyMatch(e -> e.text().contains("TLS established")));
        assertFalse(log.stream().anyMatch(e -> e.text().contains("reconnecting with TLS 1.2")),
                () -> log.stream().map(LogEntry::text).toList().toString());
    }

    @Test
    void clearDataConnectionsWhenTheSiteSaysSo() throws Exception {
        server = EmbeddedMinaServer.withTls(root, "server.p12", false);
        byte[] data = "clear data".getBytes();
        try (FtpSession s = connect("localhost", TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, CertificateTrust.REJECT)
                .withTrustAnchors(anchors()).withProtectData(false))) {
            MinaSessionTest.upload(s, "c.txt", data);
            assertArrayEquals(data, MinaSessionTest.download(s, "c.txt"));
        }
        assertTrue(log.stream().anyMatch(e -> e.text().equals("PROT C")));
    }

    @Test
    void hostNameIsVerified() throws Exception {
        server = EmbeddedMinaServer.withTls(root, "server.p12", false);
        AtomicReference<ServerCertificate> asked = new AtomicReference<>();
        CertificateTrust recordAndRefuse = c -> {
            asked.set(c);
            return false;
        };
        // The certificate names "localhost" only: connecting as 127.0.0.1 must not pass silently.
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class, () -> connect(
                "127.0.0.1", TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, recordAndRefuse).withTrustAnchors(anchors())));
        assertNotNull(asked.get());
        assertTrue(e.getMessage().contains("issued for other names than 127.0.0.1"), e.getMessage());
        assertEquals(List.of("localhost"), e.certificate().names());
    }

    @Test
    void unknownCertificateFailsWithItsFingerprintAndPassesWhenTrusted() throws Exception {
        server = EmbeddedMinaServer.withTls(root, "other.p12", false);
        UntrustedCertificateException e = assertThrows(UntrustedCertificateException.class,
                () -> connect("127.0.0.1", TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, CertificateTrust.REJECT)));
        String fingerprint = e.certificate().sha256();
        assertTrue(e.getMessage().contains(fingerprint), e.getMessage());
        assertTrue(e.getMessage().contains("self-signed"), e.getMessage());
        assertEquals(95, fingerprint.length());

        AtomicInteger asked = new AtomicInteger();
        CertificateTrust pinned = CertificateTrust.fingerprints(List.of(fingerprint.replace(":", "").toLowerCase()));
        CertificateTrust counting = c -> {
            asked.incrementAndGet();
            return pinned.accept(c);
        };
        try (FtpSession s = connect("127.0.0.1", TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, counting))) {
            MinaSessionTest.upload(s, "a.txt", "a".getBytes());
            MinaSessionTest.upload(s, "b.txt", "b".getBytes());
            assertArrayEquals("a".getBytes(), MinaSessionTest.download(s, "a.txt"));
        }
        assertEquals(1, asked.get(), "the data connections must not ask again");
    }

    @Test
    void changedCertificateIsNotAcceptedByTheOldFingerprint() throws Exception {
        server = EmbeddedMinaServer.withTls(root, "server.p12", false);
        String old = fingerprintOf("other.p12");
        assertThrows(UntrustedCertificateException.class, () -> connect("127.0.0.1",
                TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, CertificateTrust.fingerprints(List.of(old)))));
    }

    @Test
    void ifOfferedStaysPlainOnAServerWithoutTlsAndSaysSo() throws Exception {
        server = new EmbeddedMinaServer(root);
        try (FtpSession s = connect("127.0.0.1", TlsPolicy.of(TlsPolicy.Mode.IF_OFFERED, CertificateTrust.REJECT))) {
            assertFalse(s.isSecure());
            MinaSessionTest.upload(s, "p.txt", "plain".getBytes());
        }
        assertTrue(log.stream().anyMatch(e -> e.text().contains("WITHOUT encryption")));
    }

    @Test
    void explicitRefusesAServerWithoutTls() {
        server = new EmbeddedMinaServer(root);
        FtpRefusedException e = assertThrows(FtpRefusedException.class,
                () -> connect("127.0.0.1", TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, CertificateTrust.REJECT)));
        assertTrue(e.getMessage().contains("refused TLS"), e.getMessage());
        assertFalse(log.stream().anyMatch(l -> l.text().startsWith("USER")), "no login in the clear");
    }

    public static String fingerprintOf(String keyStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = MinaTlsTest.class.getResourceAsStream("/org/ferryftp/tls/" + keyStore)) {
            ks.load(in, "ferry-test".toCharArray());
        }
        return ServerCertificate.fingerprint((java.security.cert.X509Certificate) ks.getCertificate("server"));
    }
}
