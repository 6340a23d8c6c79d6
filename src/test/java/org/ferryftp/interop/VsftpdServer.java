package org.ferryftp.interop;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real vsftpd that {@code .ci/run} starts. With FERRY_INTEROP=required (as in CI) a missing or
 * unreachable server fails the tests; without it (a developer's plain {@code mvn -B verify}) they skip.
 */
record VsftpdServer(String host, int port, String user, String password, Path root) {

    static VsftpdServer fromEnvironment() {
        Map<String, String> env = System.getenv();
        boolean required = "required".equals(env.get("FERRY_INTEROP"));
        String host = env.get("FERRY_VSFTPD_HOST");
        if (host == null) {
            if (required) {
                Assertions.fail("FERRY_INTEROP=required but FERRY_VSFTPD_HOST is not set: run .ci/vsftpd.sh");
            }
            Assumptions.abort("vsftpd interop tests need .ci/vsftpd.sh (set FERRY_INTEROP=required to enforce)");
        }
        return reachable(new VsftpdServer(host, Integer.parseInt(env.getOrDefault("FERRY_VSFTPD_PORT", "21")),
                env.get("FERRY_VSFTPD_USER"), env.get("FERRY_VSFTPD_PASSWORD"), Path.of(env.get("FERRY_VSFTPD_ROOT"))),
                required);
    }

    /** The FTPS instance (explicit on FERRY_VSFTPD_FTPS, implicit on FERRY_VSFTPD_FTPS_IMPLICIT). */
    static VsftpdServer ftps(boolean implicit) {
        VsftpdServer plain = fromEnvironment();
        Map<String, String> env = System.getenv();
        String var = implicit ? "FERRY_VSFTPD_FTPS_IMPLICIT" : "FERRY_VSFTPD_FTPS";
        String address = env.get(var);
        Assertions.assertNotNull(address, var + " is not set: rerun .ci/vsftpd.sh");
        int colon = address.lastIndexOf(':');
        return reachable(new VsftpdServer(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                plain.user(), plain.password(), Path.of(env.get(var + "_ROOT"))),
                "required".equals(env.get("FERRY_INTEROP")));
    }

    /** SHA-256 fingerprint of the FTPS instances' self-signed certificate. */
    static String tlsFingerprint() {
        String f = System.getenv("FERRY_VSFTPD_TLS_FINGERPRINT");
        Assertions.assertNotNull(f, "FERRY_VSFTPD_TLS_FINGERPRINT is not set: rerun .ci/vsftpd.sh");
        return f;
    }

    private static VsftpdServer reachable(VsftpdServer s, boolean required) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(s.host, s.port), 3000);
        } catch (IOException e) {
            String msg = "vsftpd at " + s.host + ":" + s.port + " is not reachable: " + e.getMessage();
            if (required) {
                Assertions.fail(msg);
            }
            Assumptions.abort(msg);
        }
        Assertions.assertTrue(Files.isDirectory(s.root), "FERRY_VSFTPD_ROOT is not a directory: " + s.root);
        return s;
    }
}
