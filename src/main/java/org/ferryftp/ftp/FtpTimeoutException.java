package org.ferryftp.ftp;

/** The server stopped answering on the control or data connection within the configured timeout. */
public class FtpTimeoutException extends FtpException {

    public FtpTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
