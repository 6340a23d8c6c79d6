package org.ferryftp.sftp;

import org.apache.sshd.client.global.OpenSshHostKeysHandler;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;

import java.security.PublicKey;
import java.util.Collection;

/**
 * OpenSSH's list of its host keys ("hostkeys-00@openssh.com", sent right after the login, no reply wanted), read as
 * MINA reads it, then answered with an SSH_MSG_IGNORE. The list reaches a client that has nothing to send, whose TCP
 * then delays its acknowledgement (40 ms on Linux), and sshd, Nagle's algorithm on, holds its confirmation of the
 * SFTP channel until the acknowledgement comes: opening the channel took 52 ms on the CI's OpenSSH, 7-10 ms with the
 * acknowledgement carried by this message. Servers ignore SSH_MSG_IGNORE (RFC 4253, 11.2).
 */
final class AcknowledgedHostKeys extends OpenSshHostKeysHandler {

    @Override
    protected Result handleHostKeys(Session session, Collection<? extends PublicKey> keys, boolean wantReply,
                                    Buffer buffer) throws Exception {
        Result read = super.handleHostKeys(session, keys, wantReply, buffer);
        Buffer ignore = session.createBuffer(SshConstants.SSH_MSG_IGNORE, Integer.BYTES);
        ignore.putString("");
        session.writePacket(ignore);
        return read;
    }
}
