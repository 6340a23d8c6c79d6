package org.ferryftp.session;

import java.io.IOException;

/**
 * Base of every failure a remote session reports, whatever its protocol. Its message is written for people: it
 * names what Ferry tried and what went wrong, so front ends can show it as it is.
 */
public class SessionException extends IOException {

    private final boolean connectionBroken;

    public SessionException(String message, boolean connectionBroken) {
        super(message);
        this.connectionBroken = connectionBroken;
    }

    public SessionException(String message, boolean connectionBroken, Throwable cause) {
        super(message, cause);
        this.connectionBroken = connectionBroken;
    }

    /**
     * True when the connection can no longer be trusted (lost, timed out, out of step), so a pool must throw the
     * session away instead of reusing it, and a retry on a new connection may help.
     */
    public boolean isConnectionBroken() {
        return connectionBroken;
    }
}
