package org.ferryftp.sftp;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.apache.sshd.server.session.SessionFactory;
import org.ferryftp.session.SessionException;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client asks to log in only after the server has accepted the login service (as OpenSSH's client does): a
 * request sent behind the service request leaves the server's acceptance unacknowledged for TCP's delayed
 * acknowledgement, and a server using Nagle's algorithm holds its next answer that long.
 */
class SshLoginServiceAcceptTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstLoginRequestLeavesOnlyAfterTheServiceIsAccepted() throws Exception {
        AtomicLong acceptSent = new AtomicLong();
        AtomicLong firstLoginRequest = new AtomicLong();
        KeyPair hostKey = EmbeddedSftpServer.newHostKey();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        server.setPasswordAuthenticator((user, password, session) -> "pw".equals(password));
        server.setSessionFactory(new SessionFactory(server) {
            @Override
            protected ServerSessionImpl doCreateSession(IoSession io) throws Exception {
                return new ServerSessionImpl(getServer(), io) {
                    /** Accepts the service 300 ms late, reading on meanwhile, so a request sent early arrives first. */
                    @Override
                    protected boolean handleServiceRequest(String name, Buffer buffer) {
                        Buffer copy = new ByteArrayBuffer(buffer.getCompactData());
                        later.schedule(() -> {
                            acceptSent.set(System.nanoTime());
                            try {
                                return super.handleServiceRequest(name, copy);
                            } catch (Exception e) {
                                exceptionCaught(e);
                                return false;
                            }
                        }, 300, TimeUnit.MILLISECONDS);
                        return true;
                    }

                    @Override
                    protected void doHandleMessage(Buffer buffer) throws Exception {
                        if ((buffer.rawByte(buffer.rpos()) & 0xFF) == SshConstants.SSH_MSG_USERAUTH_REQUEST) {
                            firstLoginRequest.compareAndSet(0, System.nanoTime());
                        }
                        super.doHandleMessage(buffer);
                    }
                };
            }
        });
        server.start();
        try {
            KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
            hosts.trust("127.0.0.1", server.getPort(), hostKey.getPublic());
            SftpSettings settings = new SftpSettings("127.0.0.1", server.getPort(), "ferry",
                    List.of(new SshAuth.Password("pw")), Duration.ofSeconds(3), Duration.ofSeconds(3), hosts,
                    HostKeyPolicy.KNOWN_ONLY);
            SessionException failed = null;
            try (SshConnection logged = SshLogin.withOwnClient(settings, line -> { }).open()) {
                assertTrue(logged.session().isAuthenticated());
            } catch (SessionException e) {
                failed = e; // an early request, which this server does not expect, leaves the login unanswered
            }
            assertTrue(firstLoginRequest.get() - acceptSent.get() > 0,
                    "the first login request reached the server "
                            + (acceptSent.get() - firstLoginRequest.get()) / 1_000_000 + " ms before the acceptance left");
            assertNull(failed);
        } finally {
            server.stop(true);
            later.shutdownNow();
        }
    }
}
