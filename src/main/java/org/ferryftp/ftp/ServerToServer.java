package org.ferryftp.ftp;

/**
 * One side of a server-to-server transfer (RFC 959 figure 2, FXP): the client tells server A to
 * listen (PASV), tells server B to connect there (PORT), then starts STOR on one and RETR on the
 * other. No data passes through Ferry; each session only sees control replies.
 *
 * <p>Commands that start the transfer are sent without waiting ({@link #send}), because some
 * servers hold their 150 until the other server has connected: waiting for it before sending the
 * other command would deadlock. The replies are read afterwards ({@link #awaitStart},
 * {@link #awaitCompletion}).
 */
public final class ServerToServer {

    private final FtpSession session;

    ServerToServer(FtpSession session) {
        this.session = session;
    }

    /** The representation {@code path} travels in: both sides of a copy must use the same. */
    public org.ferryftp.ftp.repr.Representation representationFor(String path) {
        return session.representationFor(path);
    }

    /** True when data connections are encrypted (PROT P): the server then acts as TLS server on them. */
    public boolean protectsData() {
        return session.protectsData();
    }

    /**
     * Sends PASV (after the TYPE/STRU/MODE {@code path} goes with) and returns the address the server
     * announced, as announced: the other server must connect there. Over IPv6, where PASV cannot name the
     * address, EPSV, with the server's own address (what Ferry's control connection reaches).
     */
    public HostPort listen(String path) throws FtpException {
        return listen(path, "PASV");
    }

    /**
     * Like {@link #listen(String)} with CPSV: the server listens and, once the other server has
     * connected, starts the data connection's TLS handshake as the client (secure FXP without SSCN).
     */
    public HostPort listenAsTlsClient(String path) throws FtpException {
        return listen(path, "CPSV");
    }

    private HostPort listen(String path, String verb) throws FtpException {
        return session.locked(() -> {
            session.applyTransferRepresentation(path);
            if (verb.equals("PASV") && session.overIpv6()) {
                // PASV cannot name an IPv6 address; EPSV names none, so the server's own address it is (RFC 2428).
                return new HostPort(session.controlPeerHost(), HostPort.parseEpsvPort(session.expect("EPSV", null,
                        229)));
            }
            return HostPort.parsePasv(session.expect(verb, null, 227));
        });
    }

    /**
     * Asks whether {@code path} is there, its size and, with {@code time}, its time, without waiting for the answer:
     * TYPE I (where it changes), SIZE and MDTM go out in one write, and {@link PendingStatus#read()} reads the replies
     * before anything else is asked of this session. A copy's plan asks both servers this way before it reads either.
     */
    public PendingStatus askStatus(String path, boolean time) throws FtpException {
        return session.askStatus(path, time);
    }

    /** Sends PORT (EPRT for an IPv6 address) so this server connects to {@code target} (the other's listener). */
    public void connectTo(HostPort target, String path) throws FtpException {
        session.locked(() -> {
            session.applyTransferRepresentation(path);
            return target.host().contains(":") ? session.expect("EPRT", target.toEprtArgument(), 200)
                    : session.expect("PORT", target.toPortArgument(), 200);
        });
    }

    /**
     * True when Ferry reaches the server over IPv6. A server of the other family cannot connect to it (nor it to
     * that one), whatever PASV, PORT, EPSV or EPRT say.
     */
    public boolean overIpv6() {
        return session.overIpv6();
    }

    /** True when the server can act as TLS client on its next data connections (SSCN in FEAT). */
    public boolean offersTlsClientRole() {
        return session.features().has("SSCN");
    }

    /** True when the server offers CPSV (in FEAT): it can listen as the TLS client, see {@link #listenAsTlsClient}. */
    public boolean offersTlsClientListen() {
        return session.features().has("CPSV");
    }

    /**
     * SSCN ON/OFF: with encrypted data connections (PROT P) both servers of a site-to-site copy would act as
     * TLS server; SSCN ON makes this one the TLS client, so the two can talk.
     */
    public void tlsClientRole(boolean on) throws FtpException {
        session.locked(() -> session.expect("SSCN", on ? "ON" : "OFF", 200));
    }

    /** REST before the transfer command, so both sides continue from {@code offset}. */
    public void restartAt(long offset) throws FtpException {
        session.locked(() -> session.expect("REST", Long.toString(offset), 350));
    }

    /** Sends {@code verb path} (RETR or STOR) without waiting for the reply. */
    public void send(String verb, String path) throws FtpException {
        session.locked(() -> {
            session.sendOnly(verb, path);
            return null;
        });
    }

    /** Reads the reply that starts the transfer: 1yz, or a completion when the server skipped it. */
    public FtpReply awaitStart(String what) throws FtpException {
        return session.locked(() -> {
            FtpReply r = session.readReply(what);
            if (r.isNegative() || r.isIntermediate()) {
                throw new FtpRefusedException(what, r);
            }
            return r;
        });
    }

    /** Waits for the final reply of the transfer started with {@link #send}. */
    public FtpReply awaitCompletion(String what) throws FtpException {
        return session.locked(() -> {
            FtpReply r = session.readReply(what);
            if (!r.isCompletion()) {
                throw new FtpRefusedException(what, r);
            }
            return r;
        });
    }

    /** Sends ABOR and reads what the server owes, to stop a server-to-server transfer cleanly. */
    public void abort(boolean transferReplyPending) throws FtpException {
        session.locked(() -> {
            session.expect("ABOR", null, 225, 226, 426, 451);
            if (transferReplyPending) {
                session.readReply("ABOR");
            }
            return null;
        });
    }
}
