package org.ferryftp.ftp;

import javax.net.ssl.SSLSocket;

/**
 * Keeps data connections able to resume the control connection's TLS session (servers that require
 * reuse refuse a data connection that does not: ProFTPD answers {@code 425 Unable to build data
 * connection: Operation not permitted}). Under TLS 1.3 that takes a fresh ticket for every data
 * connection, and JSSE keeps only the newest ticket and spends it. A server that sends no new ticket on a
 * resumed data connection (ProFTPD) leaves nothing for the next one, and no new ticket can be had without
 * a new control handshake. So when the cache has run dry, the session reconnects once with TLS 1.2 only,
 * whose session resumes by ID as often as needed, and goes back to the same working directory. This
 * happens between operations, before any data connection could be refused.
 */
final class TlsSessionRenewal {

    private final ControlChannel control;
    private final TlsContext tls;
    private final SessionHandshake handshake;
    private final DirectoryProbe probe;
    private final SessionSettings settings;
    private final ProtocolLogBridge log;
    /** Operations run nested (the lock is reentrant); only the outermost one is looked at. */
    private int depth;
    private int sessionsAtStart;
    private boolean spent;

    TlsSessionRenewal(ControlChannel control, TlsContext tls, SessionHandshake handshake, DirectoryProbe probe,
                      SessionSettings settings, ProtocolLogBridge log) {
        this.control = control;
        this.tls = tls;
        this.handshake = handshake;
        this.probe = probe;
        this.settings = settings;
        this.log = log;
    }

    /** Reconnects with TLS 1.2 when the next data connection would have no TLS 1.3 session to resume. */
    void beforeOperation() throws FtpException {
        if (depth++ > 0) {
            return;
        }
        if (spent && control.isConnected()) {
            spent = false;
            renew();
        }
        sessionsAtStart = tls == null ? 0 : tls.cachedSessions();
    }

    /**
     * Once an operation is over (its data connections closed): under TLS 1.3 with protected data, fewer
     * cached sessions than at its start mean a data connection spent the ticket and got none back.
     */
    void afterOperation() {
        if (--depth > 0 || tls == null) {
            return;
        }
        spent = settings.tls().protectData() && control.isConnected()
                && control.socket() instanceof SSLSocket ssl
                && "TLSv1.3".equals(ssl.getSession().getProtocol())
                && tls.cachedSessions() < sessionsAtStart && tls.canLimitToTls12();
    }

    private void renew() throws FtpException {
        FtpReply pwd = control.exchange("PWD", null);
        String dir = pwd.code() == 257 ? PathReplies.quotedPath(pwd) : null;
        log.info("the server sent no new TLS 1.3 ticket on a resumed data connection, so the next one would"
                + " have no session to resume; reconnecting with TLS 1.2, whose session every data connection"
                + " can resume");
        try {
            control.exchange("QUIT", null, 2_000);
        } catch (FtpException ignored) {
            // Leaving anyway.
        }
        control.closeQuietly();
        tls.limitToTls12();
        probe.forgetWorkingDirectory();
        handshake.connect();
        if (dir != null) {
            FtpReply cwd = control.exchange("CWD", dir);
            if (!cwd.isCompletion()) {
                throw new FtpRefusedException("CWD " + dir, cwd);
            }
        }
    }
}
