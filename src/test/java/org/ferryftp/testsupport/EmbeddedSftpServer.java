package org.ferryftp.testsupport;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSession;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;
import org.ferryftp.sftp.SshLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * An SFTP server on a loopback ephemeral port (Apache MINA SSHD), serving a directory on disk, for tests. It has
 * a fresh ECDSA host key per instance unless given one, one user with a password, and optional authorized keys.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    public static final String USER = "ferry";
    public static final String PASSWORD = "sftp-secret";

    private final SshServer server;
    private final KeyPair hostKey;
    private final List<PublicKey> authorizedKeys = new ArrayList<>();

    public EmbeddedSftpServer(Path root) {
        this(root, newHostKey(), List.of(UserAuthPasswordFactory.INSTANCE, UserAuthKeyboardInteractiveFactory.INSTANCE,
                UserAuthPublicKeyFactory.INSTANCE));
    }

    /** @param methods the login methods the server offers, in its order */
    public EmbeddedSftpServer(Path root, KeyPair hostKey, List<UserAuthFactory> methods) {
        this(root, hostKey, methods, new SftpSubsystemFactory());
    }

    /** @param sftp the server's SFTP side, for tests that watch or hold its requests */
    public EmbeddedSftpServer(Path root, KeyPair hostKey, List<UserAuthFactory> methods, SftpSubsystemFactory sftp) {
        this.hostKey = hostKey;
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(new ArrayList<>(methods));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user)
                && authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setSubsystemFactories(List.of(sftp));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KeyPair newHostKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public PublicKey hostKey() {
        return hostKey.getPublic();
    }

    /**
     * A session (not yet connected) that logs in with the password, on an SSH client of its own, with this server's
     * host key trusted in a known-hosts file under {@code dir}.
     */
    public SftpSession passwordSession(Path dir) throws IOException {
        KnownHosts hosts = new KnownHosts(List.of(), dir.resolve("known_hosts"));
        hosts.trust("127.0.0.1", port(), hostKey());
        return new SftpSession(SshLogin.withOwnClient(SftpSettings.of("127.0.0.1", port(), USER,
                List.of(new SshAuth.Password(PASSWORD)), hosts, HostKeyPolicy.KNOWN_ONLY), line -> { }), line -> { });
    }

    public EmbeddedSftpServer authorize(PublicKey key) {
        authorizedKeys.add(key);
        return this;
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException ignored) {
            // stopping anyway
        }
    }
}
