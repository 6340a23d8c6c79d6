package org.ferryftp.sftp;

import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * A client of a running ssh-agent over its Unix socket ({@code SSH_AUTH_SOCK}), with Java's own Unix-domain
 * sockets (JDK 16+): MINA's agent client needs Tomcat's native APR library, which Ferry does not ship. The agent
 * protocol itself (list the identities, sign) is MINA's {@link AbstractAgentProxy}; this class only carries its
 * messages.
 */
final class SshAgentSocket extends AbstractAgentProxy {

    /** No agent answer is this large; a larger length means the peer is not an agent. */
    private static final int MAX_MESSAGE = 256 * 1024;

    private final SocketChannel channel;

    SshAgentSocket(Path socket) throws IOException {
        super(null);
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot reach the ssh-agent at " + socket + ": " + e.getMessage(), e);
        }
    }

    /** Sends one framed request (length included) and returns the answer without its length. */
    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(4);
        int n = length.getInt(0);
        if (n <= 0 || n > MAX_MESSAGE) {
            throw new IOException("the ssh-agent sent a message of " + n + " bytes");
        }
        return new ByteArrayBuffer(readFully(n).array());
    }

    private ByteBuffer readFully(int n) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(n);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("the ssh-agent closed the connection");
            }
        }
        return in;
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
