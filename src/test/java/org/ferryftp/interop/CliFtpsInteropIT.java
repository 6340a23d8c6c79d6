package org.ferryftp.interop;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * FTPS the way users run it: the packaged launcher ({@code packaging/ferry}, i.e. {@code java -jar
 * target/ferry.jar} with the launcher's JVM options) in its own process, against vsftpd with
 * {@code require_ssl_reuse=YES}. The TLS version is pinned through the JDK's standard
 * {@code jdk.tls.client.protocols} property.
 */
class CliFtpsInteropIT {

    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    Run ferry(String tlsVersion, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "packaging/ferry"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("FERRY_PASSWORD", VsftpdServer.ftps(false).password());
        if (tlsVersion != null) {
            pb.environment().put("JAVA_TOOL_OPTIONS", "-Djdk.tls.client.protocols=" + tlsVersion);
        }
        pb.redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ferry did not finish");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void putAndGetThroughTheLauncher(String version) throws Exception {
        VsftpdServer server = VsftpdServer.ftps(false);
        String fp = VsftpdServer.tlsFingerprint();
        String name = "cli-" + UUID.randomUUID() + ".bin";
        byte[] data = new byte[2_500_000];
        new Random(3).nextBytes(data);
        Path up = Files.write(tmp.resolve("up.bin"), data);
        String url = "ftpes://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + name;

        Run put = ferry(version, "put", up.toString(), url, "--trust-fingerprint", fp, "--log");
        assertEquals(0, put.exit(), put.err());
        assertTrue(put.err().contains("PROT P"), put.err());
        assertArrayEquals(data, Files.readAllBytes(server.root().resolve(name)));

        Path down = tmp.resolve("down.bin");
        Run get = ferry(version, "get", url, "-o", down.toString(), "--trust-fingerprint", fp.replace(":", ""));
        assertEquals(0, get.exit(), get.err());
        assertArrayEquals(data, Files.readAllBytes(down));

        Run ls = ferry(version, "ls", "ftpes://" + server.user() + "@" + server.host() + ":" + server.port() + "/",
                "--names", "--trust-fingerprint", fp);
        assertEquals(0, ls.exit(), ls.err());
        assertTrue(ls.out().lines().anyMatch(name::equals), ls.out());
        Files.delete(server.root().resolve(name));
    }

    @Test
    void implicitUrlAndUntrustedCertificatePrintsTheFingerprint() throws Exception {
        VsftpdServer server = VsftpdServer.ftps(true);
        Run ls = ferry(null, "ls", "ftps://" + server.user() + "@" + server.host() + ":" + server.port() + "/");
        assertEquals(1, ls.exit(), ls.err());
        assertTrue(ls.err().contains(VsftpdServer.tlsFingerprint()), ls.err());
        assertTrue(ls.err().contains("--trust-fingerprint"), ls.err());
        assertTrue(!ls.err().contains("Exception"), "no stack trace: " + ls.err());

        Run trusted = ferry(null, "ls", "ftps://" + server.user() + "@" + server.host() + ":" + server.port() + "/",
                "--trust-fingerprint", VsftpdServer.tlsFingerprint());
        assertEquals(0, trusted.exit(), trusted.err());
    }
}
