package org.ferryftp.sftp;

import org.ferryftp.session.SessionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that takes the connection but never speaks SSH (an overloaded sshd past its MaxStartups does so): the
 * login fails after the connect timeout as a broken connection, worth a retry, not as a refused login.
 */
class SshLoginTimeoutTest {

    @TempDir
    Path tmp;

    @Test
    void aServerThatNeverAnswersIsABrokenConnectionNotARefusedLogin() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread holder = new Thread(() -> {
                try (Socket held = silent.accept()) {
                    held.getInputStream().readAllBytes(); // reads, never answers, until the client goes
                } catch (java.io.IOException ignored) {
                    // the test ended
                }
            });
            holder.setDaemon(true);
            holder.start();
            SftpSettings settings = new SftpSettings("127.0.0.1", silent.getLocalPort(), "ferry",
                    List.of(new SshAuth.Password("pw")), Duration.ofSeconds(1), Duration.ofSeconds(1),
                    new KnownHosts(List.of(), tmp.resolve("known_hosts")), HostKeyPolicy.KNOWN_ONLY);
            SessionException e = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(
                    SessionException.class, () -> SshLogin.withOwnClient(settings, line -> { }).open()));
            assertEquals("127.0.0.1:" + silent.getLocalPort() + " did not answer within 1 s while logging in as ferry",
                    e.getMessage());
            assertTrue(e.isConnectionBroken(), "worth a retry");
        }
    }
}
