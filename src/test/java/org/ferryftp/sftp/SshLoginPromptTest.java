package org.ferryftp.sftp;

import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.ferryftp.session.SessionException;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.testsupport.SshKeyFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The password asked for when the server refuses the key (the window's dialog): asked on the thread that logs in,
 * not on one of MINA's network threads, and the time the user takes to answer does not count against the login's
 * timeout.
 */
class SshLoginPromptTest {

    /** Short, so that a user's answer takes longer than it. */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    /** The user's time in the dialog: several connect timeouts. */
    static final Duration THINKING = CONNECT_TIMEOUT.multipliedBy(4);

    @TempDir
    Path tmp;
    EmbeddedSftpServer server;
    final ScheduledExecutorService user = Executors.newSingleThreadScheduledExecutor();
    final List<Thread> askedOn = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        user.shutdownNow();
        if (server != null) {
            server.close();
        }
    }

    /** The dialog: answers once the user has thought for {@link #THINKING}. */
    Optional<String> slowUser(String answer) {
        askedOn.add(Thread.currentThread());
        CountDownLatch typed = new CountDownLatch(1);
        user.schedule(typed::countDown, THINKING.toMillis(), TimeUnit.MILLISECONDS);
        try {
            assertTrue(typed.await(1, TimeUnit.MINUTES));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(answer);
    }

    SftpSession login(List<UserAuthFactory> methods, String answer) throws Exception {
        return login(methods, answer, true, HostKeyPolicy.KNOWN_ONLY);
    }

    /** With a key the server refuses and a password asked for; the host key known beforehand or not. */
    SftpSession login(List<UserAuthFactory> methods, String answer, boolean hostKeyKnown, HostKeyPolicy policy)
            throws Exception {
        server = new EmbeddedSftpServer(Files.createDirectories(tmp.resolve("root")), EmbeddedSftpServer.newHostKey(),
                methods);
        KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
        if (hostKeyKnown) {
            hosts.trust("127.0.0.1", server.port(), server.hostKey());
        }
        Path key = SshKeyFiles.generate(tmp.resolve("id_ecdsa"), ""); // not authorized: refused
        SftpSettings settings = new SftpSettings("127.0.0.1", server.port(), EmbeddedSftpServer.USER,
                List.of(new SshAuth.KeyFile(key, Optional::empty), new SshAuth.PasswordOnRequest(() -> slowUser(answer))),
                CONNECT_TIMEOUT, Duration.ofSeconds(30), hosts, policy);
        SftpSession s = new SftpSession(SshLogin.withOwnClient(settings, line -> { }), line -> { });
        s.connect();
        return s;
    }

    @Test
    void aPasswordTheUserTakesLongerToTypeThanTheConnectTimeoutLogsIn() throws Exception {
        try (SftpSession s = login(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE),
                EmbeddedSftpServer.PASSWORD)) {
            assertEquals("/", s.pwd());
        }
        assertEquals(List.of(Thread.currentThread()), askedOn, "asked once, on the thread that logs in");
    }

    @Test
    void aKeyboardInteractivePasswordTheUserTakesLongerToTypeLogsIn() throws Exception {
        try (SftpSession s = login(List.of(UserAuthPublicKeyFactory.INSTANCE,
                UserAuthKeyboardInteractiveFactory.INSTANCE), EmbeddedSftpServer.PASSWORD)) {
            assertEquals("/", s.pwd());
        }
        assertEquals(List.of(Thread.currentThread()), askedOn, "asked once, on the thread that logs in");
    }

    @Test
    void anUnknownHostKeyTheUserTakesLongerToAcceptIsAskedOnceOnTheLoginThread() throws Exception {
        List<Thread> keyAskedOn = new CopyOnWriteArrayList<>();
        HostKeyPolicy slowlyAccepting = (host, port, key, verdict) -> {
            keyAskedOn.add(Thread.currentThread());
            return verdict instanceof HostKeyVerdict.Unknown && slowUser("yes").isPresent();
        };
        try (SftpSession s = login(List.of(UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE),
                EmbeddedSftpServer.PASSWORD, false, slowlyAccepting)) {
            assertEquals("/", s.pwd());
        }
        assertEquals(List.of(Thread.currentThread()), keyAskedOn,
                "the key asked for once, on the thread that logs in, though the password's login is a new connection");
        assertEquals(List.of(Thread.currentThread(), Thread.currentThread()), askedOn, "the key, then the password");
    }

    @Test
    void aHostKeyTheUserRefusesEndsTheLogin() {
        HostKeyException e = assertThrows(HostKeyException.class, () -> login(List.of(
                UserAuthPasswordFactory.INSTANCE), EmbeddedSftpServer.PASSWORD, false, HostKeyPolicy.KNOWN_ONLY));
        assertTrue(e.getMessage().startsWith("the host key of 127.0.0.1:" + server.port() + " is not known"),
                e.getMessage());
        assertEquals(List.of(), askedOn, "no password asked for");
    }

    @Test
    void aWrongPasswordIsRefusedWithOneLine() {
        SessionException e = assertThrows(SessionException.class, () -> login(List.of(
                UserAuthPublicKeyFactory.INSTANCE, UserAuthPasswordFactory.INSTANCE), "not-the-password"));
        assertTrue(e.getMessage().startsWith("login to 127.0.0.1:" + server.port() + " as ferry refused"),
                e.getMessage());
        assertTrue(!e.isConnectionBroken() && !e.getMessage().contains("not-the-password"), e.getMessage());
        assertEquals(1, askedOn.size());
    }

    @Test
    void noPasswordIsAskedForWhenTheServerTakesNone() {
        SessionException e = assertThrows(SessionException.class, () -> login(List.of(
                UserAuthPublicKeyFactory.INSTANCE), EmbeddedSftpServer.PASSWORD));
        assertTrue(e.getMessage().startsWith("login to 127.0.0.1:" + server.port() + " as ferry refused"),
                e.getMessage());
        assertEquals(List.of(), askedOn);
    }
}
