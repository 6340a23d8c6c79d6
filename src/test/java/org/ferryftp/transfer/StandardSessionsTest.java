package org.ferryftp.transfer;

import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.sftp.HostKeyException;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standard factory opens each site by its endpoint; SFTP sessions share one SSH client, not its checks. */
class StandardSessionsTest {

    @TempDir
    Path tmp;

    private SiteRef sftpSite(String id, EmbeddedSftpServer server, KnownHosts hosts) {
        return new SiteRef(id, id, new SiteEndpoint.Sftp(SftpSettings.of("127.0.0.1", server.port(),
                EmbeddedSftpServer.USER, List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), hosts,
                HostKeyPolicy.KNOWN_ONLY)), 2);
    }

    @Test
    void opensFtpAndSftpByEndpointAndSftpSessionsShareTheClientButNotTheHostKeyCheck() throws Exception {
        Path ftpRoot = Files.createDirectories(tmp.resolve("ftp"));
        Path sftpRoot = Files.createDirectories(tmp.resolve("sftp"));
        Files.writeString(ftpRoot.resolve("f.txt"), "ftp");
        Files.writeString(sftpRoot.resolve("s.txt"), "sftp");
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        try (EmbeddedMinaServer ftp = new EmbeddedMinaServer(ftpRoot);
             EmbeddedSftpServer known = new EmbeddedSftpServer(sftpRoot);
             EmbeddedSftpServer stranger = new EmbeddedSftpServer(sftpRoot);
             SharedSshClient ssh = new SharedSshClient()) {
            KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
            hosts.trust("127.0.0.1", known.port(), known.hostKey());
            StandardSessions sessions = new StandardSessions(log::add, ssh);

            try (RemoteSession f = sessions.open(new SiteRef("f", "F", SessionSettings.of("127.0.0.1", ftp.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 1))) {
                assertInstanceOf(FtpSession.class, f);
                assertEquals(3, f.size("/f.txt"));
            }
            RemoteSession a = sessions.open(sftpSite("a", known, hosts));
            RemoteSession b = sessions.open(sftpSite("a", known, hosts));
            assertInstanceOf(SftpSession.class, a);
            assertEquals("s.txt", a.list("/").entries().get(0).name());
            assertEquals(4, b.size("/s.txt"));
            // The same client, another site whose key is not known: refused, and the open sessions carry on.
            assertThrows(HostKeyException.class, () -> sessions.open(sftpSite("x", stranger, hosts)));
            assertTrue(a.isConnected());
            assertEquals(4, a.size("/s.txt"));
            a.close();
            assertTrue(b.isConnected(), "closing one session leaves the shared client running");
            assertTrue(log.stream().anyMatch(e -> e.connection().startsWith("ferry@127.0.0.1:" + known.port() + "#s")
                    && e.text().startsWith("logged in as ferry")), log.toString());

            ssh.close(); // at exit: every session still open ends with the client
            assertFalse(b.isConnected());
            assertThrows(org.ferryftp.session.SessionException.class, () -> sessions.open(sftpSite("a", known, hosts)));
        }
    }
}
