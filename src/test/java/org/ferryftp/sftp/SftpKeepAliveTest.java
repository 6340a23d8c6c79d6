package org.ferryftp.sftp;

import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.SettableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An idle SFTP session in a pool is kept open with one request once it has been idle that long, and not before. */
class SftpKeepAliveTest {

    @TempDir
    Path tmp;

    @Test
    void sendsAKeepAliveOnlyAfterTheIdleTime() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(tmp)) {
            KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
            hosts.trust("127.0.0.1", server.port(), server.hostKey());
            try (SftpSession s = new SftpSession(SshLogin.withOwnClient(SftpSettings.of("127.0.0.1", server.port(),
                    EmbeddedSftpServer.USER, List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), hosts,
                    HostKeyPolicy.KNOWN_ONLY), line -> { }), line -> { }, clock)) {
                s.connect();
                s.pwd();
                clock.advance(Duration.ofSeconds(29));
                assertFalse(s.keepAliveIfIdle(Duration.ofSeconds(30)));
                clock.advance(Duration.ofSeconds(2));
                assertTrue(s.keepAliveIfIdle(Duration.ofSeconds(30)));
                assertFalse(s.keepAliveIfIdle(Duration.ofSeconds(30)), "the keep-alive itself counts as use");
                assertTrue(s.isConnected());
            }
        }
    }
}
