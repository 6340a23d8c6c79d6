package org.ferryftp.sftp;

import org.apache.sshd.client.global.OpenSshHostKeysHandler;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.server.ServerFactoryManager;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.session.ServerSessionImpl;
import org.apache.sshd.server.session.SessionFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.ferryftp.session.SessionException;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The login does not leave the server's last message unanswered where the server has more to say: a message that
 * reaches a client with nothing to send has its TCP acknowledgement delayed (40 ms on Linux), and a server with
 * Nagle's algorithm on (OpenSSH during the login) holds its next answer that long.
 */
class SshLoginRoundTripsTest {

    @TempDir
    Path tmp;
    final KeyPair hostKey = EmbeddedSftpServer.newHostKey();
    final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
    SshServer server;

    @FunctionalInterface
    interface Sessions {
        ServerSessionImpl create(ServerFactoryManager server, IoSession io) throws Exception;
    }

    @AfterEach
    void stop() throws Exception {
        later.shutdownNow();
        if (server != null) {
            server.stop(true);
        }
    }

    /** A server taking the password "pw", serving SFTP, its sessions made by {@code sessions}. */
    void start(Sessions sessions) throws Exception {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        server.setPasswordAuthenticator((user, password, session) -> "pw".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(Files.createDirectories(tmp.resolve("root"))));
        server.setSessionFactory(new SessionFactory(server) {
            @Override
            protected ServerSessionImpl doCreateSession(IoSession io) throws Exception {
                return sessions.create(getServer(), io);
            }
        });
        server.start();
    }

    SshLogin login() throws Exception {
        KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        hosts.trust("127.0.0.1", server.getPort(), hostKey.getPublic());
        return SshLogin.withOwnClient(new SftpSettings("127.0.0.1", server.getPort(), "ferry",
                List.of(new SshAuth.Password("pw")), Duration.ofSeconds(3), Duration.ofSeconds(3), hosts,
                HostKeyPolicy.KNOWN_ONLY), line -> { });
    }

    static int command(Buffer message) {
        return message.rawByte(message.rpos()) & 0xFF;
    }

    /** MINA sent its first login request right behind the service request, before the server had accepted it. */
    @Test
    void theFirstLoginRequestLeavesOnlyAfterTheServiceIsAccepted() throws Exception {
        AtomicLong acceptSent = new AtomicLong();
        AtomicLong firstLoginRequest = new AtomicLong();
        start((manager, io) -> new ServerSessionImpl(manager, io) {
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
                if (command(buffer) == SshConstants.SSH_MSG_USERAUTH_REQUEST) {
                    firstLoginRequest.compareAndSet(0, System.nanoTime());
                }
                super.doHandleMessage(buffer);
            }
        });
        SessionException failed = null;
        try (SshConnection logged = login().open()) {
            assertTrue(logged.session().isAuthenticated());
        } catch (SessionException e) {
            failed = e; // an early request, which this server does not expect, leaves the login unanswered
        }
        assertTrue(firstLoginRequest.get() - acceptSent.get() > 0, "the first login request reached the server "
                + (acceptSent.get() - firstLoginRequest.get()) / 1_000_000 + " ms before the acceptance left");
        assertNull(failed);
    }

    /** OpenSSH sends its host keys (no reply wanted) right after the login; MINA left them unanswered. */
    @Test
    void openSshsHostKeysAreAnsweredSoTheirAcknowledgementIsNotDelayed() throws Exception {
        CountDownLatch answered = new CountDownLatch(1);
        start((manager, io) -> new ServerSessionImpl(manager, io) {
            private volatile boolean hostKeysSent;

            @Override
            protected void doHandleMessage(Buffer buffer) throws Exception {
                int command = command(buffer);
                if (command == SshConstants.SSH_MSG_CHANNEL_OPEN && !hostKeysSent) {
                    hostKeysSent = true; // as sshd: the list goes out before the channel's confirmation
                    Buffer keys = createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, 256);
                    keys.putString(OpenSshHostKeysHandler.REQUEST);
                    keys.putBoolean(false);
                    keys.putPublicKey(hostKey.getPublic());
                    writePacket(keys);
                } else if (command == SshConstants.SSH_MSG_IGNORE && hostKeysSent) {
                    answered.countDown();
                }
                super.doHandleMessage(buffer);
            }
        });
        try (SftpSession s = new SftpSession(login(), line -> { })) {
            s.connect();
            assertEquals("/", s.pwd());
            assertTrue(answered.await(5, TimeUnit.SECONDS), "no message came back after the host keys");
        }
    }
}
