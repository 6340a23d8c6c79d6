package org.ferryftp.testsupport;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
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

    private final FtpServer server;
    private final TransferCounter transfers = new TransferCounter();
    private final Listener listener;
    private final Path root;

    public EmbeddedMinaServer(Path root) {
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
            listenerFactory.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
            listener = listenerFactory.createListener();
            serverFactory.addListener("default", listener);
            serverFactory.setUserManager(users(root));
            serverFactory.setFtplets(new java.util.LinkedHashMap<>(java.util.Map.of("counter", transfers)));
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
