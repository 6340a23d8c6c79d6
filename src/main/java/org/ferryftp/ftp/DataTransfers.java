package org.ferryftp.ftp;

import org.ferryftp.session.TransferListener;

import org.ferryftp.ftp.repr.ConversionException;
import org.ferryftp.ftp.repr.Representation;
import org.ferryftp.ftp.repr.RepresentationCodecs;
import org.ferryftp.ftp.repr.TransferMode;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Moves file data over data connections (the User-DTP): converts it per the representation, applies
 * MODE Z, reports progress, reads the final reply, and aborts cleanly with ABOR when asked.
 */
final class DataTransfers {

    private static final int ABOR_REPLY_WAIT_MILLIS = 5_000;
    /**
     * How much of an upload goes out before the server's answer to STOR is read: what the socket buffers take even
     * when the server never reads the connection (vsftpd leaves it queued when it refuses), so a refusal is never
     * stuck behind a blocked write, which no timeout would end. Small files still go without that wait.
     */
    static final int EARLY_UPLOAD_BYTES = 32 * 1024;
    /**
     * How long an abort from another thread lets data keep flowing before it breaks the connection:
     * a flowing transfer sees the request at its next read and aborts cleanly (ABOR first); only a
     * stalled one needs the connection broken to unblock it.
     */
    private static final long HARD_ABORT_DELAY_MILLIS = 1_000;

    private final ControlChannel control;
    private final DataConnector connector;
    private final SessionSettings settings;
    private volatile DataChannel current;
    private volatile boolean abortRequested;
    private volatile Thread transferThread;
    private byte[] buffer;
    /** File bytes this session moved over its own data connections (listings not counted). */
    private final java.util.concurrent.atomic.AtomicLong fileBytes = new java.util.concurrent.atomic.AtomicLong();
    /** Source bytes moved by the running transfer, for failure messages. */
    private long moved;
    /** The running transfer's command with its argument, as a refusal names it. */
    private String command;

    DataTransfers(ControlChannel control, DataConnector connector, SessionSettings settings) {
        this.control = control;
        this.connector = connector;
        this.settings = settings;
    }

    TransferResult retrieve(String path, OutputStream local, long restartAt, Representation repr,
                            Features features, TransferListener listener) throws FtpException {
        return retrieve(path, local, restartAt, repr, features, listener, null);
    }

    /** As above, with a command sent ahead of the transfer's own (see {@link DataConnector.Ahead}; may be null). */
    TransferResult retrieve(String path, OutputStream local, long restartAt, Representation repr,
                            Features features, TransferListener listener, DataConnector.Ahead ahead)
            throws FtpException {
        DataChannel channel = begin("RETR", path, restartAt, features, ahead);
        IOException conversionError = null;
        try {
            InputStream wire = channel.input();
            if (repr.mode() == TransferMode.DEFLATE) {
                wire = new InflaterInputStream(wire, new Inflater(), 64 * 1024);
            }
            OutputStream sink = RepresentationCodecs.decoder(repr, settings.localText(), new KeepOpenStream(local));
            copy(wire, sink, listener);
            try {
                sink.close();
            } catch (IOException e) {
                conversionError = e;
            }
        } catch (IOException e) {
            throw failed(channel, "download of " + path, e);
        }
        fileBytes.addAndGet(moved);
        FtpReply done = finish(channel, "RETR " + path);
        if (conversionError != null) {
            throw new DataConnectionException("download of " + path + " could not be converted: "
                    + conversionError.getMessage(), conversionError, true);
        }
        return new TransferResult(moved, done, path);
    }

    TransferResult store(StoreCommand command, String path, InputStream local, long restartAt,
                         Representation repr, Features features, TransferListener listener) throws FtpException {
        DataChannel channel = begin(command.name(), path, restartAt, features);
        try {
            OutputStream wire = startGated(channel, channel.output());
            if (repr.mode() == TransferMode.DEFLATE) {
                wire = new DeflaterOutputStream(wire, new Deflater(), 64 * 1024);
            } else if (!repr.isPassThrough()) {
                wire = new BufferedOutputStream(wire, 64 * 1024);
            }
            OutputStream sink = RepresentationCodecs.encoder(repr, settings.localText(), wire);
            copy(local, sink, listener);
            sink.close();
        } catch (IOException e) {
            throw failed(channel, "upload to " + path, e);
        }
        fileBytes.addAndGet(moved);
        FtpReply done = finish(channel, command + " " + path);
        return new TransferResult(moved, done, path);
    }

