package org.ferryftp.sftp;

import org.ferryftp.session.SessionException;

/** The server answered an SFTP request with an error status; the session goes on. */
public final class SftpRefusedException extends SessionException {

    private final int status;

    SftpRefusedException(String message, int status, Throwable cause) {
        super(message, false, cause);
        this.status = status;
    }

    /** True when the server said the path does not exist. */
    public boolean isNoSuchFile() {
        return status == org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_FILE
                || status == org.apache.sshd.sftp.common.SftpConstants.SSH_FX_NO_SUCH_PATH;
    }

    /** The SFTP status code ({@code SSH_FX_…}). */
    public int status() {
        return status;
    }
}
