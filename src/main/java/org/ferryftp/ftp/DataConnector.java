package org.ferryftp.ftp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sets up data connections the way the session's settings say: passive (EPSV when advertised, else
 * PASV), active (EPRT/PORT from a chosen address and port range, announcing a NAT address if set),
 * or RFC 959's default data port (nothing sent; the server connects to the control port). A server that
 * does not implement one (500, 501, 502 or 504) gets the next for the rest of the session: EPSV, PASV,
 * PORT, then the default data port; EPRT, PORT, then the default data port.
 */
final class DataConnector {

    private final ControlChannel control;
    private final SessionSettings settings;
    private final ProtocolLogBridge log;
    private final ServerExtensions extensions;
    private boolean epsvSupported = true;
    /** EPSV answered 229 on this connection, so it may be sent together with the transfer command. */
    private boolean epsvConfirmed;
    private TlsContext dataTls;

    DataConnector(ControlChannel control, SessionSettings settings, ServerExtensions extensions,
                  ProtocolLogBridge log) {
        this.control = control;
        this.extensions = extensions;
        this.settings = settings;
        this.log = log;
    }

    /** Data connections are wrapped in TLS (PROT P) from now on; null for clear ones. */
    void protectWith(TlsContext tls) {
        this.dataTls = tls;
    }

    /**
     * Opens a data connection for {@code verb arg}: sends the setup commands, REST when
     * {@code restartOffset > 0}, then the command, and returns once the server answered 1yz and the
     * connection is up.
     */
    DataChannel open(String verb, String arg, long restartOffset, Features features) throws FtpException {
        return open(verb, arg, restartOffset, features, null);
    }

    /**
     * As {@link #open(String, String, long, Features)}, with {@code ahead} (may be null) sent first: in the same
     * write as EPSV and the command where those are pipelined, else on its own. Its reply is read, and handed to it,
     * before anything of the transfer.
     */
    DataChannel open(String verb, String arg, long restartOffset, Features features, Ahead ahead) throws FtpException {
        CommandArguments.requireSafe("the argument of " + verb, arg);
        DataConnectionMode mode = settings.data().mode();
        if (mode == DataConnectionMode.PASSIVE && extensions.refused("PASV")) {
            mode = DataConnectionMode.ACTIVE;
        }
        if (mode == DataConnectionMode.ACTIVE && extensions.refused("PORT")) {
            mode = DataConnectionMode.DEFAULT_PORT;
        }
        if (ahead != null && !(mode == DataConnectionMode.PASSIVE && pipelinesEpsv(restartOffset))) {
            ahead.reply().accept(control.exchange(ahead.verb(), ahead.argument()));
            ahead = null;
        }
        return switch (mode) {
            case PASSIVE -> openPassive(verb, arg, restartOffset, features, ahead);
            case ACTIVE -> openActive(verb, arg, restartOffset);
            case DEFAULT_PORT -> openListening(verb, arg, restartOffset, bindDefaultPort());
        };
    }

    /** EPRT or PORT, then the command; where the server has neither, RFC 959's default data port. */
    private DataChannel openActive(String verb, String arg, long restartOffset) throws FtpException {
        ServerSocket server = bindActive();
        boolean announced;
        try {
            announced = announce(server);
        } catch (FtpException e) {
            closeQuietly(server);
            throw e;
        }
        if (!announced) {
            closeQuietly(server);
            return openListening(verb, arg, restartOffset, bindDefaultPort());
        }
        return openListening(verb, arg, restartOffset, server);
    }

    /**
     * A command sent just before a transfer's own, such as the MDTM of a file being downloaded (its time is kept
     * after the data), so that it costs no round trip of its own where EPSV is pipelined.
     */
    record Ahead(String verb, String argument, java.util.function.Consumer<FtpReply> reply) {
    }

    /** Whether a passive transfer starting at {@code restartOffset} sends EPSV and its command in one write. */
    private boolean pipelinesEpsv(long restartOffset) {
        return epsvConfirmed && restartOffset == 0;
    }