    /**
     * Starts STOR and returns the stream to write the file's local form into; closing it finishes
     * the upload (reads the final reply). Used to relay a download from another server into this
     * one without a temporary file. Nothing else may use this session until the stream is closed.
     */
    OutputStream openStore(String path, long restartAt, Representation repr, Features features) throws FtpException {
        DataChannel channel = begin("STOR", path, restartAt, features);
        OutputStream sink;
        try {
            OutputStream wire = startGated(channel, channel.output());
            if (repr.mode() == TransferMode.DEFLATE) {
                wire = new DeflaterOutputStream(wire, new Deflater(), 64 * 1024);
            } else if (!repr.isPassThrough()) {
                wire = new BufferedOutputStream(wire, 64 * 1024);
            }
            sink = RepresentationCodecs.encoder(repr, settings.localText(), wire);
        } catch (IOException e) {
            throw failed(channel, "upload to " + path, e);
        }
        return new FilterOutputStream(sink) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                    moved += len;
                } catch (IOException e) {
                    throw failed(channel, "upload to " + path, e);
                }
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    out.close();
                } catch (IOException e) {
                    throw failed(channel, "upload to " + path, e);
                }
                finish(channel, "STOR " + path);
            }
        };
    }

    /** Reads a listing's raw bytes; listings are bounded so a hostile server cannot exhaust memory. */
    byte[] fetch(String verb, String path, Representation repr, Features features, long maxBytes)
            throws FtpException {
        BoundedBuffer buffer = new BoundedBuffer(maxBytes, verb);
        fetchInto(verb, path, repr, features, buffer);
        return buffer.toByteArray();
    }

    /**
     * Streams a listing into {@code lines} as it arrives. When the receiver stops it, the transfer is
     * aborted with ABOR (a {@link TransferAbortedException}; the control connection stays in step).
     */
    void fetchLines(String verb, String path, Representation repr, Features features, ListingLines lines)
            throws FtpException {
        fetchInto(verb, path, repr, features, lines);
    }

    private void fetchInto(String verb, String path, Representation repr, Features features, OutputStream sink)
            throws FtpException {
        DataChannel channel = begin(verb, path, 0, features);
        String what = verb + (path == null ? "" : " " + path);
        try {
            InputStream wire = channel.input();
            if (repr.mode() == TransferMode.DEFLATE) {
                wire = new InflaterInputStream(wire, new Inflater(), 64 * 1024);
            }
            copy(wire, sink, TransferListener.NONE);
            if (sink instanceof ListingLines lines) {
                lines.finish();
            }
        } catch (ListingLines.Stopped e) {
            abortRequested = true;
            throw failed(channel, what, e);
        } catch (IOException e) {
            throw failed(channel, what, e);
        } catch (RuntimeException e) {
            // A receiver that failed: the transfer is aborted so the control connection stays in step.
            abortRequested = true;
            failed(channel, what, new IOException(e));
            throw e;
        }
        finish(channel, what);
    }

    long fileBytes() {
        return fileBytes.get();
    }

    /**
     * Cancels the running transfer from any thread; the transferring thread then sends ABOR. It notices
     * at its next read or write; when it is blocked on a stalled connection, the connection is broken
     * after {@link #HARD_ABORT_DELAY_MILLIS}.
     */
    void abort() {
        abortRequested = true;
        DataChannel c = current;
        if (c == null || Thread.currentThread() == transferThread) {
            return;
        }
        java.util.concurrent.CompletableFuture.delayedExecutor(HARD_ABORT_DELAY_MILLIS,
                java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
                    if (current == c) {
                        c.abort();
                    }
                });
    }

    /** Breaks the running transfer's data connection at once, from any thread (the session is being dropped). */
    void abortNow() {
        abortRequested = true;
        DataChannel c = current;
        if (c != null) {
            c.abort();
        }
    }

    private DataChannel begin(String verb, String arg, long restartAt, Features features) throws FtpException {
        return begin(verb, arg, restartAt, features, null);
    }

    private DataChannel begin(String verb, String arg, long restartAt, Features features, DataConnector.Ahead ahead)
            throws FtpException {
        abortRequested = false;
        moved = 0;
        command = verb + (arg == null ? "" : " " + arg);
        transferThread = Thread.currentThread();
        DataChannel channel = connector.open(verb, arg, restartAt, features, ahead);
        current = channel;
        if (abortRequested) {
            channel.abort();
        }
        return channel;
    }

    private void copy(InputStream in, OutputStream out, TransferListener listener) throws IOException {
        // One buffer per session: allocating (and zeroing) 1 MiB for each of 1,000 small files showed up.
        if (buffer == null) {
            buffer = new byte[settings.bufferSize()];
        }
        byte[] buf = buffer;
        int n;
        while ((n = in.read(buf)) >= 0) {
            out.write(buf, 0, n);
            moved += n;
            listener.transferred(moved);
            if (abortRequested) {
                throw new IOException("cancelled");
            }
        }
    }

    /**
     * Closes the data connection and reads the transfer's final reply (an upload's answer to its command first, when
     * that is still to be read: a refusal then, or a completion without a 1yz, is the last reply).
     */
    private FtpReply finish(DataChannel channel, String command) throws FtpException {
        channel.close();
        current = null;
        FtpReply done;
        if (channel.isAlreadyComplete()) {
            done = channel.startReply();
        } else {
            done = channel.awaitsStart() ? control.readReply(command) : null;
            if (done == null || done.isPreliminary()) {
                done = control.readReply(command);
            }
        }
        if (!done.isCompletion()) {
            throw new FtpRefusedException(command, done);
        }
        return done;
    }

    /**
     * An upload's connection that went up before the server's answer to the command was read: the first
     * {@link #EARLY_UPLOAD_BYTES} go at once, and that answer is read before any more.
     */
    private OutputStream startGated(DataChannel channel, OutputStream wire) {
        if (!channel.awaitsStart()) {
            return wire;
        }
        return new java.io.FilterOutputStream(wire) {
            private int early = EARLY_UPLOAD_BYTES;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (channel.awaitsStart()) {
                    if (len > early) {
                        out.write(b, off, early);
                        off += early;
                        len -= early;
                        early = 0;
                        awaitStart(channel);
                    } else {
                        early -= len;
                    }
                }
                out.write(b, off, len);
            }
        };
    }

    /** Reads the server's answer to the upload's command; anything but a 1yz ends the upload. */
    private void awaitStart(DataChannel channel) throws IOException {
        FtpReply start = control.readReply(command);
        if (!start.isPreliminary()) {
            throw new AnsweredBeforeData(start);
        }
        channel.started(start);
    }

    /** The server answered an upload's command with a final reply while its data was still going out. */
    private static final class AnsweredBeforeData extends IOException {
        final transient FtpReply reply;

        AnsweredBeforeData(FtpReply reply) {
            super("the server answered " + reply.oneLine() + " before the data was sent");
            this.reply = reply;
        }
    }

    /**
     * The answer to an upload's command, read after its data failed: null when it is a 1yz (the transfer started and
     * its final reply is still owed), else the exception to throw (a refusal: no transfer, nothing more owed).
     */
    private FtpException startAfterFailure(DataChannel channel, String what, IOException cause, int waitMillis) {
        FtpReply start;
        try {
            start = cause instanceof AnsweredBeforeData early ? early.reply : control.readReply(command, waitMillis);
        } catch (FtpException e) {
            control.closeQuietly();
            return new DataConnectionException(what + " failed after " + moved + " bytes: " + cause.getMessage()
                    + "; the server did not answer " + command + ", so the connection was closed", cause, false);
        }
        if (start.isPreliminary()) {
            return null;
        }
        channel.close();
        if (abortRequested) {
            return new TransferAbortedException(what + " was cancelled after " + moved + " bytes", true);
        }
        return start.isCompletion()
                ? new DataConnectionException(what + " failed after " + moved + " bytes: " + cause.getMessage()
                        + " (server: " + start.oneLine() + ")", cause, true)
                : new FtpRefusedException(command, start);
    }

    /**
     * A transfer broke off, by request or by failure. The server still owes the transfer's final
     * reply, and ABOR (which also unblocks a server stuck on the data connection) adds one more:
     * both are read so that the next command's reply is not off by one. If they do not come, the
     * control connection is closed instead, so it can never be reused out of step. A cancel while data
     * still flows sends ABOR before closing the data connection (see {@link DataChannel#drain}).
     */
    private FtpException failed(DataChannel channel, String what, IOException cause) {
        current = null;
        if (channel.awaitsStart()) {
            FtpException early = startAfterFailure(channel, what, cause, ABOR_REPLY_WAIT_MILLIS);
            if (early != null) {
                return early;
            }
        }
        // A cancel while data still flows sends ABOR first and lets the server close the data connection.
        boolean aborFirst = abortRequested && !channel.isAborted() && !channel.isAlreadyComplete();
        // Both replies (and the drain) within one bound: a server that stalled the data may stall these too.
        long deadline = System.nanoTime() + ABOR_REPLY_WAIT_MILLIS * 1_000_000L;
        String serverSaid = null;
        boolean inStep = true;
        if (aborFirst) {
            try {
                control.sendOnly("ABOR", null);
                channel.drain(ABOR_REPLY_WAIT_MILLIS / 2);
            } catch (FtpException e) {
                aborFirst = false;
            }
        }
        channel.close();
        if (!channel.isAlreadyComplete()) {
            try {
                int wait = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
                FtpReply first = aborFirst ? control.readReply("ABOR", wait)
                        : control.exchange("ABOR", null, wait);
                serverSaid = first.oneLine();
                int left = (int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L);
                control.readReply("ABOR", left);
            } catch (FtpException e) {
                control.closeQuietly();
                inStep = false;
            }
        }
        if (abortRequested) {
            return new TransferAbortedException(what + " was cancelled after " + moved + " bytes"
                    + (inStep ? "" : "; the server did not confirm ABOR, so the connection was closed"), inStep);
        }
        if (cause instanceof FtpException fe) {
            return fe;
        }
        if (cause instanceof ConversionException) {
            return new DataConnectionException(what + " could not be converted: " + cause.getMessage(), cause, inStep);
        }
        String reason = cause instanceof java.net.SocketTimeoutException
                ? "the data connection was silent for " + settings.timeouts().data().toSeconds() + " s"
                : cause.getMessage();
        return new DataConnectionException(what + " failed after " + moved + " bytes: " + reason
                + (serverSaid == null ? "" : " (server: " + serverSaid + ")"), cause, inStep);
    }
}
