package org.ferryftp.app.demo;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.ferryftp.cli.DemoKey;
import org.ferryftp.ftp.CertificateTrust;
import org.ferryftp.ftp.TlsPolicy;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.SessionSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The built-in demo: two Apache MINA FtpServer instances on 127.0.0.1 and ephemeral ports (and optionally an FTPS
 * one and an SFTP one, {@link DemoSftpServer}), each serving a sample tree in a temporary directory.
 * {@link #close()} stops them and deletes the trees. The sites exist only in memory.
 */
public final class DemoServers implements AutoCloseable {

    public static final String USER = "demo";
    public static final String PASSWORD = "demo";

    private final List<FtpServer> servers = new ArrayList<>();
    private final List<DemoSftpServer> sftpServers = new ArrayList<>();
    private final List<Path> roots = new ArrayList<>();
    private final List<SiteRef> sites = new ArrayList<>();
    private final List<Path> keyFiles = new ArrayList<>();

    /** Plain demo servers only. */
    public DemoServers() throws IOException {
        this(null);
    }

    /**
     * @param tlsTrust decides about the FTPS demo server's self-signed certificate (the app asks the user,
     *                 as for any server); null leaves the FTPS demo server out
     */
    public DemoServers(CertificateTrust tlsTrust) throws IOException {
        this(tlsTrust, false);
    }

    /**
     * @param tlsTrust decides about the FTPS demo server's self-signed certificate; null leaves it out
     * @param withSftp whether to add the SFTP demo server ("Demo SFTP")
     */
    public DemoServers(CertificateTrust tlsTrust, boolean withSftp) throws IOException {
        try {
            start("demo-a", "Demo A", null);
            start("demo-b", "Demo B", null);
            if (tlsTrust != null) {
                start("demo-tls", "Demo FTPS", tlsTrust);
            }
            if (withSftp) {
                startSftp("demo-sftp", "Demo SFTP");
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    public List<SiteRef> sites() {
        return List.copyOf(sites);
    }

    public List<Path> roots() {
        return List.copyOf(roots);
    }

    private void start(String id, String name, CertificateTrust tlsTrust) throws IOException {
        Path root = Files.createTempDirectory("ferry-" + id + "-");
        roots.add(root);
        SampleTree.write(root, id.hashCode());
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory lf = new ListenerFactory();
        lf.setServerAddress("127.0.0.1");
        lf.setPort(0);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        if (tlsTrust != null) {
            SslConfiguration ssl = demoTls();
            data.setSslConfiguration(ssl);
            lf.setSslConfiguration(ssl);
        }
        lf.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        Listener listener = lf.createListener();
        factory.addListener("default", listener);
        try {
            factory.setUserManager(users(root));
            FtpServer server = factory.createServer();
            server.start();
            servers.add(server);
        } catch (FtpException e) {
            throw new IOException("cannot start the demo FTP server " + name, e);
        }
        SessionSettings settings = SessionSettings.of("127.0.0.1", listener.getPort(),
                Credentials.of(USER, PASSWORD));
        if (tlsTrust != null) {
            settings = settings.withTls(TlsPolicy.of(TlsPolicy.Mode.EXPLICIT, tlsTrust));
        }
        sites.add(new SiteRef("demo:" + id, name, settings, 4));
    }

    private void startSftp(String id, String name) throws IOException {
        Path root = Files.createTempDirectory("ferry-" + id + "-");
        roots.add(root);
        SampleTree.write(root, id.hashCode());
        Path keys = Files.createTempDirectory("ferry-" + id + "-known-hosts-");
        keyFiles.add(keys);
        DemoSftpServer server = new DemoSftpServer(root);
        sftpServers.add(server);
        sites.add(server.site("demo:" + id, name, keys.resolve("known_hosts")));
    }

    /** The FTPS demo's key (self-signed, shipped in the jar, shared with {@code ferry selftest}). */
    private SslConfiguration demoTls() throws IOException {
        Path dir = Files.createTempDirectory("ferry-demo-tls-");
        keyFiles.add(dir);
        return DemoKey.sslConfiguration(dir);
    }

    private static UserManager users(Path root) throws FtpException {
        UserManager um = new PropertiesUserManagerFactory().createUserManager();
        BaseUser demo = new BaseUser();
        demo.setName(USER);
        demo.setPassword(PASSWORD);
        demo.setHomeDirectory(root.toString());
        demo.setAuthorities(List.of(new WritePermission()));
        um.save(demo);
        return um;
    }

    @Override
    public void close() {
        for (FtpServer s : servers) {
            s.stop();
        }
        servers.clear();
        for (DemoSftpServer s : sftpServers) {
            s.close();
        }
        sftpServers.clear();
        for (Path root : roots) {
            deleteTree(root);
        }
        roots.clear();
        for (Path k : keyFiles) {
            deleteTree(k);
        }
        keyFiles.clear();
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: the OS cleans temp eventually.
                }
            });
        } catch (IOException e) {
            // Already gone.
        }
    }

    /** The sample content of a demo server. */
    static final class SampleTree {

        private SampleTree() {
        }

        static void write(Path root, long seed) throws IOException {
            text(root.resolve("README.txt"), "Welcome to the Ferry demo server.\nDrag files between the panes.\n");
            text(root.resolve("release notes 2026.txt"), "A name with spaces.\n");
            text(root.resolve("Überraschung – 日本語.txt"), "A unicode name.\n");
            text(root.resolve(".hidden-settings"), "shown only with the hidden-files toggle\n");
            text(root.resolve("docs/guide.md"), "# Guide\n\nSome text.\n");
            text(root.resolve("docs/changelog.txt"), "1.0 first release\n");
            text(root.resolve("docs/api/index.html"), "<html><body>API</body></html>\n");
            text(root.resolve("src/Hello.java"), "class Hello { }\n");
            text(root.resolve("src/build.sh"), "#!/bin/sh\necho build\n");
            text(root.resolve("photos/2026/summer/note.txt"), "photos go here\n");
            Files.createDirectories(root.resolve("empty folder"));
            Random random = new Random(seed);
            binary(root.resolve("data/archive.zip"), 2 * 1024 * 1024 + 123, random);
            binary(root.resolve("data/sample.bin"), 512 * 1024, random);
            binary(root.resolve("photos/ferry.png"), 48 * 1024, random);
            for (int i = 1; i <= 40; i++) {
                text(root.resolve(String.format("logs/server-%02d.log", i)), "log line " + i + "\n");
            }
        }

        private static void text(Path p, String content) throws IOException {
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
        }

        private static void binary(Path p, int size, Random random) throws IOException {
            Files.createDirectories(p.getParent());
            byte[] b = new byte[size];
            random.nextBytes(b);
            Files.write(p, b);
        }
    }
}
