package org.ferryftp.testsupport;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.TransferRatePermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Apache MINA FtpServer on 127.0.0.1 and an ephemeral port, serving a temporary directory. */
public final class EmbeddedMinaServer implements AutoCloseable {

    public static final String USER = "alice";
    public static final String PASSWORD = "s3cret-pw";
    /** Same home and password as {@link #USER}, but downloads at {@link #SLOW_BYTES_PER_SECOND}, so transfers overlap. */
    public static final String SLOW_USER = "slow";
    public static final int SLOW_BYTES_PER_SECOND = 1024 * 1024;

    private final FtpServer server;
    private final TransferCounter transfers = new TransferCounter();
    private final Listener listener;
    private final Path root;

    public EmbeddedMinaServer(Path root) {
        this(root, (Tls) null);
    }

    /** A server with one more ftplet (after the transfer counter), e.g. an {@link UploadCutter}. */
    public EmbeddedMinaServer(Path root, org.apache.ftpserver.ftplet.Ftplet extra) {
        this(root, null, extra);
    }

    /**
     * A server with TLS (explicit AUTH TLS, or implicit), using a PKCS#12 key store from the test
     * resources under {@code org/ferryftp/tls/} (password {@code ferry-test}, key alias {@code server}).
     */
    public static EmbeddedMinaServer withTls(Path root, String keyStore, boolean implicit, String... protocols) {
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        try {
            Path ks = Files.createTempFile("ferry-mina-", ".p12");
            try (var in = EmbeddedMinaServer.class.getResourceAsStream("/org/ferryftp/tls/" + keyStore)) {
                Files.copy(java.util.Objects.requireNonNull(in, keyStore), ks,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            ks.toFile().deleteOnExit();
            ssl.setKeystoreFile(ks.toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ssl.setKeystoreType("PKCS12");
        ssl.setKeystorePassword("ferry-test");
        ssl.setKeyPassword("ferry-test");
        ssl.setKeyAlias("server");
        if (protocols.length > 0) {
            ssl.setSslProtocol(protocols);
        }
        return new EmbeddedMinaServer(root, new Tls(ssl.createSslConfiguration(), implicit));
    }

    private record Tls(org.apache.ftpserver.ssl.SslConfiguration config, boolean implicit) {
    }

    private EmbeddedMinaServer(Path root, Tls tls) {
        this(root, tls, null);
    }

    private EmbeddedMinaServer(Path root, Tls tls, org.apache.ftpserver.ftplet.Ftplet extra) {
        this.root = root;
        try {
            FtpServerFactory serverFactory = new FtpServerFactory();
            ListenerFactory listenerFactory = new ListenerFactory();
            listenerFactory.setServerAddress("127.0.0.1");
            listenerFactory.setPort(0);
            DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
            data.setPassiveAddress("127.0.0.1");
            data.setPassiveExternalAddress("127.0.0.1");
            data.setActiveEnabled(true);
            data.setActiveIpCheck(true);
            if (tls != null) {
                data.setSslConfiguration(tls.config());
                listenerFactory.setSslConfiguration(tls.config());
                listenerFactory.setImplicitSsl(tls.implicit());
            }
            listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
            listener = listenerFactory.createListener();
            serverFactory.addListener("default", listener);
            serverFactory.setUserManager(users(root));
            java.util.Map<String, org.apache.ftpserver.ftplet.Ftplet> ftplets = new java.util.LinkedHashMap<>();
            ftplets.put("counter", transfers);
            if (extra != null) {
                ftplets.put("extra", extra);
            }
            serverFactory.setFtplets(ftplets);
            server = serverFactory.createServer();
            server.start();
        } catch (FtpException | IOException e) {
            throw new IllegalStateException("cannot start embedded FTP server", e);
        }
    }

    private static UserManager users(Path root) throws FtpException, IOException {
        UserManager um = new PropertiesUserManagerFactory().createUserManager();
        List<Authority> write = List.of(new WritePermission());
        BaseUser alice = new BaseUser();
        alice.setName(USER);
        alice.setPassword(PASSWORD);
        alice.setHomeDirectory(root.toString());
        alice.setAuthorities(write);
        um.save(alice);
        BaseUser slow = new BaseUser();
        slow.setName(SLOW_USER);
        slow.setPassword(PASSWORD);
        slow.setHomeDirectory(root.toString());
        slow.setAuthorities(List.of(new WritePermission(), new TransferRatePermission(SLOW_BYTES_PER_SECOND, 0)));
        um.save(slow);
        Path pub = Files.createDirectories(root.resolve("pub"));
        BaseUser anon = new BaseUser();
        anon.setName("anonymous");
        anon.setHomeDirectory(pub.toString());
        um.save(anon);
        return um;
    }

    /** Counts data transfers on the server side, to check client concurrency limits. */
    public TransferCounter transfers() {
        return transfers;
    }

    public int port() {
        return listener.getPort();
    }

    /** The ftp:// URL of the root, with {@link #USER}'s name and password, e.g. for the command line. */
    public String url() {
        return "ftp://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port();
    }

    public Path root() {
        return root;
    }

    public Path file(String relative) {
        return root.resolve(relative);
    }

    public void write(String relative, byte[] content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.write(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
