package org.ferryftp.ftp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * A socket whose {@link #connect} goes to the proxy and then asks it for a tunnel to the address given, so that
 * code which creates and connects sockets (Commons Net's control connection, the data connector) goes through a
 * proxy unchanged. A host name given unresolved is passed to the proxy to resolve. Once connected it reports
 * the tunnel's far end as its peer: JSSE keys TLS sessions by the peer's port, so the control connection's session
 * must be filed under the server's port for data connections to resume it, as without a proxy.
 */
final class ProxiedSocket extends Socket {

    private final ProxySettings proxy;
    private volatile InetSocketAddress target;

    ProxiedSocket(ProxySettings proxy) {
        this.proxy = proxy;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (!(endpoint instanceof InetSocketAddress target)) {
            throw new IllegalArgumentException("not an internet address: " + endpoint);
        }
        try {
            super.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeout);
        } catch (IOException e) {
            throw new ProxyException("cannot reach the proxy " + proxy.display() + ": " + e.getMessage(), e);
        }
        ProxyTunnel.handshake(this, proxy, target.getHostString(), target.getPort(), timeout > 0 ? timeout : 30_000);
        this.target = target;
    }

    @Override
    public int getPort() {
        InetSocketAddress t = target;
        return t == null ? super.getPort() : t.getPort();
    }

    @Override
    public InetAddress getInetAddress() {
        InetSocketAddress t = target;
        return t == null || t.getAddress() == null ? super.getInetAddress() : t.getAddress();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        InetSocketAddress t = target;
        return t == null ? super.getRemoteSocketAddress() : t;
    }
}
