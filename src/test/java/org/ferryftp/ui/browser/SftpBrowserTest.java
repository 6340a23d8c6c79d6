package org.ferryftp.ui.browser;

import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileBrowser;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SharedSshClient;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.ferryftp.transfer.StandardSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A pane's browser on an SFTP site, opened from its SiteRef by the standard factory (embedded MINA SSHD). */
class SftpBrowserTest {

    @TempDir
    Path tmp;

    @Test
    void browsesAnSftpSiteAndChangesItsFiles() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        Files.writeString(Files.createDirectories(root.resolve("docs")).resolve("a.txt"), "hello");
        List<LogEntry> log = new CopyOnWriteArrayList<>();
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root); SharedSshClient ssh = new SharedSshClient()) {
            KnownHosts hosts = new KnownHosts(List.of(), tmp.resolve("known_hosts"));
            hosts.trust("127.0.0.1", server.port(), server.hostKey());
            SiteRef site = new SiteRef("s", "SFTP site", new SiteEndpoint.Sftp(SftpSettings.of("127.0.0.1",
                    server.port(), EmbeddedSftpServer.USER, List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)),
                    hosts, HostKeyPolicy.KNOWN_ONLY)), 1);
            try (FileBrowser b = new StandardBrowserFactory(new StandardSessions(log::add, ssh)).open(Source.of(site))) {
                assertFalse(b.isLocal());
                assertEquals("/", b.home());
                DirectoryListing docs = b.list("/docs");
                assertEquals(List.of("a.txt"), docs.entries().stream().map(FileEntry::name).toList());
                assertEquals(5, docs.entries().get(0).size());

                b.makeDirectories("/new/deeper");
                b.rename("/docs/a.txt", "/new/deeper/b.txt");
                assertEquals("hello", Files.readString(root.resolve("new/deeper/b.txt")));
                b.delete("/new", true, true);
                assertFalse(Files.exists(root.resolve("new")));
                assertEquals("sftp://ferry@127.0.0.1:" + server.port() + "/docs", b.describe("/docs"));
            }
            assertTrue(log.stream().anyMatch(e -> e.text().startsWith("logged in as ferry")), log.toString());
        }
    }
}