    private DataChannel openPassive(String verb, String arg, long restartOffset, Features features, Ahead ahead)
            throws FtpException {
        HostPort target = null;
        boolean commandSent = false;
        boolean ipv6 = control.remoteAddress() instanceof Inet6Address;
        if (pipelinesEpsv(restartOffset)) {
            // Pipelined: EPSV and the transfer command in one write, one round trip less per file. The
            // server answers EPSV, then waits for our connection before it answers the command.
            if (ahead == null) {
                control.sendPipelined("EPSV", null, verb, arg);
            } else {
                control.sendPipelined(ahead.verb(), ahead.argument(), "EPSV", null, verb, arg);
                ahead.reply().accept(control.readReply(ahead.verb()));
            }
            FtpReply epsv = control.readReply("EPSV");
            if (epsv.code() == 229) {
                target = new HostPort(control.remoteAddress().getHostAddress(), HostPort.parseEpsvPort(epsv));
                commandSent = true;
            } else {
                // EPSV stopped working: the command's own reply still comes (it cannot have started).
                FtpReply orphan = control.readReply(verb, settings.timeouts().replyMillis());
                if (orphan.isPreliminary()) {
                    control.closeQuietly();
                    throw new FtpProtocolException("the server started " + verb + " after refusing EPSV ("
                            + epsv.oneLine() + "); the connection was closed to stay in step");
                }
                epsvConfirmed = false;
                epsvSupported = false;
            }
        }
        if (target == null && (ipv6 || (settings.data().preferEpsv() && epsvSupported && features.has("EPSV")))) {
            FtpReply epsv = control.exchange("EPSV", null);
            if (epsv.code() == 229) {
                target = new HostPort(control.remoteAddress().getHostAddress(), HostPort.parseEpsvPort(epsv));
                epsvConfirmed = true;
            } else if (ipv6) {
                throw ipv6Refusal("EPSV", epsv);
            } else {
                extensions.withdrawIfNotImplemented("EPSV", epsv, "PASV opens data connections");
                epsvSupported = false;
            }
        }
        if (target == null) {
            FtpReply pasv = control.exchange("PASV", null);
            if (pasv.code() != 227) {
                if (!ipv6 && extensions.withdrawIfNotImplemented("PASV", pasv,
                        "the server connects to Ferry (active mode, PORT)")) {
                    return openActive(verb, arg, restartOffset);
                }
                throw new FtpRefusedException("PASV", pasv);
            }
            HostPort announced = HostPort.parsePasv(pasv);
            // CVE-2021-37533: a hostile server can name any host; trust only the control peer.
            String host = settings.data().usePasvAddress() ? announced.host()
                    : control.remoteAddress().getHostAddress();
            target = new HostPort(host, announced.port());
        }
        // The transfer command goes out before the connect: the server waits for the connection anyway,
        // so connecting overlaps the command's round trip (one round trip less per file).
        if (!commandSent) {
            restartAt(restartOffset);
            control.sendOnly(verb, arg);
        }
        // Proxy.NO_PROXY: Ferry's own proxy settings decide, not the JVM's selector (asked per connection otherwise).
        Socket socket = settings.proxy() == null ? new Socket(Proxy.NO_PROXY) : new ProxiedSocket(settings.proxy());
        try {
            socket.setSoTimeout(settings.timeouts().dataMillis());
            socket.connect(new InetSocketAddress(target.host(), target.port()), settings.timeouts().connectMillis());
        } catch (IOException e) {
            closeQuietly(socket);
            // The server still answers the command (425, usually): read it so later replies stay in step.
            // If the control connection broke instead, that is the better explanation.
            FtpReply answer = control.readReply(verb, settings.timeouts().connectMillis());
            if (answer.isNegative() && answer.code() != 425) {
                // The server refused the command itself (550 no such file, ...) and closed its listener
                // before we connected: the refusal is the news, not the connect failure it caused.
                throw new FtpRefusedException(verb + (arg == null ? "" : " " + arg), answer);
            }
            String said = " (server: " + answer.oneLine() + ")";
            if (e instanceof ProxyException proxyFailed) {
                throw new ProxyException("data connection: " + proxyFailed.getMessage() + said, proxyFailed);
            }
            if (e instanceof SocketTimeoutException) {
                throw new FtpTimeoutException("data connection to " + target + " was not accepted within "
                        + settings.timeouts().connect().toSeconds() + " s; try active mode" + said, e);
            }
            throw new FtpException("cannot open the data connection to " + target + ": " + e.getMessage()
                    + "; a firewall may block it, try active mode" + said, e);
        }
        if (dataTls == null && isUpload(verb)) {
            // The data goes out without waiting for the 150: the server reads it once it has accepted the
            // connection, and its answer (150 and 226, or a refusal) is read after the data, one wait less per file.
            return DataChannel.awaitingStart(socket);
        }
        FtpReply start;
        try {
            start = control.readReply(verb + (arg == null ? "" : " " + arg));
        } catch (FtpException e) {
            closeQuietly(socket);
            throw e;
        }
        if (start.isNegative() || start.isIntermediate()) {
            closeQuietly(socket);
            throw new FtpRefusedException(verb + (arg == null ? "" : " " + arg), start);
        }
        if (!start.isPreliminary()) {
            closeQuietly(socket);
            return DataChannel.alreadyComplete(start);
        }
        return channel(socket, start);
    }

