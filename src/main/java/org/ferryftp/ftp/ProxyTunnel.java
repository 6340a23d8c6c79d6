package org.ferryftp.ftp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opens a TCP connection to a host and port through a proxy: SOCKS5 (RFC 1928, with RFC 1929's user name and
 * password), SOCKS4a, or HTTP/1.1 CONNECT with basic authentication. The JDK's own SOCKS support takes its login
 * from one process-wide {@link java.net.Authenticator} and has no SOCKS4a or HTTP CONNECT for plain sockets, so
 * Ferry speaks the three handshakes itself; each is a few messages. The host name goes to the proxy unresolved.
 */
final class ProxyTunnel {

    /** An HTTP proxy's answer to CONNECT ends with an empty line well before this. */
    private static final int MAX_HTTP_HEADER = 16 * 1024;

    private ProxyTunnel() {
    }

    /** A connected socket whose bytes reach {@code host}:{@code port}; the handshake is bounded by {@code timeoutMillis}. */
    static Socket open(ProxySettings proxy, String host, int port, int timeoutMillis) throws FtpException {
        Socket socket = new Socket(java.net.Proxy.NO_PROXY); // to the proxy itself, never through another one
        try {
            socket.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeoutMillis);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ProxyException("cannot reach the proxy " + proxy.display() + ": " + e.getMessage(), e);
        }
        try {
            handshake(socket, proxy, host, port, timeoutMillis);
            return socket;
        } catch (ProxyException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** Asks the proxy that {@code socket} is connected to for a tunnel to {@code host}:{@code port}. */
    static void handshake(Socket socket, ProxySettings proxy, String host, int port, int timeoutMillis)
            throws ProxyException {
        try {
            int before = socket.getSoTimeout();
            socket.setSoTimeout(timeoutMillis);
            switch (proxy.type()) {
                case SOCKS5 -> socks5(socket, proxy, host, port);
                case SOCKS4A -> socks4a(socket, proxy, host, port);
                case HTTP -> httpConnect(socket, proxy, host, port);
            }
            socket.setSoTimeout(before);
        } catch (ProxyException e) {
            throw e;
        } catch (SocketTimeoutException e) {
            throw new ProxyException("the proxy " + proxy.display() + " did not answer within " + timeoutMillis
                    + " ms", e);
        } catch (IOException e) {
            throw new ProxyException("the proxy " + proxy.display() + " dropped the connection to " + host + ":"
                    + port + " (" + e.getMessage() + ")", e);
        }
    }

    private static void socks5(Socket socket, ProxySettings proxy, String host, int port) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        boolean login = !proxy.user().isEmpty();
        out.write(login ? new byte[] {5, 2, 0, 2} : new byte[] {5, 1, 0});
        out.flush();
        byte[] choice = readFully(in, 2);
        if (choice[0] != 5) {
            throw new ProxyException(proxy.display() + " is not a SOCKS5 proxy (it answered version " + choice[0]
                    + ")", false);
        }
        int method = choice[1] & 0xff;
        if (method == 0xff) {
            throw new ProxyException("the proxy " + proxy.display() + " accepts none of Ferry's login methods"
                    + (login ? "" : " (it may need a user name and password)"), true);
        }
        if (method == 2) {
            if (!login) {
                throw new ProxyException("the proxy " + proxy.display() + " asks for a user name and password", true);
            }
            byte[] user = proxy.user().getBytes(StandardCharsets.UTF_8);
            byte[] pass = proxy.password().getBytes(StandardCharsets.UTF_8);
            if (user.length > 255 || pass.length > 255) {
                throw new ProxyException("a SOCKS5 user name and password are at most 255 bytes each", true);
            }
            out.write(concat(new byte[] {1, (byte) user.length}, user, new byte[] {(byte) pass.length}, pass));
            out.flush();
            byte[] status = readFully(in, 2);
            if (status[1] != 0) {
                throw new ProxyException("the proxy " + proxy.display() + " refused the user name or password for "
                        + proxy.user() + " (RFC 1929 status " + (status[1] & 0xff) + ")", true);
            }
        } else if (method != 0) {
            throw new ProxyException("the proxy " + proxy.display() + " chose a login method Ferry did not offer ("
                    + method + ")", false);
        }
        byte[] name = host.getBytes(StandardCharsets.US_ASCII);
        byte[] address = literal(host);
        byte[] target = address != null
                ? concat(new byte[] {(byte) (address.length == 4 ? 1 : 4)}, address)
                : concat(new byte[] {3, (byte) name.length}, name);
        out.write(concat(new byte[] {5, 1, 0}, target, new byte[] {(byte) (port >> 8), (byte) port}));
        out.flush();
        byte[] head = readFully(in, 4);
        int reply = head[1] & 0xff;
        if (reply != 0) {
            throw new ProxyException("the proxy " + proxy.display() + " could not connect to " + host + ":" + port
                    + ": " + socks5Reply(reply) + " (SOCKS5 reply " + reply + ")", false);
        }
        int skip = switch (head[3]) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> readFully(in, 1)[0] & 0xff;
            default -> throw new ProxyException("the proxy " + proxy.display() + " sent an unknown address type "
                    + head[3], false);
        };
        readFully(in, skip + 2); // the proxy's own address and port
    }

    private static String socks5Reply(int code) {
        return switch (code) {
            case 1 -> "general failure";
            case 2 -> "not allowed by its rules";
            case 3 -> "network unreachable";
            case 4 -> "host unreachable";
            case 5 -> "connection refused";
            case 6 -> "TTL expired";
            case 7 -> "command not supported";
            case 8 -> "address type not supported";
            default -> "unknown failure";
        };
    }

    private static void socks4a(Socket socket, ProxySettings proxy, String host, int port) throws IOException {
        OutputStream out = socket.getOutputStream();
        byte[] literal = literal(host);
        if (literal != null && literal.length != 4) {
            throw new ProxyException("SOCKS4a cannot reach an IPv6 address (" + host + "); use SOCKS5", false);
        }
        byte[] user = proxy.user().getBytes(StandardCharsets.UTF_8);
        // 0.0.0.1 tells a SOCKS4a proxy that the host name follows and is to be resolved by the proxy.
        byte[] head = {4, 1, (byte) (port >> 8), (byte) port};
        out.write(literal != null
                ? concat(head, literal, user, new byte[] {0})
                : concat(head, new byte[] {0, 0, 0, 1}, user, new byte[] {0},
                host.getBytes(StandardCharsets.US_ASCII), new byte[] {0}));
        out.flush();
        byte[] reply = readFully(socket.getInputStream(), 8);
        if (reply[1] != 0x5a) {
            int code = reply[1] & 0xff;
            throw new ProxyException("the proxy " + proxy.display() + " could not connect to " + host + ":" + port
                    + " (SOCKS4 reply " + code + (code == 0x5c || code == 0x5d ? ", identd check failed" : "") + ")",
                    code == 0x5d);
        }
    }

    private static void httpConnect(Socket socket, ProxySettings proxy, String host, int port) throws IOException {
        String authority = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder request = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                .append(authority).append("\r\n");
        if (!proxy.user().isEmpty()) {
            String token = Base64.getEncoder().encodeToString((proxy.user() + ":" + proxy.password())
                    .getBytes(StandardCharsets.UTF_8));
            request.append("Proxy-Authorization: Basic ").append(token).append("\r\n");
        }
        request.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String header = readHeader(socket.getInputStream(), proxy);
        String status = header.lines().findFirst().orElse("");
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new ProxyException(proxy.display() + " is not an HTTP proxy (it answered \""
                    + CommandArguments.escaped(status) + "\")", false);
        }
        if (!parts[1].equals("200")) {
            // 407 is the standard answer; tinyproxy says 401.
            boolean login = parts[1].equals("407") || parts[1].equals("401");
            throw new ProxyException("the proxy " + proxy.display() + " refused to connect to " + authority + ": "
                    + CommandArguments.escaped(status) + (login && proxy.user().isEmpty()
                    ? " (it needs a user name and password)" : ""), login);
        }
    }

    /** Reads the response header byte by byte, so that nothing of the tunnelled stream is read with it. */
    private static String readHeader(InputStream in, ProxySettings proxy) throws IOException {
        StringBuilder header = new StringBuilder();
        while (!header.toString().endsWith("\r\n\r\n") && !header.toString().endsWith("\n\n")) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed during its answer to CONNECT");
            }
            if (header.length() >= MAX_HTTP_HEADER) {
                throw new ProxyException("the proxy " + proxy.display() + " sent more than " + MAX_HTTP_HEADER
                        + " bytes of header", false);
            }
            header.append((char) b);
        }
        return header.toString();
    }

    /** The address bytes of an IPv4 or IPv6 literal, or null for a host name. */
    private static byte[] literal(String host) {
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!v4 && !host.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(host).getAddress(); // a literal: no lookup
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        if (b.length < n) {
            throw new EOFException("the proxy closed the connection");
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing after a failure
        }
    }
}
