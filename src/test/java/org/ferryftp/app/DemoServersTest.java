package org.ferryftp.app;

import org.ferryftp.app.demo.DemoServers;
import org.ferryftp.fs.DirectoryListing;
import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.RemoteBrowser;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoServersTest {

    @Test
    void twoServersWithSampleTreesThatVanishOnClose() throws Exception {
        List<Path> roots;
        try (DemoServers demo = new DemoServers()) {
            roots = demo.roots();
            assertEquals(List.of("Demo A", "Demo B"), demo.sites().stream().map(SiteRef::name).toList());
            assertTrue(demo.sites().get(0).settings().port() != demo.sites().get(1).settings().port());
            for (SiteRef site : demo.sites()) {
                assertEquals("127.0.0.1", site.settings().host());
                try (RemoteBrowser b = new RemoteBrowser(site.name(), site.endpoint().url(), () -> {
                    FtpSession s = new FtpSession(site.settings(), LogListener.NONE);
                    s.connect();
                    return s;
                })) {
                    DirectoryListing l = b.list(b.home());
                    List<String> names = l.entries().stream().map(FileEntry::name).toList();
                    assertTrue(names.containsAll(List.of("docs", "data", "release notes 2026.txt",
                            "Überraschung – 日本語.txt")), names.toString());
                    long big = b.list("/data").entries().stream().mapToLong(FileEntry::size).max().orElse(0);
                    assertTrue(big > 2_000_000, "a couple of MB of binary");
                }
            }
        }
        for (Path root : roots) {
            assertFalse(Files.exists(root), root + " deleted on close");
        }
    }

    @Test
    void ftpsDemoAsksAboutItsSelfSignedCertificate() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        try (DemoServers demo = new DemoServers(c -> asked.incrementAndGet() > 0 && c.isSelfSigned())) {
            SiteRef tls = demo.sites().get(2);
            assertEquals("Demo FTPS", tls.name());
            try (FtpSession s = new FtpSession(tls.settings(), LogListener.NONE)) {
                s.connect();
                assertTrue(s.isSecure());
                assertTrue(s.list("/").entries().size() > 3);
            }
            assertEquals(1, asked.get());
        }
        try (DemoServers demo = new DemoServers(org.ferryftp.ftp.CertificateTrust.REJECT)) {
            FtpSession s = new FtpSession(demo.sites().get(2).settings(), LogListener.NONE);
            org.junit.jupiter.api.Assertions.assertThrows(org.ferryftp.ftp.UntrustedCertificateException.class,
                    s::connect);
        }
    }

    /**
     * The "Demo SFTP" site: a real SSH login (MINA SSHD), the sample tree served byte for byte, uploads accepted,
     * and the demo's own host key trusted without asking and without touching the user's known_hosts.
     */
    @Test
    void sftpDemoServesItsSampleTreeAndTrustsOnlyItsOwnKey() throws Exception {
        List<Path> roots;
        try (DemoServers demo = new DemoServers(null, true)) {
            roots = demo.roots();
            assertEquals(List.of("Demo A", "Demo B", "Demo SFTP"), demo.sites().stream().map(SiteRef::name).toList());
            SiteRef site = demo.sites().get(2);
            assertTrue(site.isSftp());
            assertEquals("sftp://demo@127.0.0.1:" + site.endpoint().port(), site.endpoint().url());
            Path root = roots.get(2);
            org.ferryftp.sftp.SftpSettings settings = ((org.ferryftp.fs.SiteEndpoint.Sftp) site.endpoint()).settings();
            try (org.ferryftp.sftp.SftpSession s = new org.ferryftp.sftp.SftpSession(
                    org.ferryftp.sftp.SshLogin.withOwnClient(settings, line -> { }), line -> { })) {
                s.connect();
                List<String> names = s.list("/").entries().stream().map(org.ferryftp.session.RemoteEntry::name)
                        .toList();
                assertTrue(names.containsAll(List.of("docs", "data", "release notes 2026.txt")), names.toString());
                java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
                s.download("/data/sample.bin", got, 0, org.ferryftp.session.TransferListener.NONE);
                org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(root.resolve("data/sample.bin")),
                        got.toByteArray());
                byte[] up = "uploaded to the demo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                s.upload("/docs/new.txt", new java.io.ByteArrayInputStream(up), 0,
                        org.ferryftp.session.TransferListener.NONE);
                org.junit.jupiter.api.Assertions.assertArrayEquals(up, Files.readAllBytes(root.resolve("docs/new.txt")));
            }
            // Another server's key is not the demo's: the site's policy refuses it.
            assertFalse(settings.policy().accept("127.0.0.1", site.endpoint().port(),
                    org.ferryftp.testsupport.EmbeddedSftpServer.newHostKey().getPublic(),
                    new org.ferryftp.sftp.HostKeyVerdict.Unknown("SHA256:x")));
        }
        for (Path root : roots) {
            assertFalse(Files.exists(root), root + " deleted on close");
        }
    }
}