    private static boolean isUpload(String verb) {
        return verb.equals(StoreCommand.STOR.name()) || verb.equals(StoreCommand.APPE.name());
    }

    private DataChannel openListening(String verb, String arg, long restartOffset, ServerSocket server)
            throws FtpException {
        try (server) {
            FtpReply start = sendTransferCommand(verb, arg, restartOffset);
            if (!start.isPreliminary()) {
                return DataChannel.alreadyComplete(start);
            }
            server.setSoTimeout(settings.timeouts().dataMillis());
            Socket socket;
            try {
                socket = server.accept();
            } catch (SocketTimeoutException e) {
                throw new FtpTimeoutException("the server did not open the data connection to "
                        + server.getLocalSocketAddress() + " within " + settings.timeouts().data().toSeconds()
                        + " s; a firewall may block active mode, try passive", e);
            }
            InetAddress peer = socket.getInetAddress();
            if (!peer.equals(control.remoteAddress())) {
                // Port theft: someone other than the server connected to our listening port.
                closeQuietly(socket);
                throw new FtpProtocolException("refused a data connection from " + peer.getHostAddress()
                        + ", which is not the server (" + control.remoteAddress().getHostAddress() + ")");
            }
            socket.setSoTimeout(settings.timeouts().dataMillis());
            return channel(socket, start);
        } catch (FtpException e) {
            throw e;
        } catch (IOException e) {
            throw new FtpException("active data connection failed: " + e.getMessage(), e);
        }
    }

    /**
     * EPSV or EPRT refused where only they can work (IPv6): a server that does not implement them has only PASV and
     * PORT, whose h1,h2,h3,h4 address cannot name an IPv6 host, so that is what the user is told.
     */
    private FtpRefusedException ipv6Refusal(String command, FtpReply reply) {
        if (!reply.isNotImplemented()) {
            return new FtpRefusedException(command, reply);
        }
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return new FtpRefusedException("the server at " + host + " offers only PASV/PORT, which cannot carry IPv6"
                + " addresses (" + command.split(" ")[0] + ": " + reply.oneLine() + ")", command, reply);
    }

