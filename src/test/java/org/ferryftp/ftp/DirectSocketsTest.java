package org.ferryftp.ftp;

import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A site without a proxy connects directly, control and data alike: the JVM-wide proxy selector is not asked.
 * Ferry's proxies are its own settings (per site, Preferences, --proxy); asking the selector cost a URI to build
 * and parse per data connection, and a JVM-wide SOCKS setting would have sent data connections one way and the
 * control connection's replies about them another.
 */
class DirectSocketsTest {

    @TempDir
    Path root;

    @Test
    void aSiteWithoutAProxyNeverAsksTheJvmsProxySelector() throws Exception {
        List<URI> asked = new CopyOnWriteArrayList<>();
        ProxySelector before = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                asked.add(uri);
                return List.of(Proxy.NO_PROXY);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            }
        });
        try (EmbeddedMinaServer server = new EmbeddedMinaServer(root)) {
            SessionSettings settings = SessionSettings.of("127.0.0.1", server.port(),
                    Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD))
                    .withRepresentation(Representation.BINARY);
            byte[] data = MinaTransferTest.random(100_000, 7);
            try (FtpSession s = new FtpSession(settings, "test", LogListener.NONE)) {
                s.connect();
                MinaSessionTest.upload(s, "up.bin", data);
                assertArrayEquals(data, MinaSessionTest.download(s, "up.bin"));
            }
            assertArrayEquals(data, Files.readAllBytes(root.resolve("up.bin")));
        } finally {
            ProxySelector.setDefault(before);
        }
        assertEquals(List.of(), asked);
    }
}
