package org.ferryftp.sftp;

import org.ferryftp.session.SessionException;
import org.ferryftp.testsupport.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An SFTP session through a tunnel (a proxy in the app): MINA reaches the server over the tunnel's socket. */
class SftpTunnelTest {

    @TempDir
    Path dir;

    @Test
    void aSessionGoesThroughItsTunnelAndChecksTheHostKeyByTheServersName() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        byte[] data = new byte[2_000_000];
        new java.util.Random(3).nextBytes(data);
        Files.write(root.resolve("f.bin"), data);
        try (EmbeddedSftpServer server = new EmbeddedSftpServer(root)) {
            // Trusted under a name that does not resolve: only the tunnel knows where it leads.
            KnownHosts hosts = new KnownHosts(List.of(), dir.resolve("known_hosts"));
            hosts.trust("sftp.behind.proxy.invalid", 22, server.hostKey());
            List<String> asked = new ArrayList<>();
            SftpSettings settings = SftpSettings.of("sftp.behind.proxy.invalid", 22, EmbeddedSftpServer.USER,
                    List.of(new SshAuth.Password(EmbeddedSftpServer.PASSWORD)), hosts, HostKeyPolicy.KNOWN_ONLY)
                    .withTunnel((host, port, timeout) -> {
                        asked.add(host + ":" + port);
                        Socket s = new Socket();
                        s.connect(new InetSocketAddress("127.0.0.1", server.port()), timeout);
                        return s;
                    });
            try (SftpSession s = new SftpSession(SshLogin.withOwnClient(settings, line -> { }), line -> { })) {
                s.connect();
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                s.download("/f.bin", got, 0, org.ferryftp.session.TransferListener.NONE);
                assertArrayEquals(data, got.toByteArray());
            }
            assertEquals(List.of("sftp.behind.proxy.invalid:22"), asked);

            SftpSettings refused = settings.withTunnel((host, port, timeout) -> {
                throw new IOException("the proxy refused: connection not allowed by ruleset");
            });
            try (SftpSession s = new SftpSession(SshLogin.withOwnClient(refused, line -> { }), line -> { })) {
                SessionException e = assertThrows(SessionException.class, s::connect);
                assertEquals("cannot connect to sftp.behind.proxy.invalid:22: the proxy refused: connection not"
                        + " allowed by ruleset", e.getMessage());
            }
        }
    }
}
