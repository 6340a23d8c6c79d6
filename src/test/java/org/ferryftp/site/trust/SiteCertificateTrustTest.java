package org.ferryftp.site.trust;

import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.ftp.TlsPolicy;
import org.ferryftp.ftp.UntrustedCertificateException;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-site certificate trust against embedded MINA FTPS servers with self-signed certificates. */
class SiteCertificateTrustTest {

    @TempDir
    Path dir;

    final List<CertificateQuestion> asked = new CopyOnWriteArrayList<>();
    final List<String> problems = new ArrayList<>();

    CertificatePrompt answering(TrustDecision decision) {
        return q -> {
            asked.add(q);
            return decision;
        };
    }

    void connect(EmbeddedMinaServer server, TrustedCertificates store, CertificatePrompt prompt) throws Exception {
        SessionSettings s = SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD))
                .withTls(TlsPolicy.of(TlsPolicy.Mode.EXPLICIT,
                        new SiteCertificateTrust("site-1", "My server", store, prompt, problems::add)));
        try (FtpSession session = new FtpSession(s, "t", e -> { })) {
            session.connect();
            session.list("/");
        }
    }

    @Test
    void trustAlwaysIsRememberedAcrossRunsAndAChangedCertificateRaisesAWarning() throws Exception {
        Path file = dir.resolve("trusted-certificates.properties");
        try (EmbeddedMinaServer server = EmbeddedMinaServer.withTls(dir.resolve("a"), "other.p12", false)) {
            connect(server, new TrustedCertificates(file), answering(TrustDecision.TRUST_ALWAYS));
            assertEquals(1, asked.size());
            assertNull(asked.get(0).previousFingerprint());
            assertEquals("My server", asked.get(0).siteName());
            assertTrue(Files.readString(file).contains("site-1"));

            // A new run (new store from the same file) connects without asking.
            connect(server, new TrustedCertificates(file), answering(TrustDecision.REJECT));
            assertEquals(1, asked.size());
        }
        String first = new TrustedCertificates(file).trusted("site-1").orElseThrow();
        // Same site, other certificate: asked again, with the old fingerprint for the warning.
        try (EmbeddedMinaServer server = EmbeddedMinaServer.withTls(dir.resolve("b"), "server.p12", false)) {
            TrustedCertificates store = new TrustedCertificates(file);
            assertThrows(UntrustedCertificateException.class,
                    () -> connect(server, store, answering(TrustDecision.REJECT)));
            assertEquals(2, asked.size());
            assertTrue(asked.get(1).changed());
            assertEquals(first, asked.get(1).previousFingerprint());
            assertEquals(first, new TrustedCertificates(file).trusted("site-1").orElseThrow(),
                    "a refused certificate must not replace the trusted one");
        }
    }

    @Test
    void trustOnceLastsForTheRunOnlyAndIsNotSaved() throws Exception {
        Path file = dir.resolve("trusted.properties");
        try (EmbeddedMinaServer server = EmbeddedMinaServer.withTls(dir.resolve("a"), "other.p12", false)) {
            TrustedCertificates store = new TrustedCertificates(file);
            connect(server, store, answering(TrustDecision.TRUST_ONCE));
            connect(server, store, answering(TrustDecision.REJECT));
            assertEquals(1, asked.size());
            assertFalse(Files.exists(file));
            assertThrows(UntrustedCertificateException.class,
                    () -> connect(server, new TrustedCertificates(file), answering(TrustDecision.REJECT)));
        }
    }

    @Test
    void unsavableDecisionStillConnectsAndSaysWhy() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        TrustedCertificates store = new TrustedCertificates(blocker.resolve("trusted.properties"));
        try (EmbeddedMinaServer server = EmbeddedMinaServer.withTls(dir.resolve("a"), "other.p12", false)) {
            connect(server, store, answering(TrustDecision.TRUST_ALWAYS));
        }
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("trusted until Ferry exits"), problems.get(0));
        assertTrue(store.trusted("site-1").isEmpty());
    }

    @Test
    void unreadableFileIsReportedNotFatal() throws Exception {
        Path file = Files.writeString(dir.resolve("t.properties"), "site=\\u12");
        TrustedCertificates store = new TrustedCertificates(file);
        assertTrue(store.loadProblem().isPresent());
        assertTrue(store.trusted("site").isEmpty());
    }
}
