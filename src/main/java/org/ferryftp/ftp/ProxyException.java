package org.ferryftp.ftp;

/**
 * A proxy refused or failed a connection: reported as the proxy's, with its reply, never as the FTP server's.
 * A refused login is final; anything else (a dropped or failed tunnel) may be retried.
 */
public final class ProxyException extends FtpException {

    private final boolean loginRefused;

    ProxyException(String message, boolean loginRefused) {
        super(message);
        this.loginRefused = loginRefused;
    }

    ProxyException(String message, Throwable cause) {
        super(message, cause);
        this.loginRefused = false;
    }

    /** True when the proxy refused the user name or password. */
    public boolean isLoginRefused() {
        return loginRefused;
    }

    @Override
    public boolean isConnectionBroken() {
        return !loginRefused;
    }
}
