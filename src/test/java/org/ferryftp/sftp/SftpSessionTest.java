package org.ferryftp.sftp;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.ferryftp.session.TransferListener;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.SessionException;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SFTP against an embedded MINA SSHD server: host keys, each login method, and every file operation. */
class SftpSessionTest {

    @TempDir
    Path tmp;
    Path root;
    Path home;
    EmbeddedSftpServer server;
    final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        home = Files.createDirectories(tmp.resolve("home"));
        server = new EmbeddedSftpServer(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    KnownHosts knownHosts() {
        return new KnownHosts(List.of(home.resolve("ssh_known_hosts")), home.resolve("ferry_known_hosts"));
    }

    SftpSession open(List<SshAuth> auth, HostKeyPolicy policy) throws SessionException {
        SftpSession s = new SftpSession(SshLogin.withOwnClient(SftpSettings.of("127.0.0.1", server.port(),
                EmbeddedSftpServer.USER, auth, knownHosts(), policy), log::add), log::add);
        s.connect();
        return s;
    }

    SftpSession open() throws Exception {
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        return open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), HostKeyPolicy.KNOWN_ONLY);
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintAndTheHint() {
        HostKeyException e = assertThrows(HostKeyException.class,
                () -> open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), HostKeyPolicy.KNOWN_ONLY));
        String fingerprint = KnownHosts.fingerprint(server.hostKey());
        assertTrue(fingerprint.startsWith("SHA256:") && !fingerprint.endsWith("="), fingerprint);
        assertEquals("the host key of 127.0.0.1:" + server.port() + " is not known (" + fingerprint + "); check it"
                + " with the server's administrator, then re-run with --trust-fingerprint " + fingerprint, e.getMessage());
        assertInstanceOf(HostKeyVerdict.Unknown.class, e.verdict());
        assertFalse(e.isConnectionBroken(), "not worth a retry");
        assertFalse(Files.exists(home.resolve("ferry_known_hosts")), "nothing recorded");
    }

    @Test
    void theGivenFingerprintIsAcceptedAndATrustedKeyIsKnownNextTime() throws Exception {
        String fingerprint = KnownHosts.fingerprint(server.hostKey());
        try (SftpSession s = open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)),
                HostKeyPolicy.fingerprint(fingerprint))) {
            assertEquals("/", s.pwd());
        }
        assertThrows(HostKeyException.class, () -> open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)),
                HostKeyPolicy.fingerprint("SHA256:somethingElse")));
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        assertEquals(List.of("[127.0.0.1]:" + server.port() + " " + PublicKeyEntry.toString(server.hostKey())),
                Files.readAllLines(home.resolve("ferry_known_hosts")));
        try (SftpSession s = open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), HostKeyPolicy.KNOWN_ONLY)) {
            assertTrue(s.isConnected());
        }
    }

    /** A policy that needs no question answers during the key exchange: one connection, not a refused one and a second. */
    @Test
    void aGivenFingerprintIsAcceptedOnTheFirstConnection() throws Exception {
        try (SftpSession s = open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)),
                HostKeyPolicy.fingerprint(KnownHosts.fingerprint(server.hostKey())))) {
            assertEquals("/", s.pwd());
        }
        assertEquals(1, log.stream().filter(line -> line.startsWith("connected to ")).count(), String.join("\n", log));
        assertTrue(log.contains("host key " + KnownHosts.fingerprint(server.hostKey()) + " accepted"), String.join("\n", log));
    }

    @Test
    void aChangedHostKeyRaisesTheAlarmEvenWhenTheUserSaidTrust() throws Exception {
        // The user's OpenSSH file knows another key of the same type for this host and port.
        Files.writeString(home.resolve("ssh_known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(EmbeddedSftpServer.newHostKey().getPublic()) + "\n");
        HostKeyVerdict[] seen = new HostKeyVerdict[1];
        HostKeyException e = assertThrows(HostKeyException.class, () -> open(
                List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), (h, p, k, v) -> {
                    seen[0] = v;
                    return false;
                }));
        assertInstanceOf(HostKeyVerdict.Changed.class, seen[0]);
        assertTrue(e.getMessage().startsWith("WARNING: the host key of 127.0.0.1:" + server.port() + " has changed"),
                e.getMessage());
        assertTrue(e.getMessage().contains(home.resolve("ssh_known_hosts").toString()), e.getMessage());
    }

    @Test
    void aHashedOpenSshEntryIsHonoured() throws Exception {
        byte[] salt = new byte[20];
        new Random(7).nextBytes(salt);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(salt, "HmacSHA1"));
        byte[] hash = mac.doFinal(("[127.0.0.1]:" + server.port()).getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        Files.writeString(home.resolve("ssh_known_hosts"), "|1|" + b64.encodeToString(salt) + "|"
                + b64.encodeToString(hash) + " " + PublicKeyEntry.toString(server.hostKey()) + "\n");
        try (SftpSession s = open(List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), HostKeyPolicy.KNOWN_ONLY)) {
            assertTrue(s.isConnected());
        }
    }

    @Test
    void aWrongPasswordIsALoginRefusalNotALostConnection() throws Exception {
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        SessionException e = assertThrows(SessionException.class,
                () -> open(List.of(new SshAuth.Password("wrong")), HostKeyPolicy.KNOWN_ONLY));
        assertTrue(e.getMessage().startsWith("login to 127.0.0.1:" + server.port() + " as ferry refused"),
                e.getMessage());
        assertFalse(e.isConnectionBroken());
        assertFalse(e.getMessage().contains("wrong"), "the password is never shown");
    }

    @Test
    void keyboardInteractiveIsAnsweredWithThePassword() throws Exception {
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(),
                List.of(UserAuthKeyboardInteractiveFactory.INSTANCE));
        try (SftpSession s = open()) {
            assertEquals("/", s.pwd());
        }
    }

    @Test
    void anEncryptedOpenSshKeyAsksForItsPassphrase() throws Exception {
        Path key = generateKey("key-phrase");
        assertTrue(Files.readString(key).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(), List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.authorize(publicKey(key));
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        int[] asked = {0};
        try (SftpSession s = open(List.of(new SshAuth.KeyFile(key, () -> {
            asked[0]++;
            return Optional.of("key-phrase");
        })), HostKeyPolicy.KNOWN_ONLY)) {
            assertEquals("/", s.pwd());
        }
        assertEquals(1, asked[0]);
        SessionException wrong = assertThrows(SessionException.class, () -> open(List.of(new SshAuth.KeyFile(key,
                () -> Optional.of("not-it"))), HostKeyPolicy.KNOWN_ONLY));
        assertTrue(wrong.getMessage().startsWith("cannot read the key " + key), wrong.getMessage());
    }

    @Test
    void aPasswordIsAskedForOnlyWhenTheKeyIsRefusedAndTheServerTakesOne() throws Exception {
        Path key = generateKey("");
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(), List.of(UserAuthPublicKeyFactory.INSTANCE,
                UserAuthPasswordFactory.INSTANCE));
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        int[] asked = {0};
        SshAuth.PasswordOnRequest prompt = new SshAuth.PasswordOnRequest(() -> {
            asked[0]++;
            return Optional.of(EmbeddedSftpServer.PASSWORD);
        });
        try (SftpSession s = open(List.of(new SshAuth.KeyFile(key, Optional::empty), prompt), HostKeyPolicy.KNOWN_ONLY)) {
            assertEquals("/", s.pwd());
        }
        assertEquals(1, asked[0], "the key is not authorized: the password was asked for once");
        server.authorize(publicKey(key));
        try (SftpSession s = open(List.of(new SshAuth.KeyFile(key, Optional::empty), prompt), HostKeyPolicy.KNOWN_ONLY)) {
            assertEquals("/", s.pwd());
        }
        assertEquals(1, asked[0], "the key logged in: no question");
        SshAuth.PasswordOnRequest declined = new SshAuth.PasswordOnRequest(Optional::empty);
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(), List.of(UserAuthPublicKeyFactory.INSTANCE,
                UserAuthPasswordFactory.INSTANCE));
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        SessionException refused = assertThrows(SessionException.class, () -> open(List.of(new SshAuth.KeyFile(key,
                Optional::empty), declined), HostKeyPolicy.KNOWN_ONLY));
        assertTrue(refused.getMessage().startsWith("login to 127.0.0.1:" + server.port() + " as "), refused.getMessage());
    }

    @Test
    void theKeysOfARunningSshAgentLogIn() throws Exception {
        Path key = generateKey("");
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(), List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.authorize(publicKey(key));
        knownHosts().trust("127.0.0.1", server.port(), server.hostKey());
        Path socket = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            assertTrue(org.ferryftp.testsupport.FileWatch.awaitSize(socket, 0, java.time.Duration.ofSeconds(10)), "agent socket");
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Files.delete(key); // only the agent holds the private key now
            try (SftpSession s = open(List.of(new SshAuth.Agent(socket)), HostKeyPolicy.KNOWN_ONLY)) {
                assertEquals("/", s.pwd());
            }
        } finally {
            agent.destroy();
            agent.waitFor();
        }
        SessionException gone = assertThrows(SessionException.class,
                () -> open(List.of(new SshAuth.Agent(socket)), HostKeyPolicy.KNOWN_ONLY));
        assertTrue(gone.getMessage().startsWith("login to 127.0.0.1:" + server.port()), gone.getMessage());
    }

    Path generateKey(String passphrase) throws Exception {
        Path key = home.resolve("id_ecdsa");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ecdsa", "-b", "256", "-N", passphrase, "-C", "",
                "-f", key.toString()).redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return key;
    }

    java.security.PublicKey publicKey(Path key) throws Exception {
        return PublicKeyEntry.parsePublicKeyEntry(Files.readString(Path.of(key + ".pub")).trim())
                .resolvePublicKey(null, null, null);
    }

    @Test
    void listsWithKindsSizesTimesAndPermissions() throws Exception {
        Files.write(root.resolve("a.bin"), new byte[1234]);
        Files.setLastModifiedTime(root.resolve("a.bin"), java.nio.file.attribute.FileTime.from(
                Instant.parse("2024-05-06T07:08:09Z")));
        Files.setPosixFilePermissions(root.resolve("a.bin"), PosixFilePermissions.fromString("rw-r-----"));
        Files.createDirectories(root.resolve("dir with space/inner"));
        Files.writeString(root.resolve("Grüße 日本.txt"), "x");
        Files.createSymbolicLink(root.resolve("link"), Path.of("a.bin"));
        try (SftpSession s = open()) {
            Map<String, RemoteEntry> byName = s.list("/").entries().stream()
                    .collect(Collectors.toMap(RemoteEntry::name, e -> e));
            assertEquals(Map.of("a.bin", EntryKind.FILE, "dir with space", EntryKind.DIRECTORY,
                    "Grüße 日本.txt", EntryKind.FILE, "link", EntryKind.SYMLINK),
                    byName.values().stream().collect(Collectors.toMap(RemoteEntry::name, RemoteEntry::kind)));
            RemoteEntry a = byName.get("a.bin");
            assertEquals(1234, a.size());
            assertEquals(Instant.parse("2024-05-06T07:08:09Z"), a.modified());
            assertEquals("rw-r-----", a.permissions());
            assertEquals("a.bin", byName.get("link").linkTarget());
            assertEquals(List.of("inner"), s.list("/dir with space").entries().stream().map(RemoteEntry::name).toList());
            SftpRefusedException missing = assertThrows(SftpRefusedException.class, () -> s.list("/nope"));
            assertEquals("list /nope: no such file or directory", missing.getMessage());
            assertTrue(s.isConnected(), "a refusal leaves the session usable");
        }
    }

    @Test
    void aListingStreamsInBatchesAndCanBeStopped() throws Exception {
        for (int i = 0; i < 2500; i++) {
            Files.writeString(root.resolve("f" + i), "");
        }
        try (SftpSession s = open()) {
            List<Integer> sizes = new CopyOnWriteArrayList<>();
            s.list("/", batch -> sizes.add(batch.entries().size()));
            assertEquals(List.of(1000, 1000, 500), sizes);
            sizes.clear();
            s.list("/", batch -> {
                sizes.add(batch.entries().size());
                return false;
            });
            assertEquals(List.of(1000), sizes);
        }
    }

    @Test
    void downloadsAndUploadsResumeAtAnOffsetByteIdentical() throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(data);
        Files.write(root.resolve("big.bin"), data);
        try (SftpSession s = open()) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            long[] last = {0};
            assertEquals(data.length, s.download("/big.bin", whole, 0, n -> last[0] = n));
            assertArrayEquals(data, whole.toByteArray());
            assertEquals(data.length, last[0]);

            int at = 1_000_003;
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            assertEquals(data.length - at, s.download("/big.bin", rest, at, TransferListener.NONE));
            assertArrayEquals(Arrays.copyOfRange(data, at, data.length), rest.toByteArray());

            // An upload cut after `at` bytes, then resumed from there.
            assertEquals(at, s.upload("/up.bin", new ByteArrayInputStream(data, 0, at), 0, TransferListener.NONE));
            assertEquals(at, s.size("/up.bin"));
            assertEquals(data.length - at, s.upload("/up.bin", new ByteArrayInputStream(data), at,
                    TransferListener.NONE));
            assertArrayEquals(data, Files.readAllBytes(root.resolve("up.bin")));
            // A fresh upload over a longer file truncates it.
            s.upload("/up.bin", new ByteArrayInputStream(new byte[10]), 0, TransferListener.NONE);
            assertEquals(10, Files.size(root.resolve("up.bin")));
        }
    }

    @Test
    void directoriesRenamesDeletesModesAndTimes() throws Exception {
        try (SftpSession s = open()) {
            s.makeDirectory("/d");
            assertTrue(Files.isDirectory(root.resolve("d")));
            assertTrue(s.isDirectory("/d"));
            SftpRefusedException again = assertThrows(SftpRefusedException.class, () -> s.makeDirectory("/d"));
            assertTrue(again.getMessage().startsWith("create directory /d: "), again.getMessage());
            s.upload("/d/f.txt", new ByteArrayInputStream("hello".getBytes()), 0, TransferListener.NONE);
            assertTrue(s.exists("/d/f.txt"));
            assertFalse(s.exists("/d/none"));
            s.rename("/d/f.txt", "/d/g.txt");
            assertEquals("hello", Files.readString(root.resolve("d/g.txt")));
            s.chmod("640", "/d/g.txt");
            assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("d/g.txt"))));
            Instant t = Instant.parse("2020-01-02T03:04:05Z");
            s.setModificationTime("/d/g.txt", t);
            assertEquals(t, s.modificationTime("/d/g.txt"));
            assertEquals(t, Files.getLastModifiedTime(root.resolve("d/g.txt")).toInstant());
            SftpRefusedException notEmpty = assertThrows(SftpRefusedException.class, () -> s.removeDirectory("/d"));
            assertTrue(notEmpty.getMessage().startsWith("remove directory /d: "), notEmpty.getMessage());
            s.delete("/d/g.txt");
            s.removeDirectory("/d");
            assertFalse(Files.exists(root.resolve("d")));
            assertThrows(SessionException.class, () -> s.chmod("9z", "/x"));
        }
    }

    @Test
    void aDroppedServerIsABrokenConnection() throws Exception {
        Files.write(root.resolve("f.bin"), new byte[100]);
        SftpSession s = open();
        server.close();
        SessionException e = assertThrows(SessionException.class, () -> s.size("/f.bin"));
        assertTrue(e.isConnectionBroken(), e.getMessage());
        assertFalse(s.isConnected());
        s.close();
    }
}
