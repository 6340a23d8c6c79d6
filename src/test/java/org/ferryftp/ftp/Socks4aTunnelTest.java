package org.ferryftp.ftp;

import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SOCKS4a's host-name form, which the CI's Dante does not speak (it connects to 0.0.0.1): the request as the
 * protocol's description gives it, read by a one-connection responder that grants or rejects it.
 */
class Socks4aTunnelTest {

    /** Reads one SOCKS4a request, answers with {@code code}, then echoes one line; returns what was asked. */
    static CompletableFuture<String> responder(ServerSocket server, int code) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket s = server.accept()) {
                DataInputStream in = new DataInputStream(s.getInputStream());
                int version = in.readUnsignedByte();
                int command = in.readUnsignedByte();
                int port = in.readUnsignedShort();
                byte[] ip = in.readNBytes(4);
                String user = zeroTerminated(in);
                String host = ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] != 0 ? zeroTerminated(in)
                        : InetAddress.getByAddress(ip).getHostAddress();
                OutputStream out = s.getOutputStream();
                out.write(new byte[] {0, (byte) code, 0, 0, 0, 0, 0, 0});
                out.flush();
                if (code == 0x5a) {
                    out.write("220 hello through the tunnel\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                return version + " " + command + " " + user + "@" + host + ":" + port;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String zeroTerminated(InputStream in) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) > 0) {
            b.append((char) c);
        }
        return b.toString();
    }

    @Test
    void aHostNameGoesToTheProxyUnresolved() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> asked = responder(server, 0x5a);
            ProxySettings proxy = new ProxySettings(ProxySettings.Type.SOCKS4A, "127.0.0.1", server.getLocalPort(),
                    "ferry", "");
            try (Socket tunnel = ProxyTunnel.open(proxy, "ftp.example.invalid", 2121, 5000)) {
                byte[] greeting = tunnel.getInputStream().readNBytes(30);
                assertArrayEquals("220 hello through the tunnel\r\n".getBytes(StandardCharsets.US_ASCII), greeting);
            }
            assertEquals("4 1 ferry@ftp.example.invalid:2121", asked.get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void aRejectionIsTheProxysAndAnIpv6TargetIsRefusedBeforeAsking() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            responder(server, 0x5b);
            ProxySettings proxy = new ProxySettings(ProxySettings.Type.SOCKS4A, "127.0.0.1", server.getLocalPort(),
                    "", "");
            ProxyException e = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy, "10.1.2.3", 21, 5000));
            assertEquals("the proxy socks4a://127.0.0.1:" + server.getLocalPort() + " could not connect to 10.1.2.3:21"
                    + " (SOCKS4 reply 91)", e.getMessage());
            ProxyException v6 = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy, "::1", 21, 5000));
            assertTrue(v6.getMessage().startsWith("SOCKS4a cannot reach an IPv6 address"), v6.getMessage());
        }
    }
}
