package org.ferryftp.ftp;

/**
 * A data connection failed mid-transfer (reset, timeout, vanished server). When the control
 * connection was brought back in step with ABOR it can be reused; otherwise it was closed.
 */
public class DataConnectionException extends FtpException {

    private final boolean controlInStep;

    public DataConnectionException(String message, Throwable cause, boolean controlInStep) {
        super(message, cause);
        this.controlInStep = controlInStep;
    }

    @Override
    public boolean isConnectionBroken() {
        return !controlInStep;
    }
}
