package org.ferryftp.ftp;

import org.ferryftp.session.RemoteFileStatus;

/**
 * A file's status asked of a server whose replies are not read yet ({@link ServerToServer#askStatus}): a copy's
 * plan asks both servers before it reads either, so the two answer in the time of one round trip. Read it once,
 * before anything else is asked of that session.
 */
public final class PendingStatus {

    private final SessionLock.Op<RemoteFileStatus> replies;
    private boolean read;

    PendingStatus(SessionLock.Op<RemoteFileStatus> replies) {
        this.replies = replies;
    }

    /** Reads the replies: whether the file is there, its size, and its time where it was asked and told. */
    public RemoteFileStatus read() throws FtpException {
        if (read) {
            throw new IllegalStateException("the replies were read already");
        }
        read = true;
        return replies.run();
    }
}
