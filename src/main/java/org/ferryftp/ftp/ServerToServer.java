package org.ferryftp.ftp;

/**
 * One side of a server-to-server transfer (RFC 959 figure 2, FXP): the client tells server A to
 * listen (PASV), tells server B to connect there (PORT), then starts RETR on the source and STOR on
 * the destination. No data passes through Ferry; each session only sees control replies.
 */
public final class ServerToServer {

    private final FtpSession session;

    ServerToServer(FtpSession session) {
        this.session = session;
    }

    /**
     * Sends PASV and returns the address the server announced, as announced: the other server must
     * connect there. (EPSV carries no address, so it cannot be used here.)
     */
    public HostPort listen() throws FtpException {
        return session.locked(() -> {
            session.applyTransferRepresentation();
            return HostPort.parsePasv(session.expect("PASV", null, 227));
        });
    }

    /** Sends PORT so this server connects to {@code target} (the other server's PASV address). */
    public void connectTo(HostPort target) throws FtpException {
        session.locked(() -> {
            session.applyTransferRepresentation();
            return session.expect("PORT", target.toPortArgument(), 200);
        });
    }

    /** Starts {@code verb path} (RETR or STOR) with no local data connection; expects 1yz. */
    public FtpReply start(String verb, String path) throws FtpException {
        return session.locked(() -> session.expect(verb, path, 125, 150));
    }

    /** Waits for the final reply of the transfer started with {@link #start}. */
    public FtpReply awaitCompletion(String what) throws FtpException {
        return session.locked(() -> {
            FtpReply r = session.readReply(what);
            if (!r.isCompletion()) {
                throw new FtpRefusedException(what, r);
            }
            return r;
        });
    }
}
