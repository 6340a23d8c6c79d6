package org.ferryftp.transfer;

import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.TransferListener;

import java.util.function.LongSupplier;

/**
 * Per-buffer progress of one running item: updates its byte count and speed, applies the bandwidth
 * limit (blocking the transfer thread is how the limit works), and tells the queue at most ten
 * times a second, never once per buffer.
 */
final class ProgressTracker implements TransferListener {

    private static final long REPORT_EVERY_NANOS = 100_000_000L;

    private final TransferItem item;
    private final long offset;
    private final BandwidthLimiter limiter;
    private final RemoteSession session;
    private final Runnable report;
    private final LongSupplier nanoTime;
    private long lastBytes;
    private long lastReport;

    ProgressTracker(TransferItem item, long offset, BandwidthLimiter limiter, RemoteSession session, Runnable report,
                    LongSupplier nanoTime) {
        this.item = item;
        this.offset = offset;
        this.limiter = limiter;
        this.session = session;
        this.report = report;
        this.nanoTime = nanoTime;
        this.lastReport = nanoTime.getAsLong();
        item.bytesDone = offset;
    }

    @Override
    public void transferred(long bytesSoFar) {
        if (item.stopRequest != null) {
            // A pause or cancel that arrived before the data connection existed had nothing to abort yet.
            session.abort();
        }
        long delta = bytesSoFar - lastBytes;
        lastBytes = bytesSoFar;
        try {
            while (delta > 0) {
                int chunk = (int) Math.min(delta, Integer.MAX_VALUE);
                limiter.acquire(chunk);
                delta -= chunk;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            session.abort();
        }
        item.bytesDone = offset + bytesSoFar;
        item.speed().record(item.bytesDone);
        long now = nanoTime.getAsLong();
        if (now - lastReport >= REPORT_EVERY_NANOS) {
            lastReport = now;
            report.run();
        }
    }
}
