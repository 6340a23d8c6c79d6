package org.ferryftp.site;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.sftp.HostKeyException;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.site.trust.HostKeyQuestion;
import org.ferryftp.site.trust.HostKeyTrust;
import org.ferryftp.site.trust.TrustDecision;
import org.ferryftp.site.vault.MemoryCredentialStore;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.transfer.SessionFactory;
import org.ferryftp.transfer.StandardSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A saved SFTP site, through the catalog, against an embedded MINA SSHD: password, key and host-key trust. */
class SftpSiteCatalogTest {

    @TempDir
    Path tmp;

    @Test
    void aSavedSftpSiteLogsInWithItsStoredPasswordAndATrustedKeyGoesToFerrysOwnKnownHosts() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(root.resolve("hello.txt"), "hello");
        List<HostKeyQuestion> asked = new CopyOnWriteArrayList<>();
        KnownHosts known = new KnownHosts(List.of(), tmp.resolve("config/known_hosts"));
        SshEnvironment ssh = new SshEnvironment(known, new HostKeyTrust(known, q -> {
            asked.add(q);
            return TrustDecision.TRUST_ALWAYS;
        }, p -> { }), Optional.empty());
        MemoryCredentialStore credentials = new MemoryCredentialStore();
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root); SharedSshClient client = new SharedSshClient()) {
            SiteProfile p = SiteProfile.builder("s1", "Shell", "127.0.0.1").protocol(SiteProtocol.SFTP)
                    .port(server.port()).user(EmbeddedSftpServer.USER).build();
            credentials.put(SiteSessions.credentialKey(p), EmbeddedSftpServer.PASSWORD);
            SiteCatalog catalog = new SiteCatalog(credentials, site -> Optional.empty(),
                    site -> org.ferryftp.ftp.CertificateTrust.REJECT, ssh);
            catalog.setProfiles(List.of(p));
            SiteRef placeholder = catalog.placeholder(SiteSessions.refId(p)).orElseThrow();
            assertInstanceOf(SiteEndpoint.Sftp.class, placeholder.endpoint());
            assertEquals("sftp://ferry@127.0.0.1:" + server.port(), placeholder.endpoint().url());

            SessionFactory sessions = catalog.sessions(new StandardSessions(e -> { }, client));
            try (RemoteSession s = sessions.open(placeholder)) {
                assertEquals(5, s.size("/hello.txt"));
            }
            assertEquals(1, asked.size());
            assertEquals(KnownHosts.fingerprint(server.hostKey()), asked.get(0).fingerprint());
            assertTrue(Files.readString(tmp.resolve("config/known_hosts")).startsWith("[127.0.0.1]:" + server.port()));
            try (RemoteSession again = sessions.open(placeholder)) {
                assertEquals(5, again.size("/hello.txt"));
            }
            assertEquals(1, asked.size(), "a key trusted always is not asked about again");
        }
    }

    @Test
    void anEncryptedKeyOpensWithThePassphraseFromTheCredentialStoreAndARefusedKeyFailsClearly() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path key = encryptedKey("key-phrase");
        KnownHosts known = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        MemoryCredentialStore credentials = new MemoryCredentialStore();
        try (EmbeddedSftpServer server = keyOnlyServer(root, key); SharedSshClient client = new SharedSshClient()) {
            SiteProfile p = SiteProfile.builder("k1", "By key", "127.0.0.1").protocol(SiteProtocol.SFTP)
                    .port(server.port()).user(EmbeddedSftpServer.USER).ssh(new SshKeys(key.toString(), false)).build();
            credentials.put(SiteSessions.keyPassphraseKey(p), "key-phrase");
            SiteCatalog refusing = new SiteCatalog(credentials, site -> Optional.empty(),
                    site -> org.ferryftp.ftp.CertificateTrust.REJECT,
                    new SshEnvironment(known, new HostKeyTrust(known, q -> TrustDecision.REJECT, x -> { }),
                            Optional.empty()));
            refusing.setProfiles(List.of(p));
            SiteRef ref = refusing.placeholder(SiteSessions.refId(p)).orElseThrow();
            HostKeyException refused = assertThrows(HostKeyException.class,
                    () -> refusing.sessions(new StandardSessions(e -> { }, client)).open(ref));
            assertTrue(refused.getMessage().contains("not known"), refused.getMessage());

            known.trust("127.0.0.1", server.port(), server.hostKey());
            try (RemoteSession s = refusing.sessions(new StandardSessions(e -> { }, client)).open(ref)) {
                assertEquals("/", s.pwd());
            }
        }
    }

    @Test
    void anEncryptedKeyWithoutAStoredPassphraseAsksForItOnceThisRun() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path key = encryptedKey("typed-phrase");
        List<String> asked = new CopyOnWriteArrayList<>();
        SiteCatalog.PasswordPrompt prompt = new SiteCatalog.PasswordPrompt() {
            @Override
            public Optional<String> ask(SiteProfile site) {
                asked.add("password " + site.name());
                return Optional.empty();
            }

            @Override
            public Optional<String> askKeyPassphrase(SiteProfile site) {
                asked.add("passphrase " + site.name() + " " + site.ssh().keyFile());
                return Optional.of("typed-phrase");
            }
        };
        try (EmbeddedSftpServer server = keyOnlyServer(root, key); SharedSshClient client = new SharedSshClient()) {
            openTwiceWithKey(server, client, tmp.resolve("known_hosts"), prompt, "Asks", key);
            assertEquals(List.of("passphrase Asks " + key), asked, "asked once, never for a password it has not got");
        }
    }

    @Test
    void aRefusedKeyFallsBackToThePasswordPromptOnceThisRun() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Path key = encryptedKey("");
        List<String> asked = new CopyOnWriteArrayList<>();
        SiteCatalog.PasswordPrompt prompt = site -> {
            asked.add("password " + site.name());
            return Optional.of(EmbeddedSftpServer.PASSWORD);
        };
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(),
                List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE));
             SharedSshClient client = new SharedSshClient()) {
            openTwiceWithKey(server, client, tmp.resolve("known_hosts"), prompt, "Key refused", key);
            assertEquals(List.of("password Key refused"), asked, "asked once, when the server refused the key");
        }
    }

    /**
     * Opens two sessions at once to a saved site that logs in with {@code key} (its host key trusted), through a
     * catalog with no stored secrets that asks {@code prompt}; the host key is trusted in {@code knownHosts}.
     */
    private static void openTwiceWithKey(EmbeddedSftpServer server, SharedSshClient client, Path knownHosts,
                                         SiteCatalog.PasswordPrompt prompt, String name, Path key) throws Exception {
        KnownHosts known = new KnownHosts(List.of(), knownHosts);
        known.trust("127.0.0.1", server.port(), server.hostKey());
        SiteProfile p = SiteProfile.builder("k-" + name, name, "127.0.0.1").protocol(SiteProtocol.SFTP)
                .port(server.port()).user(EmbeddedSftpServer.USER).ssh(new SshKeys(key.toString(), false)).build();
        SiteCatalog catalog = new SiteCatalog(new MemoryCredentialStore(), prompt,
                site -> org.ferryftp.ftp.CertificateTrust.REJECT,
                new SshEnvironment(known, org.ferryftp.sftp.HostKeyPolicy.KNOWN_ONLY, Optional.empty()));
        catalog.setProfiles(List.of(p));
        SiteRef ref = catalog.placeholder(SiteSessions.refId(p)).orElseThrow();
        SessionFactory sessions = catalog.sessions(new StandardSessions(e -> { }, client));
        try (RemoteSession a = sessions.open(ref); RemoteSession b = sessions.open(ref)) {
            assertEquals("/", a.pwd());
            assertEquals("/", b.pwd());
        }
    }

    /** An OpenSSH private key encrypted with {@code passphrase}, made by ssh-keygen as a user would. */
    private Path encryptedKey(String passphrase) throws Exception {
        Path key = tmp.resolve("id_ecdsa");
        Process gen = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", passphrase, "-C", "",
                "-f", key.toString()).redirectErrorStream(true).start();
        assertEquals(0, gen.waitFor(), new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return key;
    }

    /** A server that takes only public keys, and only {@code key}'s. */
    private static EmbeddedSftpServer keyOnlyServer(Path root, Path key) throws Exception {
        EmbeddedSftpServer server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(),
                List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.authorize(PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).trim())
                .resolvePublicKey(null, null, null));
        return server;
    }
}
