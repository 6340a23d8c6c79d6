package org.ferryftp.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * How one session's next data connection is made, as negotiated by PASV, EPSV, PORT or EPRT, and the opening of
 * that connection. Each negotiation is good for one transfer; with none, RFC 959's default data port applies (the
 * server connects to the client's control-connection address and port). {@link #close()} may come from another
 * thread and unblocks a pending accept or connect.
 */
final class ScriptedDataChannel implements Closeable {

    /** Long enough for a slow CI machine, short enough that a broken client test fails instead of hanging. */
    static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final InetSocketAddress defaultPort;
    private ServerSocket passiveListener;
    private InetSocketAddress activeTarget;
    /** The listener or socket {@link #open()} is blocked on, so that close() can break it. */
    private Closeable opening;
    private boolean closed;

    ScriptedDataChannel(InetSocketAddress clientControlAddress) {
        this.defaultPort = clientControlAddress;
    }

    /** PASV: listen on loopback; {@code advertisedAddress} (dotted IPv4) replaces 127.0.0.1 in the reply if set. */
    String pasv(String advertisedAddress) throws IOException {
        int port = listen();
        String host = advertisedAddress == null ? "127.0.0.1" : advertisedAddress;
        return "227 Entering Passive Mode (" + host.replace('.', ',') + "," + (port >> 8) + "," + (port & 0xff) + ").";
    }

    /** CPSV: PASV, and the next data connection's TLS handshake is started by this server, as client. */
    String cpsv() throws IOException {
        tlsClientOnce = true;
        return pasv(null);
    }

    /** EPSV [1|2|ALL]. */
    String epsv(String argument) throws IOException {
        String arg = argument.trim();
        if (arg.equalsIgnoreCase("ALL")) {
            return "200 EPSV ALL ok.";
        }
        if (!arg.isEmpty() && !arg.equals("1") && !arg.equals("2")) {
            return "522 Network protocol not supported, use (1,2)";
        }
        return "229 Entering Extended Passive Mode (|||" + listen() + "|)";
    }

    /** PORT h1,h2,h3,h4,p1,p2. */
    String port(String argument) {
        String[] parts = argument.trim().split(",");
        if (parts.length != 6) {
            return "501 Illegal PORT command.";
        }
        int[] numbers = new int[6];
        for (int i = 0; i < 6; i++) {
            if (!parts[i].trim().matches("\\d{1,3}") || (numbers[i] = Integer.parseInt(parts[i].trim())) > 255) {
                return "501 Illegal PORT command.";
            }
        }
        String host = numbers[0] + "." + numbers[1] + "." + numbers[2] + "." + numbers[3];
        return connectLater(host, numbers[4] << 8 | numbers[5], "200 PORT command successful.");
    }

    /** EPRT |1|127.0.0.1|port| or |2|::1|port| (any delimiter character). */
    String eprt(String argument) {
        String arg = argument.trim();
        if (arg.length() < 2) {
            return "501 Illegal EPRT command.";
        }
        String[] fields = arg.substring(1).split(Pattern.quote(arg.substring(0, 1)), -1);
        if (fields.length != 4 || !fields[3].isEmpty() || !fields[2].matches("\\d{1,5}")) {
            return "501 Illegal EPRT command.";
        }
        if (!fields[0].equals("1") && !fields[0].equals("2")) {
            return "522 Network protocol not supported, use (1,2)";
        }
        // literal addresses only, so that InetAddress.getByName never does a DNS look-up
        String literal = fields[0].equals("1") ? "\\d{1,3}(\\.\\d{1,3}){3}" : "[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*";
        if (!fields[1].matches(literal)) {
            return "501 Illegal EPRT command.";
        }
        return connectLater(fields[1], Integer.parseInt(fields[2]), "200 EPRT command successful.");
    }

    /**
     * Opens the data connection for one transfer: accepts on the passive listener, or connects to the PORT/EPRT
     * address, or to the default data port. Afterwards the channel is back to the default data port.
     */
    Socket open() throws IOException {
        Socket raw = openPlain();
        boolean asClient = tlsClient || tlsClientOnce;
        tlsClientOnce = false;
        javax.net.ssl.SSLContext context = tls;
        if (!protect || context == null) {
            return raw;
        }
        // PROT P: TLS on the data connection, as TLS server, or as TLS client after SSCN ON (for FXP).
        try {
            raw.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) context.getSocketFactory()
                    .createSocket(raw, raw.getInetAddress().getHostAddress(), raw.getPort(), true);
            ssl.setUseClientMode(asClient);
            ssl.startHandshake();
            return ssl;
        } catch (IOException e) {
            closeQuietly(raw);
            throw e;
        }
    }

    private volatile javax.net.ssl.SSLContext tls;
    private volatile boolean protect;
    private volatile boolean tlsClient;
    private volatile boolean tlsClientOnce;

    /** After AUTH TLS: the context for data connections. */
    void tls(javax.net.ssl.SSLContext context) {
        this.tls = context;
    }

    /** PROT P (true) or C. */
    void protect(boolean on) {
        this.protect = on;
    }

    /** SSCN ON: act as TLS client on data connections. */
    void tlsClient(boolean on) {
        this.tlsClient = on;
    }

    private Socket openPlain() throws IOException {
        ServerSocket listener;
        InetSocketAddress target;
        Socket socket = null;
        synchronized (this) {
            if (closed) {
                throw new IOException("session closed");
            }
            listener = passiveListener;
            target = activeTarget != null ? activeTarget : defaultPort;
            passiveListener = null;
            activeTarget = null;
            if (listener == null) {
                socket = new Socket();
            }
            opening = listener != null ? listener : socket;
        }
        try {
            if (listener != null) {
                listener.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
                return listener.accept();
            }
            socket.connect(target, CONNECT_TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        } finally {
            closeQuietly(listener);
            synchronized (this) {
                opening = null;
            }
        }
    }

    /** Forgets any negotiation (after a failed transfer command or ABOR). */
    synchronized void reset() {
        closeQuietly(passiveListener);
        passiveListener = null;
        activeTarget = null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        reset();
        closeQuietly(opening);
    }

    private synchronized int listen() throws IOException {
        reset();
        // The client's family: a server on ::1 listens on ::1 for EPSV.
        passiveListener = new ServerSocket(0, 1, defaultPort.getAddress() instanceof java.net.Inet6Address
                ? InetAddress.getByName("::1") : InetAddress.getLoopbackAddress());
        return passiveListener.getLocalPort();
    }

    /** Only loopback targets are accepted: the server must never reach beyond the test machine. */
    private synchronized String connectLater(String host, int port, String okReply) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return "501 Illegal address " + host + ".";
        }
        if (!address.isLoopbackAddress() || port < 1 || port > 65535) {
            return "501 Refusing data connection to " + host + ":" + port + " (loopback only).";
        }
        reset();
        activeTarget = new InetSocketAddress(address, port);
        return okReply;
    }

    static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing useful to do: the resource is gone either way
        }
    }
}
