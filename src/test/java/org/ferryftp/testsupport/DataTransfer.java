package org.ferryftp.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * One data transfer running on its own thread, so that the session thread can keep reading the control
 * connection and act on ABOR. The transfer writes its own completion reply (226, or 426 when aborted or broken);
 * whoever aborts it waits for {@link #awaitFinished()} before replying to ABOR, which keeps 426 ahead of 226.
 */
final class DataTransfer implements Runnable {

    /** What to do over the open connection ({@link #send} or {@link #receive}); returns the success reply. */
    @FunctionalInterface
    interface Work {
        String run(DataTransfer transfer) throws IOException;
    }

    private static final int CHUNK = 64 * 1024;
    static final String ABORTED_REPLY = "426 Connection closed; transfer aborted.";

    private final Socket socket;
    private final Work work;
    private final Consumer<String> replies;
    private final Runnable brokenByClient;
    private final AtomicBoolean aborted = new AtomicBoolean();
    private final CountDownLatch abortSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    /** @param brokenByClient told when the connection broke before any ABOR or session end */
    DataTransfer(Socket socket, Work work, Consumer<String> replies, Runnable brokenByClient) {
        this.socket = socket;
        this.work = work;
        this.replies = replies;
        this.brokenByClient = brokenByClient;
    }

    @Override
    public void run() {
        String reply;
        try {
            reply = work.run(this);
            socket.close();
            if (aborted.get()) {
                reply = ABORTED_REPLY;
            }
        } catch (IOException | RuntimeException e) {
            if (!aborted.get()) {
                brokenByClient.run();
            }
            reply = ABORTED_REPLY;
        } finally {
            ScriptedDataChannel.closeQuietly(socket);
        }
        try {
            replies.accept(reply);
        } finally {
            finished.countDown();
        }
    }

    /** ABOR or session end: closing the socket breaks any blocked read or write of the transfer thread. */
    void abort() {
        aborted.set(true);
        abortSignal.countDown();
        ScriptedDataChannel.closeQuietly(socket);
    }

    /** Checked between chunks so that a transfer notices ABOR even when its socket writes still succeed. */
    void checkNotAborted() throws IOException {
        if (aborted.get()) {
            throw new IOException("transfer aborted");
        }
    }

    /** Parks a deliberately stalled transfer until it is aborted (by ABOR or by closing the server). */
    void awaitAbort() throws IOException {
        try {
            abortSignal.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IOException("transfer aborted");
    }

    boolean isFinished() {
        return finished.getCount() == 0;
    }

    void awaitFinished() throws InterruptedException {
        finished.await();
    }

    /**
     * Writes the bytes from {@code from} on, zlib-deflated under MODE Z; with {@code stallAfter} set, sends only
     * that many and then keeps the connection open until aborted.
     */
    void send(byte[] bytes, int from, Integer stallAfter, boolean compress) throws IOException {
        Deflater deflater = compress ? new Deflater() : null;
        try {
            OutputStream out = compress
                    ? new DeflaterOutputStream(socket.getOutputStream(), deflater, CHUNK, true)
                    : socket.getOutputStream();
            int end = stallAfter == null ? bytes.length : (int) Math.min(bytes.length, (long) from + stallAfter);
            for (int position = from; position < end; position += CHUNK) {
                checkNotAborted();
                out.write(bytes, position, Math.min(CHUNK, end - position));
            }
            out.flush();
            if (stallAfter != null) {
                awaitAbort();
            }
            if (compress) {
                ((DeflaterOutputStream) out).finish();
            }
        } finally {
            if (deflater != null) {
                deflater.end();
            }
        }
    }

    /** Reads until the client closes the data connection (end of file in stream mode), inflating under MODE Z. */
    void receive(OutputStream sink, boolean compressed) throws IOException {
        Inflater inflater = compressed ? new Inflater() : null;
        try {
            InputStream in = compressed
                    ? new InflaterInputStream(socket.getInputStream(), inflater, CHUNK)
                    : socket.getInputStream();
            byte[] buffer = new byte[CHUNK];
            int count;
            while ((count = in.read(buffer)) >= 0) {
                checkNotAborted();
                sink.write(buffer, 0, count);
            }
        } finally {
            if (inflater != null) {
                inflater.end();
            }
        }
    }
}
