package org.ferryftp.ftp;

import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.io.CRLFLineReader;

import javax.net.SocketFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The User-PI's control connection, on Commons Net. Ferry uses Commons Net for the command/reply
 * dialogue only: every command goes through {@link #exchange} (which refuses CR/LF/NUL), replies are
 * read through a {@link ReplyLimitingReader}, and every I/O failure becomes an {@link FtpException}
 * with a message a person can act on. Data connections are Ferry's own ({@link DataConnector}).
 *
 * <p>It extends Commons Net's protocol layer, {@link FTP}, not {@code FTPClient}: the client's public transfer
 * methods (retrieveFile, storeFile, listFiles...) would open data connections behind Ferry's back (an ArchUnit
 * rule keeps FTPClient out). The layer's protected connection fields are its extension point: Commons Net's own
 * FTPSClient replaces them after AUTH TLS exactly as {@link #startTls} does, and the reply reader goes in
 * through {@code _connectAction_(Reader)}.
 */
final class ControlChannel extends FTP {

    private final SessionSettings settings;
    private final TlsContext tls;
    private boolean secure;
    /** How long one whole reply may take, from its first read to its last line. */
    private volatile int replyBudgetMillis;
    /** When the reply being read must be complete (System.nanoTime). */
    private long replyDeadlineNanos;

    ControlChannel(SessionSettings settings, TlsContext tls, ProtocolLogBridge log) {
        this.settings = settings;
        this.tls = tls;
        setControlEncoding(settings.charset().charset().name());
        setConnectTimeout(settings.timeouts().connectMillis());
        setDefaultTimeout(settings.timeouts().replyMillis());
        replyBudgetMillis = settings.timeouts().replyMillis();
        // SO_REUSEADDR lets the RFC 959 default data port listen on the control connection's own port.
        setSocketFactory(new ReuseAddressSocketFactory(settings.proxy()));
        addProtocolCommandListener(log);
    }

    @Override
    protected void _connectAction_() throws IOException {
        if (settings.tls().mode() == TlsPolicy.Mode.IMPLICIT) {
            // Implicit FTPS: TLS from the first byte, so the greeting already arrives encrypted.
            _socket_.setSoTimeout(settings.timeouts().replyMillis());
            _socket_ = tls.secureControl(_socket_);
            secure = true;
        }
        // Insert the reply bound below Commons Net's line reader, before the greeting is read.
        InputStreamReader raw = new InputStreamReader(_socket_.getInputStream(), getControlEncoding());
        _connectAction_(new ReplyLimitingReader(raw, this::beforeReplyRead));
    }

    /**
     * Bounds a whole reply, not each read: a server that trickles an endless multi-line reply would
     * otherwise keep every single read inside the timeout for ever. The socket's read timeout is set
     * to what is left of the reply's time.
     */
    private void beforeReplyRead(boolean replyStart) throws IOException {
        long now = System.nanoTime();
        if (replyStart) {
            replyDeadlineNanos = now + replyBudgetMillis * 1_000_000L;
        }
        long leftMillis = (replyDeadlineNanos - now) / 1_000_000L;
        if (leftMillis <= 0) {
            throw new SocketTimeoutException("the reply took longer than " + replyBudgetMillis + " ms");
        }
        _socket_.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
    }

    /**
     * Layers TLS over the connection after the server accepted AUTH TLS (234). The reply bound is put
     * back below the new reader: Commons Net's FTPSClient would replace it with an unbounded one.
     */
    void startTls() throws FtpException {
        try {
            _socket_ = tls.secureControl(_socket_);
            _input_ = _socket_.getInputStream();
            _output_ = _socket_.getOutputStream();
            _controlInput_ = new CRLFLineReader(new ReplyLimitingReader(
                    new InputStreamReader(_input_, getControlEncoding()), this::beforeReplyRead));
            _controlOutput_ = new BufferedWriter(new OutputStreamWriter(_output_, getControlEncoding()));
            secure = true;
        } catch (IOException e) {
            throw translate("negotiating TLS", e);
        }
    }

    /** True once the control connection runs over TLS. */
    boolean isSecure() {
        return secure;
    }

    /** Opens the control connection and reads the greeting (a 120 "ready soon" is followed by its 220). */
    FtpReply open() throws FtpException {
        if (settings.proxy() != null && settings.data().mode() != DataConnectionMode.PASSIVE) {
            throw new FtpSettingException("active mode cannot work through the proxy " + settings.proxy().display()
                    + " (the server could not connect back through it); use passive mode");
        }
        try {
            if (settings.proxy() == null) {
                // Any session may need RFC 959's default data port: in default-port mode, and in passive or
                // active mode on a server that refuses PASV and PORT.
                connectFromListenablePort(InetAddress.getByName(settings.host()));
            } else {
                connect(settings.host(), settings.port());
            }
        } catch (UnknownHostException e) {
            throw new FtpException("cannot find host " + settings.host() + ": the name does not resolve", e);
        } catch (ProxyException e) {
            throw e;
        } catch (IOException e) {
            throw translate("connecting to " + settings.address(), e);
        }
        FtpReply greeting = lastReply();
        if (!greeting.isCompletion()) {
            throw new FtpRefusedException("server at " + settings.address() + " refused the connection: "
                    + greeting.oneLine(), "connect", greeting);
        }
        return greeting;
    }

    /**
     * The default data port listens on this connection's own port and address, so connect from a port that a
     * listener there can take, and hold it. A port the kernel picks for connect() may be shared with outgoing
     * connections to other destinations, or their TIME_WAIT, and one without SO_REUSEADDR among them makes the
     * listener's bind fail with "Address already in use", the more often the more connections the machine has.
     * The probe binds the very address the listener will (a wildcard probe passes ports that such a socket on
     * 127.0.0.1 still blocks), and a port bound explicitly is never handed to another connect() while held.
     * Another socket can take the probed port before the bind: then probe again.
     */
    private void connectFromListenablePort(InetAddress host) throws IOException {
        InetAddress local = sourceAddress(host, settings.port());
        for (int attempt = 1; ; attempt++) {
            try {
                connect(host, settings.port(), local, listenablePort(local));
                return;
            } catch (java.net.BindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** The address this machine sends from to reach {@code host} (a route lookup; nothing is sent), or null. */
    private static InetAddress sourceAddress(InetAddress host, int port) {
        try (java.net.DatagramSocket route = new java.net.DatagramSocket()) {
            route.connect(new InetSocketAddress(host, port));
            InetAddress local = route.getLocalAddress();
            return local.isAnyLocalAddress() ? null : local;
        } catch (IOException e) {
            return null; // no route: connect() will say so
        }
    }

    private static int listenablePort(InetAddress local) throws IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(local, 0));
            return probe.getLocalPort();
        }
    }

    private java.nio.charset.Charset charset() {
        return java.nio.charset.Charset.forName(getControlEncoding());
    }

    /** Sends one command and reads its reply. */
    FtpReply exchange(String verb, String argument) throws FtpException {
        CommandArguments.requireSendable(verb, argument, charset());
        if (!isConnected()) {
            throw new FtpException("not connected to " + settings.address());
        }
        try {
            sendCommand(verb, argument);
        } catch (IOException e) {
            throw translate(verb, e);
        }
        return lastReply();
    }

    /**
     * Sends a command without waiting for its reply, for server-to-server transfers where a server
     * may hold its 150 until the other server has connected. The reply is read later with
     * {@link #readReply(String)}.
     */
    void sendOnly(String verb, String argument) throws FtpException {
        CommandArguments.requireSendable(verb, argument, charset());
        if (!isConnected() || _controlOutput_ == null) {
            throw new FtpException("not connected to " + settings.address());
        }
        String line = argument == null ? verb : verb + " " + argument;
        try {
            _controlOutput_.write(line + "\r\n");
            _controlOutput_.flush();
        } catch (IOException e) {
            throw translate(verb, e);
        }
        fireCommandSent(verb, line + "\r\n");
    }

    /**
     * Sends two commands in one write without waiting (RFC 959 lets a client send the next command before
     * the reply; the server answers in order). Their replies are read with {@link #readReply(String)}.
     */
    void sendPipelined(String verb1, String arg1, String verb2, String arg2) throws FtpException {
        sendPipelined(new String[] {verb1, arg1, verb2, arg2});
    }

    /** As {@link #sendPipelined(String, String, String, String)} for any number of verb, argument pairs. */
    void sendPipelined(String... verbsAndArguments) throws FtpException {
        for (int i = 0; i < verbsAndArguments.length; i += 2) {
            CommandArguments.requireSendable(verbsAndArguments[i], verbsAndArguments[i + 1], charset());
        }
        if (!isConnected() || _controlOutput_ == null) {
            throw new FtpException("not connected to " + settings.address());
        }
        String[] lines = new String[verbsAndArguments.length / 2];
        for (int i = 0; i < lines.length; i++) {
            String verb = verbsAndArguments[2 * i];
            String arg = verbsAndArguments[2 * i + 1];
            lines[i] = (arg == null ? verb : verb + " " + arg) + "\r\n";
        }
        try {
            _controlOutput_.write(String.join("", lines));
            _controlOutput_.flush();
        } catch (IOException e) {
            throw translate(verbsAndArguments[0], e);
        }
        for (int i = 0; i < lines.length; i++) {
            fireCommandSent(verbsAndArguments[2 * i], lines[i]);
        }
    }

    /** Reads one more reply, e.g. the completion after a 1yz preliminary reply. */
    FtpReply readReply(String waitingFor) throws FtpException {
        if (!isConnected() || _controlInput_ == null) {
            // Closed on the way here (a failure that broke the connection closes it): Commons Net would fail with a
            // NullPointerException, and the reply can never come.
            throw new FtpException("the connection to " + settings.address() + " was closed while "
                    + describe(waitingFor));
        }
        try {
            getReply();
        } catch (IOException e) {
            throw translate(waitingFor, e);
        }
        return lastReply();
    }

    /** Like {@link #readReply} but with a temporary time limit for the whole reply, for replies that may never come. */
    FtpReply readReply(String waitingFor, int timeoutMillis) throws FtpException {
        int old = replyBudgetMillis;
        replyBudgetMillis = timeoutMillis;
        try {
            return readReply(waitingFor);
        } finally {
            replyBudgetMillis = old;
        }
    }

    /** Like {@link #exchange} but with a temporary time limit for the reply. */
    FtpReply exchange(String verb, String argument, int timeoutMillis) throws FtpException {
        int old = replyBudgetMillis;
        replyBudgetMillis = timeoutMillis;
        try {
            return exchange(verb, argument);
        } finally {
            replyBudgetMillis = old;
        }
    }

    FtpReply lastReply() {
        return new FtpReply(getReplyCode(), Arrays.asList(getReplyStrings()));
    }

    InetAddress remoteAddress() {
        return getRemoteAddress();
    }

    Socket socket() {
        return _socket_;
    }

    void closeQuietly() {
        try {
            if (isConnected()) {
                disconnect();
            }
        } catch (IOException ignored) {
            // Closing a broken connection: nothing useful to report.
        }
    }

    private FtpException translate(String what, IOException e) {
        closeQuietly();
        String where = settings.address();
        if (e instanceof FtpException fe) {
            return fe;
        }
        if (e instanceof javax.net.ssl.SSLException && tls != null) {
            return tls.translate(e);
        }
        // Commons Net wraps a greeting's timeout in a plain IOException.
        if (e instanceof SocketTimeoutException || e.getCause() instanceof SocketTimeoutException) {
            return new FtpTimeoutException(where + " did not answer within "
                    + settings.timeouts().reply().toSeconds() + " s while " + describe(what), e);
        }
        if (e instanceof FTPConnectionClosedException) {
            return new FtpException(where + " closed the connection while " + describe(what)
                    + (getReplyCode() == 421 ? " (421: " + lastReplyText() + ")" : ""), e);
        }
        if (e instanceof MalformedServerReplyException) {
            return new FtpProtocolException(where + " sent a malformed reply while " + describe(what) + ": "
                    + e.getMessage().replace('\n', ' '), e);
        }
        if (e instanceof java.net.ConnectException) {
            return new FtpException("cannot connect to " + where + ": " + e.getMessage(), e);
        }
        return new FtpException("connection to " + where + " failed while " + describe(what) + ": "
                + e.getMessage(), e);
    }

    private String lastReplyText() {
        List<String> lines = Arrays.asList(getReplyStrings());
        return String.join(" ", lines);
    }

    private static String describe(String what) {
        return what.startsWith("connecting") || what.startsWith("negotiating") ? what : "waiting for the reply to " + what;
    }

    /** Plain sockets with SO_REUSEADDR set before connect. */
    /** Sockets with SO_REUSEADDR, or through the site's proxy when it has one. */
    private static final class ReuseAddressSocketFactory extends SocketFactory {
        private final ProxySettings proxy;

        ReuseAddressSocketFactory(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        public Socket createSocket() throws IOException {
            if (proxy != null) {
                return new ProxiedSocket(proxy);
            }
            Socket s = new Socket(java.net.Proxy.NO_PROXY); // as the data connections (DataConnector)
            s.setReuseAddress(true);
            return s;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return createSocket(InetAddress.getByName(host), port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(InetAddress.getByName(host), port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket s = createSocket();
            s.bind(new InetSocketAddress(localAddress, localPort));
            s.connect(new InetSocketAddress(address, port));
            return s;
        }
    }
}
