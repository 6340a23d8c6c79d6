package org.ferryftp.ftp;

import java.util.Objects;

/**
 * A proxy that a site's connections go through, control and data alike (which is why passive mode is required
 * through one: the server cannot connect back through it).
 *
 * @param user     login for SOCKS5 (RFC 1929) or HTTP basic authentication; SOCKS4a sends it as its user id; ""
 *                 for none
 * @param password with {@code user}; never shown
 */
public record ProxySettings(Type type, String host, int port, String user, String password) {

    public enum Type {
        SOCKS5, SOCKS4A, HTTP
    }

    public ProxySettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(host, "host");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port must be 1..65535: " + port);
        }
    }

    /** {@code socks5://host:port}, without the login, for messages. */
    public String display() {
        String scheme = switch (type) {
            case SOCKS5 -> "socks5";
            case SOCKS4A -> "socks4a";
            case HTTP -> "http";
        };
        return scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "ProxySettings[" + display() + (user.isEmpty() ? "" : ", user " + user) + "]";
    }

    /** This proxy as a tunnel for other protocols (SFTP): the same handshake and errors as FTP's connections get. */
    public org.ferryftp.session.SocketTunnel tunnel() {
        return (host, port, timeoutMillis) -> ProxyTunnel.open(this, host, port, timeoutMillis);
    }
}
