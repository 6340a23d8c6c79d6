package org.ferryftp.ftp;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;

/**
 * TLS for one session. Each session has its own {@link SSLContext}, so its client session cache
 * holds only this server's sessions: every data connection resumes the control connection's session
 * (see {@link ControlPortSocket}), as {@code require_ssl_reuse} servers demand.
 */
final class TlsContext {

    static final String TICKETS_PROPERTY = "jdk.tls.client.enableSessionTicketExtension";

    static {
        // TLS 1.2 resumption by session ID, not RFC 5077 tickets: vsftpd issues tickets with a lifetime
        // of 2^31-1 s, which JSSE discards as invalid (over 7 days), and then offers nothing the server
        // can resume, so require_ssl_reuse answers 522. JSSE reads this per SSLContext; the launcher
        // sets it too. TLS 1.3 tickets are unaffected.
        if (System.getProperty(TICKETS_PROPERTY) == null) {
            System.setProperty(TICKETS_PROPERTY, "false");
        }
    }

    private final TlsPolicy policy;
    private final String host;
    private final int port;
    private SessionTrustManager trustManager;
    private SSLContext context;
    private SSLSocketFactory factory;
    private boolean tls12Only;

    TlsContext(TlsPolicy policy, String host, int port) {
        this.policy = policy;
        this.host = host;
        this.port = port;
    }

    private SSLSocketFactory factory() throws FtpException {
        if (factory == null) {
            try {
                trustManager = new SessionTrustManager(policy.trustAnchors(), policy.trust(), host, port);
                context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {trustManager}, null);
                factory = context.getSocketFactory();
            } catch (GeneralSecurityException e) {
                throw new FtpSettingException("cannot set up TLS: " + e.getMessage());
            }
        }
        return factory;
    }

    /**
     * How many sessions the session cache holds. Each TLS 1.3 ticket the server sends adds one and each
     * resumption spends one, so a count that went down since the last look means a data connection
     * resumed and the server sent no ticket to replace the one it spent.
     */
    int cachedSessions() {
        return context == null ? 0 : java.util.Collections.list(context.getClientSessionContext().getIds()).size();
    }

    /** True when the policy allows TLS 1.2 and this context does not use it alone yet. */
    boolean canLimitToTls12() {
        return !tls12Only && (policy.protocols().isEmpty() || policy.protocols().contains("TLSv1.2"));
    }

    /**
     * From the next control connection on, TLS 1.2 only: its sessions resume by session ID any number of
     * times, so every data connection can resume the control connection's session. Starts a new
     * context, so that no TLS 1.3 session is offered.
     */
    void limitToTls12() {
        tls12Only = true;
        factory = null;
        context = null;
    }

    /** Layers TLS over the control connection and completes the handshake. */
    SSLSocket secureControl(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) factory().createSocket(plain, host, port, true);
        return handshake(s);
    }

    /** Layers TLS over a data connection, offering the control connection's session for resumption. */
    SSLSocket secureData(Socket plain) throws IOException {
        SSLSocket s = (SSLSocket) factory().createSocket(new ControlPortSocket(plain, port), host, port, true);
        return handshake(s);
    }

    private SSLSocket handshake(SSLSocket s) throws IOException {
        s.setUseClientMode(true);
        SSLParameters p = s.getSSLParameters();
        // Host name verification, as for HTTPS; certificates the user trusted by fingerprint pass anyway.
        p.setEndpointIdentificationAlgorithm("HTTPS");
        if (tls12Only) {
            p.setProtocols(new String[] {"TLSv1.2"});
        } else if (!policy.protocols().isEmpty()) {
            p.setProtocols(policy.protocols().toArray(String[]::new));
        }
        s.setSSLParameters(p);
        try {
            s.startHandshake();
        } catch (IOException e) {
            closeQuietly(s);
            throw translate(e);
        }
        return s;
    }

    /** Turns a failed handshake into a message that says what to do. */
    FtpException translate(IOException e) {
        if (e instanceof FtpException fe) {
            return fe;
        }
        ServerCertificate refused = trustManager == null ? null : trustManager.rejected();
        if (refused != null && e instanceof SSLHandshakeException) {
            return new UntrustedCertificateException(refused, e);
        }
        if (e instanceof SSLException) {
            return new FtpException("TLS with " + host + ":" + port + " failed: " + e.getMessage()
                    + (policy.protocols().isEmpty() ? "" : " (allowed versions: "
                    + String.join(", ", policy.protocols()) + ")"), e);
        }
        return new FtpException("TLS with " + host + ":" + port + " failed: " + e.getMessage(), e);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // The handshake already failed; that is what gets reported.
        }
    }
}
