package org.ferryftp.sftp;

import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.server.SftpSubsystem;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.ferryftp.session.SessionException;
import org.ferryftp.session.TransferListener;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.Fault;
import org.ferryftp.testsupport.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server that stops answering SFTP requests: each operation fails after the reply timeout with one line, as an
 * FTP reply timeout does, and the session is broken (a pool drops it) instead of hanging.
 */
class SftpReplyTimeoutTest {

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(1);
    /** Far beyond the reply timeout: an operation still waiting then has hung. */
    static final Duration HUNG = Duration.ofSeconds(20);

    @TempDir
    Path tmp;
    Path root;
    final StallingSftp sftp = new StallingSftp();
    EmbeddedSftpServer server;
    SftpSession session;

    /** The server's SFTP side, which holds every request of the stalled kinds until the test ends. */
    static final class StallingSftp extends SftpSubsystemFactory {
        final Set<Integer> stalled = ConcurrentHashMap.newKeySet();
        final CountDownLatch released = new CountDownLatch(1);
        /** Requests of these kinds are each answered this late: a slow server, but one that answers. */
        final Set<Integer> slowed = ConcurrentHashMap.newKeySet();
        static final Duration SLOW = Duration.ofMillis(40);

        @Override
        public Command createSubsystem(ChannelSession channel) {
            return new SftpSubsystem(channel, this) {
                @Override
                protected void doProcess(Buffer buffer, int length, int type, int id) throws IOException {
                    if (stalled.contains(type)) {
                        try {
                            released.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    if (slowed.contains(type)) {
                        LockSupport.parkNanos(SLOW.toNanos());
                    }
                    super.doProcess(buffer, length, type, id);
                }
            };
        }
    }

    @BeforeEach
    void connect() throws Exception {
        root = Files.createDirectories(tmp.resolve("root"));
        Files.write(root.resolve("f.bin"), new byte[300_000]);
        server = new EmbeddedSftpServer(root, EmbeddedSftpServer.newHostKey(), List.of(UserAuthPasswordFactory.INSTANCE),
                sftp);
        KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        hosts.trust("127.0.0.1", server.port(), server.hostKey());
        SftpSettings settings = new SftpSettings("127.0.0.1", server.port(), EmbeddedSftpServer.USER,
                List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), Duration.ofSeconds(30), REPLY_TIMEOUT,
                hosts, HostKeyPolicy.KNOWN_ONLY);
        session = new SftpSession(SshLogin.withOwnClient(settings, line -> { }), line -> { });
        session.connect();
    }

    @AfterEach
    void stop() {
        sftp.released.countDown();
        session.close();
        server.close();
    }

    SessionException timesOut(Executable operation) {
        SessionException e = assertTimeoutPreemptively(HUNG, () -> assertThrows(SessionException.class, operation));
        assertTrue(e.isConnectionBroken(), "a pool must drop the session: " + e.getMessage());
        assertFalse(session.isConnected());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e;
    }

    @Test
    void aRequestTheServerDoesNotAnswerFailsAfterTheReplyTimeout() {
        sftp.stalled.add(SftpConstants.SSH_FXP_STAT);
        SessionException e = timesOut(() -> session.size("/f.bin"));
        assertEquals("size of /f.bin: 127.0.0.1:" + server.port() + " did not answer within 1 s", e.getMessage());
    }

    @Test
    void aListingTheServerStopsAnsweringFailsAfterTheReplyTimeout() {
        sftp.stalled.add(SftpConstants.SSH_FXP_READDIR);
        SessionException e = timesOut(() -> session.list("/"));
        assertEquals("list /: 127.0.0.1:" + server.port() + " did not answer within 1 s", e.getMessage());
    }

    @Test
    void aDownloadWhoseReadsAreNotAnsweredFailsAfterTheReplyTimeout() {
        sftp.stalled.add(SftpConstants.SSH_FXP_READ);
        SessionException e = timesOut(() -> session.download("/f.bin", OutputStream.nullOutputStream(), 0,
                TransferListener.NONE));
        assertEquals("download /f.bin: 127.0.0.1:" + server.port() + " did not answer within 1 s", e.getMessage());
    }

    @Test
    void anUploadWhoseWritesAreNotAnsweredFailsAfterTheReplyTimeout() {
        sftp.stalled.add(SftpConstants.SSH_FXP_WRITE);
        SessionException e = timesOut(() -> session.upload("/up.bin", new ByteArrayInputStream(new byte[2_000_000]), 0,
                TransferListener.NONE));
        assertEquals("upload /up.bin: 127.0.0.1:" + server.port() + " did not answer within 1 s", e.getMessage());
    }

    @Test
    void aDownloadThroughALinkThatStopsForwardingFailsAfterTheReplyTimeout() throws Exception {
        Files.write(root.resolve("big.bin"), new byte[4_000_000]);
        // The link stalls both ways a megabyte into the download: no answer, no error, no close.
        try (FaultProxy link = FaultProxy.controlOnly(new InetSocketAddress("127.0.0.1", server.port()),
                Fault.stall(Fault.Channel.CONTROL, Fault.Direction.TO_CLIENT, 1_000_000))) {
            KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("link_known_hosts"));
            hosts.trust(link.host(), link.port(), server.hostKey());
            SftpSession linked = new SftpSession(SshLogin.withOwnClient(new SftpSettings(link.host(), link.port(),
                    EmbeddedSftpServer.USER, List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)),
                    Duration.ofSeconds(30), REPLY_TIMEOUT, hosts, HostKeyPolicy.KNOWN_ONLY), line -> { }), line -> { });
            try (linked) {
                linked.connect();
                SessionException e = assertTimeoutPreemptively(HUNG, () -> assertThrows(SessionException.class,
                        () -> linked.download("/big.bin", OutputStream.nullOutputStream(), 0, TransferListener.NONE)));
                assertTrue(link.fired());
                assertEquals("download /big.bin: " + link.host() + ":" + link.port() + " did not answer within 1 s",
                        e.getMessage());
                assertTrue(e.isConnectionBroken());
                assertFalse(linked.isConnected());
            }
        }
    }

    @Test
    void aSlowTransferThatKeepsMovingIsNotCutOff() throws Exception {
        // Each write is answered within the timeout, the whole upload takes longer: the timeout is per request.
        sftp.slowed.add(SftpConstants.SSH_FXP_WRITE);
        byte[] data = new byte[64 * SftpSession.BUFFER];
        long start = System.nanoTime();
        session.upload("/big.bin", new ByteArrayInputStream(data), 0, TransferListener.NONE);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(REPLY_TIMEOUT) > 0,
                "the upload took longer than one reply may");
        assertTrue(session.isConnected());
        assertEquals(data.length, Files.size(root.resolve("big.bin")));
    }
}
