package org.ferryftp.ftp;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tunnels through the real proxies of {@code .ci/proxies.sh} (Dante for SOCKS, tinyproxy for HTTP CONNECT) to the
 * CI's vsftpd: each handshake reaches the FTP greeting, and each refusal is the proxy's, in one line, without the
 * password.
 */
class ProxyTunnelInteropIT {

    Map<String, String> env;
    String ftpHost;
    int ftpPort;

    @BeforeEach
    void proxies() {
        env = System.getenv();
        if (env.get("FERRY_PROXY_SOCKS5") == null || env.get("FERRY_VSFTPD_HOST") == null) {
            if ("required".equals(env.get("FERRY_INTEROP"))) {
                Assertions.fail("FERRY_INTEROP=required but FERRY_PROXY_SOCKS5 or FERRY_VSFTPD_HOST is not set:"
                        + " run .ci/vsftpd.sh and .ci/proxies.sh");
            }
            Assumptions.abort("proxy interop tests need .ci/vsftpd.sh and .ci/proxies.sh");
        }
        ftpHost = env.get("FERRY_VSFTPD_HOST");
        ftpPort = Integer.parseInt(env.get("FERRY_VSFTPD_PORT"));
    }

    ProxySettings proxy(ProxySettings.Type type, String var, String user, String password) {
        String address = env.get(var);
        int colon = address.lastIndexOf(':');
        return new ProxySettings(type, address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
                user, password);
    }

    static String greeting(Socket s) throws Exception {
        try (s) {
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void eachKindOfProxyReachesTheFtpServer() throws Exception {
        assertEquals("220 (vsFTPd 3.0.3)", greeting(ProxyTunnel.open(proxy(ProxySettings.Type.SOCKS5,
                "FERRY_PROXY_SOCKS5", "", ""), ftpHost, ftpPort, 5000)));
        assertEquals("220 (vsFTPd 3.0.3)", greeting(ProxyTunnel.open(proxy(ProxySettings.Type.SOCKS5,
                "FERRY_PROXY_SOCKS5_AUTH", env.get("FERRY_PROXY_SOCKS5_USER"), env.get("FERRY_PROXY_SOCKS5_PASSWORD")),
                ftpHost, ftpPort, 5000)));
        // Dante speaks SOCKS4 but not 4a's host names (it connects to 0.0.0.1): an address goes as plain SOCKS4.
        assertEquals("220 (vsFTPd 3.0.3)", greeting(ProxyTunnel.open(proxy(ProxySettings.Type.SOCKS4A,
                "FERRY_PROXY_SOCKS5", "ferry", ""), ftpHost, ftpPort, 5000)));
        assertEquals("220 (vsFTPd 3.0.3)", greeting(ProxyTunnel.open(proxy(ProxySettings.Type.HTTP,
                "FERRY_PROXY_HTTP", env.get("FERRY_PROXY_HTTP_USER"), env.get("FERRY_PROXY_HTTP_PASSWORD")),
                ftpHost, ftpPort, 5000)));
    }

    @Test
    void aWrongPasswordIsTheProxysRefusalAndFinal() {
        ProxyException socks = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy(
                ProxySettings.Type.SOCKS5, "FERRY_PROXY_SOCKS5_AUTH", "ferry", "not-the-password"), ftpHost, ftpPort,
                5000));
        assertTrue(socks.getMessage().startsWith("the proxy socks5://") && socks.getMessage().contains(
                "refused the user name or password for ferry"), socks.getMessage());
        assertTrue(socks.isLoginRefused() && !socks.isConnectionBroken());
        assertFalse(socks.getMessage().contains("not-the-password"));

        ProxyException http = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy(
                ProxySettings.Type.HTTP, "FERRY_PROXY_HTTP", "ferry", "not-the-password"), ftpHost, ftpPort, 5000));
        // tinyproxy answers 401 where RFC 9110 says 407; both are a refused login.
        assertTrue(http.getMessage().matches(".*HTTP/1\\.[01] 40[17] .*"), http.getMessage());
        assertTrue(http.isLoginRefused());
        ProxyException none = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy(
                ProxySettings.Type.HTTP, "FERRY_PROXY_HTTP", "", ""), ftpHost, ftpPort, 5000));
        assertTrue(none.getMessage().endsWith("(it needs a user name and password)"), none.getMessage());
        ProxyException noLogin = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy(
                ProxySettings.Type.SOCKS5, "FERRY_PROXY_SOCKS5_AUTH", "", ""), ftpHost, ftpPort, 5000));
        assertTrue(noLogin.getMessage().contains("(it may need a user name and password)"), noLogin.getMessage());
    }

    @Test
    void aTargetThatRefusesIsReportedWithTheProxysReply() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ProxyException e = assertThrows(ProxyException.class, () -> ProxyTunnel.open(proxy(ProxySettings.Type.SOCKS5,
                "FERRY_PROXY_SOCKS5", "", ""), "127.0.0.1", closed, 5000));
        assertTrue(e.getMessage().contains("could not connect to 127.0.0.1:" + closed), e.getMessage());
        assertTrue(e.getMessage().contains("(SOCKS5 reply "), e.getMessage());
        assertTrue(e.isConnectionBroken(), "may be retried");
        ProxyException unreachable = assertThrows(ProxyException.class, () -> ProxyTunnel.open(
                new ProxySettings(ProxySettings.Type.SOCKS5, "127.0.0.1", closed, "", ""), ftpHost, ftpPort, 5000));
        assertTrue(unreachable.getMessage().startsWith("cannot reach the proxy socks5://127.0.0.1:" + closed),
                unreachable.getMessage());
    }
}
