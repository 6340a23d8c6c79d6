package org.ferryftp.interop;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The real OpenSSH sshd that {@code .ci/sshd.sh} starts (chrooted internal-sftp). With FERRY_INTEROP=required (as in
 * CI) a missing or unreachable server fails the tests; without it they skip.
 *
 * @param root            the chroot's data directory on this machine
 * @param home            the same directory as the SFTP session sees it
 * @param knownHostsLine  the server's key as a known_hosts line
 * @param fingerprint     its {@code SHA256:…} fingerprint
 */
record SshdServer(String host, int port, String user, String password, Path root, String home,
                  String knownHostsLine, String fingerprint) {

    static SshdServer fromEnvironment() {
        Map<String, String> env = System.getenv();
        boolean required = "required".equals(env.get("FERRY_INTEROP"));
        String address = env.get("FERRY_SSHD");
        if (address == null) {
            if (required) {
                Assertions.fail("FERRY_INTEROP=required but FERRY_SSHD is not set: run .ci/sshd.sh");
            }
            Assumptions.abort("SFTP interop tests need .ci/sshd.sh (set FERRY_INTEROP=required to enforce)");
        }
        int colon = address.lastIndexOf(':');
        SshdServer s = new SshdServer(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                env.get("FERRY_SSHD_USER"), env.get("FERRY_SSHD_PASSWORD"), Path.of(env.get("FERRY_SSHD_ROOT")),
                env.get("FERRY_SSHD_HOME"), env.get("FERRY_SSHD_KNOWN_HOSTS_LINE"), env.get("FERRY_SSHD_FINGERPRINT"));
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(s.host, s.port), 3000);
        } catch (IOException e) {
            throw new UncheckedIOException("sshd at " + address + " is not reachable: " + e.getMessage(), e);
        }
        return s;
    }
}
