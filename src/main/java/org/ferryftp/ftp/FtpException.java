package org.ferryftp.ftp;

import org.ferryftp.session.SessionException;

/**
 * Base of every failure the engine reports. Its message is written for people: it names what
 * Ferry tried and what went wrong, so front ends can show it as it is, without a stack trace.
 */
public class FtpException extends SessionException {

    public FtpException(String message) {
        super(message, true);
    }

    public FtpException(String message, Throwable cause) {
        super(message, true, cause);
    }

    /**
     * True when the control connection can no longer be trusted (lost, timed out, out of step),
     * so a pool must throw the session away instead of reusing it.
     */
    @Override
    public boolean isConnectionBroken() {
        return true;
    }
}
