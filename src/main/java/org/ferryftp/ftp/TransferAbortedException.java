package org.ferryftp.ftp;

/** A transfer was cancelled on request; the control connection was resynchronised with ABOR. */
public class TransferAbortedException extends FtpException {

    private final boolean connectionUsable;

    public TransferAbortedException(String message, boolean connectionUsable) {
        super(message);
        this.connectionUsable = connectionUsable;
    }

    @Override
    public boolean isConnectionBroken() {
        return !connectionUsable;
    }
}
