package org.ferryftp.ftp;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import javax.net.ssl.SSLSocket;

/**
 * One open data connection (the User-DTP side), after the server accepted the transfer command, or, for an
 * upload, once connected with the server's 1yz still to be read ({@link #awaitsStart()}).
 * {@link #abort()} may be called from another thread to break a blocked read or write.
 */
final class DataChannel implements Closeable {

    /**
     * How long an upload's TLS 1.3 connection waits for the server's last records. The tickets were sent
     * right after the handshake, so they are already here; the wait only bounds servers that answer
     * close_notify slowly or never.
     */
    private static final int DRAIN_MILLIS = 250;

    private final Socket socket;
    private final Socket raw;
    private volatile FtpReply startReply;
    private volatile boolean closed;
    private volatile boolean aborted;
    private boolean wrote;

    /**
     * @param socket the connection as used (TLS or plain)
     * @param raw    the TCP socket below it (the same one when plain), closed on abort
     */
    DataChannel(Socket socket, Socket raw, FtpReply startReply) {
        this.socket = socket;
        this.raw = raw;
        this.startReply = startReply;
    }

    /**
     * An upload's connection, up before the server's answer to the command was read: that answer (1yz, or a
     * refusal) comes after the data, with the final reply.
     */
    static DataChannel awaitingStart(Socket socket) {
        return new DataChannel(socket, socket, null);
    }

    /** The server's 1yz, read while the upload was under way. */
    void started(FtpReply preliminary) {
        startReply = preliminary;
    }

    /** True when the server's answer to the transfer command is still to be read. */
    boolean awaitsStart() {
        return socket != null && startReply == null;
    }

    /** The server answered the command with a completion reply at once and opened no connection. */
    static DataChannel alreadyComplete(FtpReply reply) {
        return new DataChannel(null, null, reply);
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

    /** The connection's output; closing the stream only flushes it, {@link #close()} ends the connection. */
    OutputStream output() throws IOException {
        if (socket == null) {
            return OutputStream.nullOutputStream();
        }
        wrote = true;
        return new KeepOpenStream(socket.getOutputStream());
    }

    /** Breaks any blocked I/O on this connection. Safe from any thread, more than once. */
    void abort() {
        aborted = true;
        closeQuietly(raw);
        close();
    }

    /** True once {@link #abort()} broke the connection. */
    boolean isAborted() {
        return aborted;
    }

    /**
     * Reads and discards what the server still sends, until it closes the connection or
     * {@code millis} pass. Used after ABOR while data was flowing: the server stops and closes its end
     * itself, so it never writes into a connection Ferry already closed (ProFTPD's mod_tls takes that
     * broken pipe as fatal and ends the whole session).
     */
    void drain(int millis) {
        if (socket == null || closed) {
            return;
        }
        long deadline = System.nanoTime() + millis * 1_000_000L;
        try {
            InputStream in = socket.getInputStream();
            byte[] b = new byte[64 * 1024];
            while (true) {
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000L);
                if (left <= 0) {
                    return;
                }
                socket.setSoTimeout(left);
                if (in.read(b) < 0) {
                    return;
                }
            }
        } catch (IOException ignored) {
            // The server closed or went quiet; either way the connection is closed next.
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (socket instanceof SSLSocket ssl && wrote && !aborted) {
            drainTickets(ssl);
        }
        closeQuietly(socket);
        closeQuietly(raw);
    }

    /**
     * Under TLS 1.3 the server sends its session tickets after the handshake, and JSSE takes them in
     * only while reading. An upload never reads, and JSSE uses each ticket once, so without this the
     * next data connection would have no session to resume and a {@code require_ssl_reuse} server
     * would refuse it. So: send close_notify, then read what the server still sends until it closes.
     */
    private static void drainTickets(SSLSocket ssl) {
        if (!"TLSv1.3".equals(ssl.getSession().getProtocol())) {
            return;
        }
        try {
            ssl.shutdownOutput();
            ssl.setSoTimeout(DRAIN_MILLIS);
            InputStream in = ssl.getInputStream();
            byte[] b = new byte[4096];
            while (in.read(b) >= 0) {
                // Nothing to keep: reading is what processes the tickets.
            }
        } catch (IOException ignored) {
            // The server closed first or sent nothing more; either way the upload itself is complete.
        }
    }

    private static void closeQuietly(Socket s) {
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException ignored) {
            // Already broken; nothing to report.
        }
    }
}
