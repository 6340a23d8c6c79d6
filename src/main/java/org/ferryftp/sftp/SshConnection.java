package org.ferryftp.sftp;

import org.apache.sshd.client.session.ClientSession;

/**
 * A logged-in SSH connection, as {@link SshLogin#open()} gives it.
 *
 * @param session   the session, authenticated
 * @param ownClient the SSH client it runs on when that client is its own (stopped with it), else null
 */
public record SshConnection(ClientSession session, SharedSshClient ownClient) implements AutoCloseable {

    /** Closes the session at once (SFTP has nothing that could be left half-answered), and its own client. */
    @Override
    public void close() {
        try {
            if (session != null) {
                session.close(true);
            }
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        if (ownClient != null) {
            ownClient.close();
        }
    }
}
