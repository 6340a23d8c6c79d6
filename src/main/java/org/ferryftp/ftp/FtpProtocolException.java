package org.ferryftp.ftp;

/** The server sent something that is not valid FTP: a malformed or oversized reply, an unparseable address. */
public class FtpProtocolException extends FtpException {

    public FtpProtocolException(String message) {
        super(message);
    }

    public FtpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
