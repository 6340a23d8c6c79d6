package org.ferryftp.ftp;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * One open data connection (the User-DTP side), after the server accepted the transfer command.
 * {@link #abort()} may be called from another thread to break a blocked read or write.
 */
final class DataChannel implements Closeable {

    private final Socket socket;
    private final FtpReply startReply;
    private volatile boolean closed;

    DataChannel(Socket socket, FtpReply startReply) {
        this.socket = socket;
        this.startReply = startReply;
    }

    /** The server answered the command with a completion reply at once and opened no connection. */
    static DataChannel alreadyComplete(FtpReply reply) {
        return new DataChannel(null, reply);
    }

    /** True when the transfer's final reply has already been read (no 1yz came first). */
    boolean isAlreadyComplete() {
        return socket == null;
    }

    FtpReply startReply() {
        return startReply;
    }

    InputStream input() throws IOException {
        return socket == null ? new ByteArrayInputStream(new byte[0]) : socket.getInputStream();
    }

    OutputStream output() throws IOException {
        return socket == null ? OutputStream.nullOutputStream() : socket.getOutputStream();
    }

    /** Breaks any blocked I/O on this connection. Safe from any thread, more than once. */
    void abort() {
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Already broken; nothing to report.
            }
        }
    }
}
