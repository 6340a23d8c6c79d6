package org.ferryftp.interop;

import org.ferryftp.cli.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sftp://} on the command line against the real OpenSSH sshd that {@code .ci/sshd.sh} starts (chrooted,
 * internal-sftp, home /data): host keys as OpenSSH prints them, password and key logins, the file commands.
 */
class SftpCliInteropIT {

    @TempDir
    Path tmp;

    final CliRun cli = new CliRun();
    Map<String, String> env;
    String address;
    String name;
    Path localDir;
    Path config;

    @BeforeEach
    void server() throws IOException {
        env = System.getenv();
        address = env.get("FERRY_SSHD");
        if (address == null) {
            if ("required".equals(env.get("FERRY_INTEROP"))) {
                Assertions.fail("FERRY_INTEROP=required but FERRY_SSHD is not set: run .ci/sshd.sh");
            }
            Assumptions.abort("SFTP interop tests need .ci/sshd.sh (set FERRY_INTEROP=required to enforce)");
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(address.substring(0, address.lastIndexOf(':')),
                    Integer.parseInt(address.substring(address.lastIndexOf(':') + 1))), 3000);
        }
        name = "cli-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        localDir = Path.of(env.get("FERRY_SSHD_ROOT")).resolve(name);
        config = Files.createDirectories(tmp.resolve("config"));
        Files.writeString(config.resolve("known_hosts"), env.get("FERRY_SSHD_KNOWN_HOSTS_LINE") + "\n");
        cli.env = Map.of("FERRY_CONFIG_DIR", config.toString(), "FERRY_PASSWORD", env.get("FERRY_SSHD_PASSWORD"));
    }

    @AfterEach
    void clean() throws IOException {
        if (localDir != null && Files.exists(localDir)) {
            try (var walk = Files.walk(localDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The test's own directory under the login directory. */
    String url(String path) {
        return "sftp://" + env.get("FERRY_SSHD_USER") + "@" + address + "/" + name + (path.isEmpty() ? "" : "/" + path);
    }

    static String oneLine(String err) {
        assertTrue(err.startsWith("ferry: ") && err.indexOf('\n') == err.length() - 1, err);
        return err.trim();
    }

    @Test
    void anUnknownKeyIsRefusedWithOpenSshsFingerprintAndTrustedWithIt() throws Exception {
        Files.delete(config.resolve("known_hosts"));
        String fingerprint = env.get("FERRY_SSHD_FINGERPRINT");
        assertEquals(1, cli.ferry("mkdir", url("")));
        String err = oneLine(cli.err());
        assertTrue(err.endsWith("--trust-fingerprint " + fingerprint), err);
        assertFalse(Files.exists(localDir));
        assertEquals(0, cli.ferry("mkdir", "--trust-fingerprint", fingerprint, url("")), cli.err());
        assertTrue(Files.isDirectory(localDir));
        assertEquals(0, cli.ferry("ls", url("")), cli.err());
        assertEquals("", cli.err(), "known from Ferry's own file now");
    }

    @Test
    void theFileCommandsWork() throws Exception {
        assertEquals(0, cli.ferry("mkdir", url("a/b")), cli.err());
        assertTrue(Files.isDirectory(localDir.resolve("a/b")));
        Files.writeString(localDir.resolve("a/f.txt"), "eff");
        // Made by this process (root in CI): the SFTP user must own it to change its mode.
        Files.setOwner(localDir.resolve("a/f.txt"), localDir.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(env.get("FERRY_SSHD_USER")));
        assertEquals(0, cli.ferry("ls", url("a")), cli.err());
        assertTrue(cli.out().contains(" b\n") && cli.out().contains("3 ") && cli.out().contains(" f.txt\n"), cli.out());
        assertEquals(0, cli.ferry("mv", url("a/f.txt"), name + "/a/g.txt"), cli.err());
        assertEquals("eff", Files.readString(localDir.resolve("a/g.txt")));
        assertEquals(0, cli.ferry("chmod", "600", url("a/g.txt")), cli.err());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(localDir.resolve("a/g.txt"))));
        assertEquals(1, cli.ferry("rm", url("a/missing.txt")));
        assertTrue(oneLine(cli.err()).contains("no such file"), cli.err());
        assertEquals(2, cli.ferry("rm", url("a")));
        assertEquals("ferry: " + name + "/a is a directory; use rm -r", oneLine(cli.err()));
        assertEquals(0, cli.ferry("rm", url("a/g.txt")), cli.err());
        assertEquals(0, cli.ferry("rm", "-r", url("a")), cli.err());
        assertFalse(Files.exists(localDir.resolve("a")));
        // The absolute path reaches the same place.
        assertEquals(0, cli.ferry("mkdir", "sftp://" + env.get("FERRY_SSHD_USER") + "@" + address + "/"
                + env.get("FERRY_SSHD_HOME") + "/" + name + "/abs"), cli.err());
        assertTrue(Files.isDirectory(localDir.resolve("abs")));
    }

    /** Through each of .ci/proxies.sh's proxies: a 3 MB put and get, byte-identical; a wrong proxy password is the proxy's. */
    @Test
    void getAndPutGoThroughSocks5AndHttpConnectProxies() throws Exception {
        String socks = env.get("FERRY_PROXY_SOCKS5_AUTH");
        String http = env.get("FERRY_PROXY_HTTP");
        if (socks == null || http == null) {
            if ("required".equals(env.get("FERRY_INTEROP"))) {
                Assertions.fail("FERRY_INTEROP=required but the proxies' env is not set: run .ci/proxies.sh");
            }
            Assumptions.abort("needs .ci/proxies.sh");
        }
        assertEquals(0, cli.ferry("mkdir", url("")), cli.err());
        byte[] data = new byte[3_000_000];
        new java.util.Random(7).nextBytes(data);
        Path file = Files.write(tmp.resolve("up.bin"), data);
        Map<String, String> proxies = Map.of(
                "socks5://" + env.get("FERRY_PROXY_SOCKS5_USER") + "@" + socks, env.get("FERRY_PROXY_SOCKS5_PASSWORD"),
                "http://" + env.get("FERRY_PROXY_HTTP_USER") + "@" + http, env.get("FERRY_PROXY_HTTP_PASSWORD"));
        for (Map.Entry<String, String> proxy : proxies.entrySet()) {
            cli.env = Map.of("FERRY_CONFIG_DIR", config.toString(), "FERRY_PASSWORD", env.get("FERRY_SSHD_PASSWORD"),
                    "FERRY_PROXY_PASSWORD", proxy.getValue());
            String name = proxy.getKey().startsWith("http") ? "via-http.bin" : "via-socks.bin";
            assertEquals(0, cli.ferry("put", "--proxy", proxy.getKey(), file.toString(), url(name)), cli.err());
            assertArrayEquals(data, Files.readAllBytes(localDir.resolve(name)), proxy.getKey());
            Path back = tmp.resolve("back-" + name);
            assertEquals(0, cli.ferry("get", "--proxy", proxy.getKey(), url(name), "-o", back.toString()), cli.err());
            assertArrayEquals(data, Files.readAllBytes(back), proxy.getKey());
        }
        cli.env = Map.of("FERRY_CONFIG_DIR", config.toString(), "FERRY_PASSWORD", env.get("FERRY_SSHD_PASSWORD"),
                "FERRY_PROXY_PASSWORD", "not-the-proxy-password");
        assertEquals(1, cli.ferry("ls", "--proxy", "socks5://" + env.get("FERRY_PROXY_SOCKS5_USER") + "@" + socks,
                url("")));
        String err = oneLine(cli.err());
        assertTrue(err.contains("proxy"), err);
        assertFalse(err.contains("not-the-proxy-password"), err);
    }

    @Test
    void aWrongPasswordIsOneLine() {
        cli.env = Map.of("FERRY_CONFIG_DIR", config.toString(), "FERRY_PASSWORD", "not-the-password");
        assertEquals(1, cli.ferry("ls", url("")));
        String err = oneLine(cli.err());
        assertTrue(err.startsWith("ferry: login to " + address + " as ferry refused"), err);
        assertFalse(err.contains("not-the-password"), err);
    }

    @Test
    void keyFilesLogInWithoutAPassword() throws Exception {
        Files.createDirectories(localDir);
        Files.writeString(localDir.resolve("k.txt"), "k");
        Map<String, String> noPassword = new HashMap<>(Map.of("FERRY_CONFIG_DIR", config.toString()));
        cli.env = noPassword;
        assertEquals(0, cli.ferry("ls", "--names", "--key", env.get("FERRY_SSHD_KEY"), url("")), cli.err());
        assertEquals("k.txt\n", cli.out());

        assertEquals(1, cli.ferry("ls", "--key", env.get("FERRY_SSHD_KEY_ENCRYPTED"), url("")));
        assertTrue(oneLine(cli.err()).startsWith("ferry: cannot read the key "), cli.err());
        noPassword.put("FERRY_KEY_PASSPHRASE", env.get("FERRY_SSHD_KEY_PASSPHRASE"));
        assertEquals(0, cli.ferry("ls", "--names", "--key", env.get("FERRY_SSHD_KEY_ENCRYPTED"), url("")), cli.err());
        assertEquals("k.txt\n", cli.out());
    }

    static byte[] random(int n, long seed) {
        byte[] data = new byte[n];
        new java.util.Random(seed).nextBytes(data);
        return data;
    }

    /** Made by this process (root in CI): the SFTP user must own what it is to change. */
    void ownedByTheSftpUser(Path file) throws IOException {
        Files.setOwner(file, file.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(env.get("FERRY_SSHD_USER")));
    }

    @Test
    void putAndGetAreByteIdenticalAndResumeByOffset() throws Exception {
        byte[] data = random(5 * 1024 * 1024 + 3, 11);
        Path src = Files.write(tmp.resolve("up.bin"), data);
        assertEquals(0, cli.ferry("mkdir", url("")), cli.err());
        assertEquals(0, cli.ferry("put", src.toString(), url("")), cli.err());
        assertArrayEquals(data, Files.readAllBytes(localDir.resolve("up.bin")));
        Path back = tmp.resolve("back.bin");
        assertEquals(0, cli.ferry("get", url("up.bin"), "-o", back.toString()), cli.err());
        assertArrayEquals(data, Files.readAllBytes(back));

        Path again = tmp.resolve("again.bin");
        Files.write(tmp.resolve("again.bin" + org.ferryftp.fs.PartialDownload.SUFFIX), Arrays.copyOf(data, 2_000_001));
        assertEquals(0, cli.ferry("get", "--resume", url("up.bin"), "-o", again.toString()), cli.err());
        assertArrayEquals(data, Files.readAllBytes(again));

        Path partial = Files.write(localDir.resolve("up2.bin.ferry-part"), Arrays.copyOf(data, 1_500_000));
        ownedByTheSftpUser(partial);
        assertEquals(0, cli.ferry("put", "--resume", src.toString(), url("up2.bin")), cli.err());
        assertArrayEquals(data, Files.readAllBytes(localDir.resolve("up2.bin")));
        assertFalse(Files.exists(partial));

        assertEquals(1, cli.ferry("get", url("missing.bin"), "-o", tmp.toString()));
        assertTrue(oneLine(cli.err()).contains("missing.bin"), cli.err());
    }

    @Test
    void aCopyFromSftpToVsftpdIsRelayedByteIdentical() throws Exception {
        VsftpdServer ftp = VsftpdServer.fromEnvironment();
        byte[] data = random(3 * 1024 * 1024 + 5, 12);
        Files.createDirectories(localDir);
        Files.write(localDir.resolve("relay.bin"), data);
        Path landed = ftp.root().resolve(name + ".bin");
        try {
            assertEquals(0, cli.ferry("fxp", url("relay.bin"), "ftp://" + ftp.user() + "@" + ftp.host() + ":"
                    + ftp.port() + "/" + name + ".bin"), cli.err());
            assertArrayEquals(data, Files.readAllBytes(landed));
        } finally {
            Files.deleteIfExists(landed);
        }
    }

    /**
     * The user's own {@code ~/.ssh/known_hosts}, hashed by {@code ssh-keygen -H} as many distributions do, vouches
     * for the server: the launcher in its own process with that home.
     */
    @Test
    void aHashedEntryInTheUsersKnownHostsIsHonoured() throws Exception {
        Files.delete(config.resolve("known_hosts"));
        Path home = tmp.resolve("home");
        Path ssh = Files.createDirectories(home.resolve(".ssh"));
        Files.writeString(ssh.resolve("known_hosts"), env.get("FERRY_SSHD_KNOWN_HOSTS_LINE") + "\n");
        Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", ssh.resolve("known_hosts").toString())
                .redirectErrorStream(true).start();
        assertEquals(0, hash.waitFor(), new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(Files.readString(ssh.resolve("known_hosts")).startsWith("|1|"), "hashed");

        List<String> command = new ArrayList<>(List.of("sh", "packaging/ferry", "mkdir", url("hashed")));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("FERRY_CONFIG_DIR", config.toString());
        pb.environment().put("FERRY_PASSWORD", env.get("FERRY_SSHD_PASSWORD"));
        pb.environment().put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ferry did not finish");
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("out.txt")));
        assertTrue(Files.isDirectory(localDir.resolve("hashed")));
        assertFalse(Files.exists(config.resolve("known_hosts")), "nothing needed recording");
    }
}
