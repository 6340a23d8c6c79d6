package org.ferryftp.transfer;

import org.ferryftp.session.SessionException;
import org.ferryftp.sftp.HostKeyException;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SshLogin;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures of a real SFTP session the queue tries again: a lost connection yes; a refused key or login no. */
class SftpRetryTest {

    @TempDir
    Path tmp;

    private final RetryPolicy retry = RetryPolicy.defaults(new Random(1));

    private SftpSession session(EmbeddedSftpServer server, KnownHosts hosts, String password) {
        return new SftpSession(SshLogin.withOwnClient(SftpSettings.of("127.0.0.1", server.port(),
                EmbeddedSftpServer.USER, List.of(new SshAuth.Password(password)), hosts, HostKeyPolicy.KNOWN_ONLY),
                line -> { }), line -> { });
    }

    @Test
    void aLostConnectionIsRetriedARefusedHostKeyOrLoginIsNot() throws Exception {
        Files.write(tmp.resolve("f"), new byte[4 << 20]);
        KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(tmp)) {
            HostKeyException unknownKey = assertThrows(HostKeyException.class,
                    () -> session(server, hosts, EmbeddedSftpServer.PASSWORD).connect());
            assertFalse(retry.isRetryable(unknownKey), unknownKey.getMessage());

            hosts.trust("127.0.0.1", server.port(), server.hostKey());
            SessionException badLogin = assertThrows(SessionException.class,
                    () -> session(server, hosts, "wrong").connect());
            assertFalse(retry.isRetryable(badLogin), badLogin.getMessage());

            SftpSession s = session(server, hosts, EmbeddedSftpServer.PASSWORD);
            s.connect();
            SessionException lost;
            try (s) {
                lost = assertThrows(SessionException.class, () -> s.download("/f", new ByteArrayOutputStream(), 0,
                        bytes -> server.close())); // the server goes away mid-transfer
            }
            assertTrue(lost.isConnectionBroken(), lost.getMessage());
            assertTrue(retry.isRetryable(lost), lost.getMessage());
        }
    }
}
