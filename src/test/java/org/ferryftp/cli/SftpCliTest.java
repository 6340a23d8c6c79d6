package org.ferryftp.cli;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.SshKeyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sftp://} URLs on the command line against an embedded MINA SSHD server: host keys (unknown, trusted with
 * --trust-fingerprint and remembered, changed), each way to log in, the file commands, and one-line errors.
 */
class SftpCliTest {

    @TempDir
    Path tmp;
    Path root;
    Path config;
    EmbeddedSftpServer server;
    final CliRun cli = new CliRun();

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        config = Files.createDirectories(tmp.resolve("config"));
        server = new EmbeddedSftpServer(root);
        cli.env = Map.of("FERRY_CONFIG_DIR", config.toString());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    String url(String path) {
        return "sftp://" + EmbeddedSftpServer.USER + ":" + EmbeddedSftpServer.PASSWORD + "@127.0.0.1:" + server.port()
                + "/" + path;
    }

    String fingerprint() {
        return KnownHosts.fingerprint(server.hostKey());
    }

    void trustServer() throws Exception {
        Files.writeString(config.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(server.hostKey()) + "\n");
    }

    /** An error is one line on stderr, "ferry: …". */
    static String oneLine(String err) {
        assertTrue(err.startsWith("ferry: ") && err.indexOf('\n') == err.length() - 1, err);
        return err.trim();
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprintThenTrustedAndRemembered() throws Exception {
        Files.writeString(root.resolve("a.txt"), "alpha");
        assertEquals(1, cli.ferry("ls", url("")));
        String err = oneLine(cli.err());
        assertTrue(err.contains("is not known (" + fingerprint() + ")"), err);
        assertTrue(err.endsWith("--trust-fingerprint " + fingerprint()), err);
        assertFalse(err.contains(EmbeddedSftpServer.PASSWORD), err);
        assertFalse(Files.exists(config.resolve("known_hosts")), "nothing recorded");

        assertEquals(1, cli.ferry("ls", "--trust-fingerprint", "SHA256:" + "A".repeat(43), url("")));
        assertTrue(oneLine(cli.err()).contains("is not known"), cli.err());

        assertEquals(0, cli.ferry("ls", "--trust-fingerprint", fingerprint(), url("")), cli.err());
        assertTrue(cli.out().contains("a.txt"), cli.out());
        assertTrue(cli.err().contains("trusted the host key " + fingerprint()), cli.err());
        assertTrue(Files.readString(config.resolve("known_hosts")).startsWith("[127.0.0.1]:" + server.port() + " "));

        assertEquals(0, cli.ferry("ls", "--names", url("")), cli.err());
        assertEquals("a.txt\n", cli.out());
        assertEquals("", cli.err());
    }

    @Test
    void aChangedHostKeyIsRefusedLoudlyOnOneLine() throws Exception {
        PublicKey other = EmbeddedSftpServer.newHostKey().getPublic();
        Files.writeString(config.resolve("known_hosts"), "[127.0.0.1]:" + server.port() + " "
                + PublicKeyEntry.toString(other) + "\n");
        assertEquals(1, cli.ferry("ls", url("")));
        String err = oneLine(cli.err());
        assertTrue(err.startsWith("ferry: WARNING: the host key of 127.0.0.1:" + server.port() + " has changed (now "
                + fingerprint() + ", recorded " + KnownHosts.fingerprint(other)), err);
        assertTrue(err.endsWith("refused"), err);
        // Not even with the new key's fingerprint: the recorded key must go first, as with OpenSSH.
        assertEquals(1, cli.ferry("ls", "--trust-fingerprint", fingerprint(), url("")));
        assertTrue(oneLine(cli.err()).startsWith("ferry: WARNING: the host key of 127.0.0.1:"), cli.err());
        assertEquals(1, Files.readAllLines(config.resolve("known_hosts")).size(), "nothing recorded");
    }

    @Test
    void aBadFingerprintOrAnFtpOptionIsBadUsage() throws Exception {
        trustServer();
        assertEquals(2, cli.ferry("ls", "--trust-fingerprint", "SHA256:short", url("")));
        assertTrue(oneLine(cli.err()).contains("SHA256: and 43 base64 characters"), cli.err());
        assertEquals(2, cli.ferry("ls", "--active", url("")));
        assertEquals("ferry: --active applies to FTP, not to sftp:// URLs", oneLine(cli.err()));
        assertEquals(2, cli.ferry("ls", "sftp://ferry@127.0.0.1:99999/"));
        assertTrue(oneLine(cli.err()).contains("bad port in URL"), cli.err());
    }

    @Test
    void fileCommandsWork() throws Exception {
        trustServer();
        Files.writeString(root.resolve("a.txt"), "alpha");
        assertEquals(0, cli.ferry("mkdir", url("one/two")), cli.err());
        assertTrue(Files.isDirectory(root.resolve("one/two")));
        assertEquals(0, cli.ferry("mv", url("a.txt"), "one/b.txt"), cli.err());
        assertEquals("alpha", Files.readString(root.resolve("one/b.txt")));
        assertEquals(0, cli.ferry("chmod", "640", url("one/b.txt")), cli.err());
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("one/b.txt"))));
        assertEquals(0, cli.ferry("ls", url("one")), cli.err());
        assertTrue(cli.out().matches("(?s)- rw-r----- +5 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d b\\.txt\nd .* two\n|"
                + "d .* two\n- rw-r----- +5 \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d b\\.txt\n"), cli.out());
        assertEquals(2, cli.ferry("rm", url("one")));
        assertEquals("ferry: one is a directory; use rm -r", oneLine(cli.err()));
        assertEquals(0, cli.ferry("rm", url("one/b.txt")), cli.err());
        assertFalse(Files.exists(root.resolve("one/b.txt")));
        assertEquals(0, cli.ferry("rm", "-r", url("one")), cli.err());
        assertFalse(Files.exists(root.resolve("one")));
        // An absolute path: // after the host, as in Ferry's FTP URLs.
        Files.writeString(root.resolve("c.txt"), "c");
        assertEquals(0, cli.ferry("rm", url("/c.txt")), cli.err());
        assertFalse(Files.exists(root.resolve("c.txt")));
    }

    @Test
    void missingFilesAndRefusedLoginsAndConnectionsAreOneLineFailures() throws Exception {
        trustServer();
        assertEquals(1, cli.ferry("rm", url("nothing.txt")));
        assertEquals("ferry: delete nothing.txt: no such file or directory", oneLine(cli.err()));
        assertEquals(1, cli.ferry("rm", "-r", url("nothing")));
        assertTrue(oneLine(cli.err()).contains("nothing: no such file or directory"), cli.err());
        assertEquals(1, cli.ferry("ls", url("nothing")));
        assertEquals("ferry: list nothing: no such file or directory", oneLine(cli.err()));
        assertEquals(1, cli.ferry("mv", url("nothing"), "x"));
        oneLine(cli.err());

        assertEquals(1, cli.ferry("ls", "sftp://ferry:wrong@127.0.0.1:" + server.port() + "/"));
        String refused = oneLine(cli.err());
        assertTrue(refused.startsWith("ferry: login to 127.0.0.1:" + server.port() + " as ferry refused"), refused);
        assertFalse(refused.contains("wrong"), refused);

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertEquals(1, cli.ferry("ls", "sftp://ferry@127.0.0.1:" + closed + "/"));
        assertEquals("ferry: cannot connect to 127.0.0.1:" + closed + ": Connection refused", oneLine(cli.err()));
    }

    @Test
    void thePasswordMayComeFromTheEnvironmentAndAnswersKeyboardInteractive() throws Exception {
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(),
                List.of(UserAuthKeyboardInteractiveFactory.INSTANCE));
        trustServer();
        Files.writeString(root.resolve("k.txt"), "k");
        Map<String, String> env = new HashMap<>(cli.env);
        env.put("FERRY_PASSWORD", EmbeddedSftpServer.PASSWORD);
        cli.env = env;
        assertEquals(0, cli.ferry("ls", "--names", "sftp://ferry@127.0.0.1:" + server.port() + "/"), cli.err());
        assertEquals("k.txt\n", cli.out());
    }

    @Test
    void anEncryptedKeyFileLogsInWithThePassphraseFromTheEnvironment() throws Exception {
        Path key = SshKeyFiles.generate(tmp.resolve("id_ecdsa"), "key-phrase");
        keyOnlyServer(key);
        Files.writeString(root.resolve("k.txt"), "k");
        String noPassword = "sftp://ferry@127.0.0.1:" + server.port() + "/";

        assertEquals(1, cli.ferry("ls", "--key", key.toString(), noPassword));
        assertTrue(oneLine(cli.err()).startsWith("ferry: cannot read the key " + key), cli.err());

        Map<String, String> env = new HashMap<>(cli.env);
        env.put("FERRY_KEY_PASSPHRASE", "key-phrase");
        cli.env = env;
        assertEquals(0, cli.ferry("ls", "--names", "--key", key.toString(), noPassword), cli.err());
        assertEquals("k.txt\n", cli.out());

        assertEquals(2, cli.ferry("ls", "--key", tmp.resolve("no-such-key").toString(), noPassword));
        assertTrue(oneLine(cli.err()).contains("no such key file"), cli.err());
        assertEquals(2, cli.ferry("ls", "--key", key.toString(), "ftp://127.0.0.1:1/"));
        assertEquals("ferry: --key applies to sftp:// URLs, not to FTP", oneLine(cli.err()));
    }

    @Test
    void theKeysOfTheSshAgentInTheEnvironmentLogIn() throws Exception {
        Path key = SshKeyFiles.generate(tmp.resolve("id_ecdsa"), "");
        keyOnlyServer(key);
        Path socket = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true).start();
        try {
            assertTrue(org.ferryftp.testsupport.FileWatch.awaitSize(socket, 0, java.time.Duration.ofSeconds(10)),
                    "agent socket");
            ProcessBuilder add = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            Process p = add.start();
            assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> env = new HashMap<>(cli.env);
            env.put("SSH_AUTH_SOCK", socket.toString());
            cli.env = env;
            Files.writeString(root.resolve("agent.txt"), "a");
            assertEquals(0, cli.ferry("ls", "--names", "sftp://ferry@127.0.0.1:" + server.port() + "/"), cli.err());
            assertEquals("agent.txt\n", cli.out());
        } finally {
            agent.destroy();
            agent.waitFor();
        }
    }

    static byte[] random(int n, long seed) {
        byte[] data = new byte[n];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void putAndGetAreByteIdenticalAndATreeGoesBothWays() throws Exception {
        trustServer();
        byte[] data = random(3_000_017, 1);
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path src = Files.write(local.resolve("up.bin"), data);
        Files.createDirectories(root.resolve("in"));
        assertEquals(0, cli.ferry("put", src.toString(), url("in/")), cli.err());
        assertArrayEquals(data, Files.readAllBytes(root.resolve("in/up.bin")));
        assertEquals(0, cli.ferry("put", src.toString(), url("in/renamed.bin")), cli.err());
        assertArrayEquals(data, Files.readAllBytes(root.resolve("in/renamed.bin")));

        Path back = local.resolve("back.bin");
        assertEquals(0, cli.ferry("get", url("in/up.bin"), "-o", back.toString()), cli.err());
        assertArrayEquals(data, Files.readAllBytes(back));

        Files.createDirectories(root.resolve("tree/sub"));
        Files.write(root.resolve("tree/sub/t.bin"), random(70_000, 2));
        assertEquals(0, cli.ferry("get", "-r", url("tree"), "-o", local.resolve("got").toString()), cli.err());
        assertArrayEquals(Files.readAllBytes(root.resolve("tree/sub/t.bin")),
                Files.readAllBytes(local.resolve("got/tree/sub/t.bin")));
        assertEquals(0, cli.ferry("put", "-r", local.resolve("got/tree").toString(), url("in/")), cli.err());
        assertArrayEquals(Files.readAllBytes(root.resolve("tree/sub/t.bin")),
                Files.readAllBytes(root.resolve("in/tree/sub/t.bin")));

        assertEquals(1, cli.ferry("get", url("in/missing.bin"), "-o", local.toString()));
        assertTrue(oneLine(cli.err()).contains("missing.bin"), cli.err());
        assertFalse(Files.exists(local.resolve("missing.bin")));
        assertEquals(1, cli.ferry("put", src.toString(), url("nowhere/")));
        assertEquals("ferry: no such directory: nowhere", oneLine(cli.err()));
    }

    @Test
    void getAndPutResumeFromWhereThePartialEnds() throws Exception {
        trustServer();
        byte[] data = random(2_500_000, 3);
        Files.write(root.resolve("r.bin"), data);
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path dst = local.resolve("r.bin");
        Files.write(local.resolve("r.bin" + org.ferryftp.fs.PartialDownload.SUFFIX), java.util.Arrays.copyOf(data, 1_234_567));
        assertEquals(0, cli.ferry("get", "--resume", url("r.bin"), "-o", dst.toString()), cli.err());
        assertArrayEquals(data, Files.readAllBytes(dst));

        Path src = Files.write(local.resolve("u.bin"), random(2_000_000, 4));
        Files.write(root.resolve("u.bin.ferry-part"), java.util.Arrays.copyOf(Files.readAllBytes(src), 777_777));
        assertEquals(0, cli.ferry("put", "--resume", src.toString(), url("")), cli.err());
        assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(root.resolve("u.bin")));
        assertFalse(Files.exists(root.resolve("u.bin.ferry-part")));
    }

    @Test
    void mirrorWorksBothWays() throws Exception {
        trustServer();
        Path local = Files.createDirectories(tmp.resolve("site/sub"));
        Files.write(local.resolve("m.bin"), random(300_000, 6));
        Files.writeString(tmp.resolve("site/top.txt"), "top");
        assertEquals(0, cli.ferry("mirror", tmp.resolve("site").toString(), url("mirrored")), cli.err());
        assertArrayEquals(Files.readAllBytes(local.resolve("m.bin")), Files.readAllBytes(root.resolve("mirrored/sub/m.bin")));
        assertEquals("top", Files.readString(root.resolve("mirrored/top.txt")));
        assertEquals(0, cli.ferry("mirror", "--dry-run", tmp.resolve("site").toString(), url("mirrored")), cli.err());
        assertFalse(cli.out().contains("copy"), "nothing left to do: " + cli.out());
        Path back = tmp.resolve("back");
        assertEquals(0, cli.ferry("mirror", url("mirrored"), back.toString()), cli.err());
        assertArrayEquals(Files.readAllBytes(local.resolve("m.bin")), Files.readAllBytes(back.resolve("sub/m.bin")));
    }

    @Test
    void aCopyBetweenSftpAndFtpIsRelayedThroughFerry() throws Exception {
        trustServer();
        byte[] data = random(1_500_000, 5);
        Files.write(root.resolve("relay.bin"), data);
        Path ftpRoot = Files.createDirectories(tmp.resolve("ftp"));
        try (org.ferryftp.testsupport.EmbeddedMinaServer ftp = new org.ferryftp.testsupport.EmbeddedMinaServer(ftpRoot)) {
            String ftpUrl = "ftp://" + org.ferryftp.testsupport.EmbeddedMinaServer.USER + ":"
                    + org.ferryftp.testsupport.EmbeddedMinaServer.PASSWORD + "@127.0.0.1:" + ftp.port();
            assertEquals(0, cli.ferry("fxp", url("relay.bin"), ftpUrl + "/"), cli.err());
            assertArrayEquals(data, Files.readAllBytes(ftpRoot.resolve("relay.bin")));
            assertEquals(0, cli.ferry("fxp", ftpUrl + "/relay.bin", url("back.bin")), cli.err());
            assertArrayEquals(data, Files.readAllBytes(root.resolve("back.bin")));
        }
    }

    @Test
    void savedSftpSitesConnectWithTheirStoredPasswordOrKey() throws Exception {
        trustServer();
        cli.env = CliRun.vaultEnv(config, "master words");
        var vault = new org.ferryftp.site.vault.VaultCredentialStore(config,
                org.ferryftp.site.vault.EnvironmentMasterPassword.from(cli.env).orElseThrow());
        org.ferryftp.site.SiteProfile byPassword = org.ferryftp.site.SiteProfile.builder("s1", "Shell", "127.0.0.1")
                .protocol(org.ferryftp.site.SiteProtocol.SFTP).port(server.port()).user(EmbeddedSftpServer.USER)
                .folder(List.of("Servers")).build();
        Path key = SshKeyFiles.generate(tmp.resolve("id_site"), "site-phrase");
        server.authorize(SshKeyFiles.publicKey(key));
        org.ferryftp.site.SiteProfile byKey = org.ferryftp.site.SiteProfile.builder("k1", "By key", "127.0.0.1")
                .protocol(org.ferryftp.site.SiteProtocol.SFTP).port(server.port()).user(EmbeddedSftpServer.USER)
                .ssh(new org.ferryftp.site.SshKeys(key.toString(), false)).build();
        new org.ferryftp.site.store.SiteStore(config, java.time.Clock.systemUTC()).save(List.of(byPassword, byKey));
        vault.put(org.ferryftp.site.SiteSessions.credentialKey(byPassword), EmbeddedSftpServer.PASSWORD);
        vault.put(org.ferryftp.site.SiteSessions.keyPassphraseKey(byKey), "site-phrase");

        Files.writeString(root.resolve("saved.txt"), "saved");
        assertEquals(0, cli.ferry("ls", "--names", "site:Servers/Shell"), cli.err());
        assertEquals("saved.txt\n", cli.out());
        Path copy = tmp.resolve("copy.txt");
        assertEquals(0, cli.ferry("get", "site:By key/saved.txt", "-o", copy.toString()), cli.err());
        assertEquals("saved", Files.readString(copy));
        assertEquals(0, cli.ferry("put", copy.toString(), "site:Servers/Shell/up.txt"), cli.err());
        assertEquals("saved", Files.readString(root.resolve("up.txt")));
        assertEquals(2, cli.ferry("ls", "--active", "site:Servers/Shell"));
        assertEquals("ferry: --active applies to FTP, not to SFTP sites", oneLine(cli.err()));
    }

    /** The server again, now taking only {@code key}. */
    void keyOnlyServer(Path key) throws Exception {
        server.close();
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(), List.of(UserAuthPublicKeyFactory.INSTANCE));
        server.authorize(SshKeyFiles.publicKey(key));
        trustServer();
    }
}
