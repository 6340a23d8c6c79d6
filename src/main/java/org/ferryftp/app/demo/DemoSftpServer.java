package org.ferryftp.app.demo;

import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.ferryftp.fs.SiteEndpoint;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.sftp.HostKeyPolicy;
import org.ferryftp.sftp.KnownHosts;
import org.ferryftp.sftp.SftpSettings;
import org.ferryftp.sftp.SshAuth;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;

/**
 * The demo's SFTP server: Apache MINA SSHD on 127.0.0.1 and an ephemeral port, password login, serving a folder.
 * Its host key is made fresh for each run and the demo site trusts exactly that key (by its fingerprint): the
 * demo vouches for its own server, so no trust dialog appears and nothing is written to the user's known_hosts.
 */
final class DemoSftpServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;

    /** Starts serving {@code root} to {@link DemoServers#USER} / {@link DemoServers#PASSWORD}. */
    DemoSftpServer(Path root) throws IOException {
        hostKey = newHostKey();
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setUserAuthFactories(List.of(UserAuthPasswordFactory.INSTANCE));
        server.setPasswordAuthenticator((user, password, session) -> DemoServers.USER.equals(user)
                && DemoServers.PASSWORD.equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
        server.start();
    }

    /**
     * The site of this server. {@code knownHosts} is the demo's own (a temporary file): the site's policy accepts
     * only this server's key, so the user's files are neither read for it nor written.
     */
    SiteRef site(String id, String name, Path knownHosts) {
        SftpSettings settings = SftpSettings.of("127.0.0.1", server.getPort(), DemoServers.USER,
                List.of(new SshAuth.Password(DemoServers.PASSWORD)), new KnownHosts(List.of(), knownHosts),
                HostKeyPolicy.fingerprint(KnownHosts.fingerprint(hostKey.getPublic())));
        return new SiteRef(id, name, new SiteEndpoint.Sftp(settings), 4);
    }

    int port() {
        return server.getPort();
    }

    private static KeyPair newHostKey() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(256);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no EC key generator for the demo's SFTP host key", e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            // Stopping anyway: the JVM is on its way out, or the test is done.
        }
    }
}
