package org.ferryftp.ftp;

import java.io.IOException;
import java.net.Socket;

/**
 * What happens to a data socket after TCP connects and before bytes flow. Plain FTP passes it
 * through; FTPS wraps it in TLS (as client, resuming the control connection's session).
 */
@FunctionalInterface
public interface DataSocketLayer {

    DataSocketLayer PLAIN = (socket, host, port) -> socket;

    /**
     * @param socket the connected TCP socket
     * @param host   the server host the control connection uses (for TLS session lookup)
     * @param port   the data port
     */
    Socket wrap(Socket socket, String host, int port) throws IOException;
}
