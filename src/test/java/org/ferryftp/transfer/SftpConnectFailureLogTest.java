package org.ferryftp.transfer;

import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.session.SessionException;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An SFTP connection that cannot be opened ends the session's log with why, in one line, as FTP's does: the log
 * said nothing at all of a session whose server refused it, did not exist, or turned the login down.
 */
class SftpConnectFailureLogTest {

    private static final String SECRET = "not-the-password-42";

    @TempDir
    Path tmp;
    private final List<LogEntry> log = new CopyOnWriteArrayList<>();

    private SiteRef site(String host, int port, KnownHosts hosts) {
        return new SiteRef("s", "SFTP", new SiteEndpoint.Sftp(new SftpSettings(host, port, EmbeddedSftpServer.USER,
                List.of(new SshAuth.Password(SECRET)), Duration.ofSeconds(10), Duration.ofSeconds(10), hosts,
                HostKeyPolicy.KNOWN_ONLY)), 1);
    }

    private KnownHosts noKnownHosts() {
        return new KnownHosts(List.of(), tmp.resolve("known_hosts"));
    }

    /** Opens the site, which fails; the log's last line is an error that says what the caller was told. */
    private String failedOpen(SiteRef site) {
        SessionException e = assertThrows(SessionException.class, () -> new StandardSessions(log::add).open(site));
        assertFalse(log.isEmpty(), "the session logged nothing");
        LogEntry last = log.get(log.size() - 1);
        assertEquals(LogEntry.Direction.ERROR, last.direction(), log.toString());
        assertEquals(e.getMessage(), last.text());
        assertFalse(last.text().contains("\n") || last.text().contains("\tat "), last.text());
        for (LogEntry entry : log) {
            assertFalse(entry.text().contains(SECRET), "the password in the log: " + entry.text());
        }
        return last.text();
    }

    @Test
    void aClosedPortEndsTheLogWithTheRefusal() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String why = failedOpen(site("127.0.0.1", closedPort, noKnownHosts()));
        assertTrue(why.contains("127.0.0.1:" + closedPort) && why.toLowerCase().contains("refused"), why);
    }

    @Test
    void aNameThatDoesNotResolveEndsTheLogWithThat() {
        String why = failedOpen(site("no-such-host.invalid", 22, noKnownHosts()));
        assertEquals("cannot find host no-such-host.invalid: the name does not resolve", why); // as FTP says it
    }

    @Test
    void aRefusedLoginEndsTheLogWithTheRefusal() throws Exception {
        KnownHosts hosts = noKnownHosts();
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(tmp.resolve("root"))) {
            hosts.trust("127.0.0.1", server.port(), server.hostKey());
            String why = failedOpen(site("127.0.0.1", server.port(), hosts));
            assertTrue(why.contains("login") && why.contains(EmbeddedSftpServer.USER), why);
        }
    }

    @Test
    void anUntrustedHostKeyEndsTheLogWithThat() throws Exception {
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(tmp.resolve("root"))) {
            String why = failedOpen(site("127.0.0.1", server.port(), noKnownHosts()));
            assertTrue(why.contains("127.0.0.1"), why);
        }
    }
}
