package org.ferryftp.ftp;

/**
 * A command argument contained CR, LF or NUL and was refused before reaching the wire: such a
 * name would let a file name smuggle extra commands onto the control connection.
 */
public class UnsafeArgumentException extends FtpException {

    public UnsafeArgumentException(String message) {
        super(message);
    }

    @Override
    public boolean isConnectionBroken() {
        return false;
    }
}
