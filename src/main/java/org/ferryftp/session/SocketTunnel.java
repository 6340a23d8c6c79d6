package org.ferryftp.session;

import java.io.IOException;
import java.net.Socket;

/**
 * Opens a TCP connection to a host through something in between, such as a SOCKS or HTTP CONNECT proxy. The socket
 * it returns carries bytes end to end; a failure names the thing in between, not the host.
 */
@FunctionalInterface
public interface SocketTunnel {

    Socket open(String host, int port, int timeoutMillis) throws IOException;
}
