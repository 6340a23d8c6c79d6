package org.ferryftp.interop;

import org.ferryftp.session.TransferListener;
import org.ferryftp.session.EntryKind;
import org.ferryftp.session.RemoteEntry;
import org.ferryftp.session.SessionException;
import org.ferryftp.sftp.HostKeyException;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpRefusedException;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SshLogin;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SftpSession against the real OpenSSH sshd that {@code .ci/sshd.sh} starts (chrooted, internal-sftp). */
class SftpInteropIT {

    @TempDir
    Path tmp;

    String host;
    int port;
    String user;
    String password;
    Path root;
    String home;
    String fingerprint;
    String dir;
    Path localDir;

    @BeforeEach
    void server() throws IOException {
        SshdServer sshd = SshdServer.fromEnvironment();
        host = sshd.host();
        port = sshd.port();
        user = sshd.user();
        password = sshd.password();
        root = sshd.root();
        home = sshd.home();
        fingerprint = sshd.fingerprint();
        String name = "it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        dir = home + "/" + name;
        localDir = root.resolve(name);
        Files.writeString(tmp.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
    }

    @AfterEach
    void clean() throws IOException {
        if (localDir != null && Files.exists(localDir)) {
            try (var walk = Files.walk(localDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    SftpSession open(KnownHosts hosts, HostKeyPolicy policy) throws SessionException {
        SftpSession s = new SftpSession(SshLogin.withOwnClient(SftpSettings.of(host, port, user,
                List.of(new SshAuth.Password(password)), hosts, policy), line -> { }), line -> { });
        s.connect();
        return s;
    }

    SftpSession open() throws SessionException {
        return open(new KnownHosts(List.of(tmp.resolve("known_hosts")), tmp.resolve("ferry_known_hosts")),
                HostKeyPolicy.KNOWN_ONLY);
    }

    @Test
    void theHostKeyIsCheckedAgainstKnownHostsAndTheFingerprintMatchesOpenSsh() throws Exception {
        KnownHosts empty = new KnownHosts(List.of(), tmp.resolve("none"));
        HostKeyException e = assertThrows(HostKeyException.class, () -> open(empty, HostKeyPolicy.KNOWN_ONLY));
        // The key MINA negotiates with sshd is the ECDSA one; its fingerprint is ssh-keygen's.
        assertTrue(e.getMessage().contains("--trust-fingerprint " + fingerprint),
                e.getMessage());
        try (SftpSession s = open(empty, HostKeyPolicy.fingerprint(fingerprint))) {
            assertEquals(home, s.pwd());
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        SessionException e = assertThrows(SessionException.class, () -> {
            SftpSession s = new SftpSession(SshLogin.withOwnClient(SftpSettings.of(host, port, user,
                    List.of(new SshAuth.Password("nope")), new KnownHosts(List.of(tmp.resolve("known_hosts")),
                    tmp.resolve("own")), HostKeyPolicy.KNOWN_ONLY), line -> { }), line -> { });
            s.connect();
        });
        assertTrue(e.getMessage().startsWith("login to " + host + ":" + port + " as " + user + " refused"),
                e.getMessage());
        assertFalse(e.isConnectionBroken());
    }

    @Test
    void filesGoBothWaysWithResumeAndEveryOperationWorks() throws Exception {
        byte[] data = new byte[5 * 1024 * 1024 + 3];
        new Random(5).nextBytes(data);
        try (SftpSession s = open()) {
            s.makeDirectory(dir);
            s.makeDirectory(dir + "/sub dir");
            int cut = 2_000_001;
            s.upload(dir + "/big.bin", new ByteArrayInputStream(data, 0, cut), 0, TransferListener.NONE);
            s.upload(dir + "/big.bin", new ByteArrayInputStream(data), cut, TransferListener.NONE);
            assertArrayEquals(data, Files.readAllBytes(localDir.resolve("big.bin")));
            assertEquals(data.length, s.size(dir + "/big.bin"));

            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            s.download(dir + "/big.bin", rest, cut, TransferListener.NONE);
            assertArrayEquals(Arrays.copyOfRange(data, cut, data.length), rest.toByteArray());

            s.upload(dir + "/Grüße 日本.txt", new ByteArrayInputStream("hi".getBytes()), 0, TransferListener.NONE);
            Map<String, EntryKind> kinds = s.list(dir).entries().stream()
                    .collect(Collectors.toMap(RemoteEntry::name, RemoteEntry::kind));
            assertEquals(Map.of("big.bin", EntryKind.FILE, "sub dir", EntryKind.DIRECTORY,
                    "Grüße 日本.txt", EntryKind.FILE), kinds);
            RemoteEntry big = s.list(dir).entries().stream().filter(x -> x.name().equals("big.bin")).findFirst()
                    .orElseThrow();
            // OpenSSH's long name; chrooted, internal-sftp has no /etc/passwd and names the uid instead of the user.
            assertEquals(String.valueOf(Files.getAttribute(localDir.resolve("big.bin"), "unix:uid")), big.owner());

            Instant t = Instant.parse("2021-02-03T04:05:06Z");
            s.setModificationTime(dir + "/big.bin", t);
            assertEquals(t, Files.getLastModifiedTime(localDir.resolve("big.bin")).toInstant());
            s.chmod("600", dir + "/big.bin");
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(localDir.resolve("big.bin"))));
            s.rename(dir + "/big.bin", dir + "/sub dir/moved.bin");
            assertTrue(Files.exists(localDir.resolve("sub dir/moved.bin")));
            SftpRefusedException missing = assertThrows(SftpRefusedException.class, () -> s.list(dir + "/missing"));
            assertEquals("list " + dir + "/missing: no such file or directory", missing.getMessage());
            s.delete(dir + "/sub dir/moved.bin");
            s.removeDirectory(dir + "/sub dir");
            assertFalse(Files.exists(localDir.resolve("sub dir")));
            assertTrue(s.isConnected());
        }
    }
}