    /** EPRT (where wanted) or PORT; false when the server has neither, so the default data port is left. */
    private boolean announce(ServerSocket server) throws FtpException {
        DataConnectionSettings d = settings.data();
        String reported = d.activeExternalAddress() != null ? d.activeExternalAddress()
                : server.getInetAddress().getHostAddress();
        HostPort hp = new HostPort(reported, server.getLocalPort());
        boolean ipv6 = reported.contains(":");
        if (ipv6 || (d.preferEprt() && !extensions.refused("EPRT"))) {
            FtpReply eprt = control.exchange("EPRT", hp.toEprtArgument());
            if (eprt.isCompletion()) {
                return true;
            }
            if (ipv6) {
                throw ipv6Refusal("EPRT " + hp.toEprtArgument(), eprt);
            }
            if (!extensions.withdrawIfNotImplemented("EPRT", eprt, "PORT announces data ports")) {
                throw new FtpRefusedException("EPRT " + hp.toEprtArgument(), eprt);
            }
        }
        FtpReply port = control.exchange("PORT", hp.toPortArgument());
        if (port.isCompletion()) {
            return true;
        }
        if (!ipv6 && extensions.withdrawIfNotImplemented("PORT", port,
                "the server connects to Ferry's control port (RFC 959's default data port)")) {
            return false;
        }
        throw new FtpRefusedException("PORT " + hp.toPortArgument(), port);
    }

    private FtpReply sendTransferCommand(String verb, String arg, long restartOffset) throws FtpException {
        restartAt(restartOffset);
        FtpReply reply = control.exchange(verb, arg);
        if (reply.isNegative() || reply.isIntermediate()) {
            throw new FtpRefusedException(verb + (arg == null ? "" : " " + arg), reply);
        }
        return reply;
    }

    private void restartAt(long restartOffset) throws FtpException {
        if (restartOffset > 0) {
            FtpReply rest = control.exchange("REST", Long.toString(restartOffset));
            if (rest.code() != 350) {
                extensions.withdrawIfNotImplemented("REST", rest, "transfers start over instead of resuming");
                throw new FtpRefusedException("the server cannot resume at byte " + restartOffset + " (REST): "
                        + rest.oneLine(), "REST " + restartOffset, rest);
            }
        }
    }

    private ServerSocket bindActive() throws FtpException {
        DataConnectionSettings d = settings.data();
        InetAddress bind;
        try {
            bind = d.activeBindAddress() != null ? InetAddress.getByName(d.activeBindAddress())
                    : control.socket().getLocalAddress();
        } catch (IOException e) {
            throw new FtpException("cannot use active bind address " + d.activeBindAddress() + ": "
                    + e.getMessage(), e);
        }
        if (d.activePortMin() == 0) {
            return listen(bind, 0);
        }
        int span = d.activePortMax() - d.activePortMin() + 1;
        int first = ThreadLocalRandom.current().nextInt(span);
        for (int i = 0; i < span; i++) {
            int port = d.activePortMin() + (first + i) % span;
            try {
                ServerSocket s = new ServerSocket();
                try {
                    s.bind(new InetSocketAddress(bind, port), 1);
                    return s;
                } catch (IOException busy) {
                    s.close();
                }
            } catch (IOException e) {
                throw new FtpException("cannot listen for active data connections: " + e.getMessage(), e);
            }
        }
        throw new FtpException("no free port in the active port range " + d.activePortMin() + "-"
                + d.activePortMax() + " on " + bind.getHostAddress());
    }

    private ServerSocket bindDefaultPort() throws FtpException {
        Socket ctl = control.socket();
        log.info("default data port: waiting on " + ctl.getLocalAddress().getHostAddress() + ":" + ctl.getLocalPort());
        return listen(ctl.getLocalAddress(), ctl.getLocalPort());
    }

    private static ServerSocket listen(InetAddress bind, int port) throws FtpException {
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bind, port), 1);
            return s;
        } catch (IOException e) {
            throw new FtpException("cannot listen on " + bind.getHostAddress() + ":" + port
                    + " for the data connection: " + e.getMessage(), e);
        }
    }

    private DataChannel channel(Socket socket, FtpReply start) throws FtpException {
        if (dataTls == null) {
            return new DataChannel(socket, socket, start);
        }
        try {
            return new DataChannel(dataTls.secureData(socket), socket, start);
        } catch (FtpException e) {
            closeQuietly(socket);
            throw new FtpException("securing the data connection failed: " + e.getMessage()
                    + " (the server may require TLS session reuse or refuse the certificate)", e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new FtpException("securing the data connection failed: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Never used.
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Best effort on an already failed connection.
        }
    }
}
