package org.ferryftp.transfer;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Token bucket that caps bytes per second for every transfer sharing it. Transfers call
 * {@link #acquire(int)} before writing each chunk.
 *
 * <p>Limits nest: {@link #child()} makes a limiter whose acquisitions also draw from this one, so a per-site
 * limit and the global limit both hold for the same transfer. Fairness: waiters queue on a fair lock and the
 * one at the head sleeps until its bytes are earned, so threads are served in arrival order and a greedy
 * thread cannot starve the others. The bucket may go into debt for a chunk larger than its burst, which the
 * next callers pay off; over any period the bytes let through stay within
 * {@code limit * time + burst + one chunk}.
 *
 * <p>A limit of 0 means unlimited and costs one volatile read. A limit change applies from the next wait
 * slice (at most {@link #MAX_SLICE_NANOS}), so lowering or lifting a limit takes effect within 100 ms even
 * for threads already waiting.
 */
public final class BandwidthLimiter {

    /** Longest single sleep, so waiters notice a changed limit promptly. */
    static final long MAX_SLICE_NANOS = 100_000_000L;
    /** Burst capacity as time at the current limit: small, so the cap holds over short periods too. */
    private static final long BURST_NANOS = 50_000_000L;

    /** Limiters that every acquisition here also draws from (none for a root). */
    private final java.util.List<BandwidthLimiter> parents;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final ReentrantLock queue = new ReentrantLock(true);
    private volatile long bytesPerSecond;

    // Guarded by queue.
    private double tokens;
    private long lastRefillNanos;

    /**
     * @param bytesPerSecond initial limit; 0 = unlimited
     * @param nanoTime       monotonic clock ({@code System::nanoTime} in production)
     * @param sleeper        how to wait ({@link Sleeper#system()} in production)
     */
    public BandwidthLimiter(long bytesPerSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this(java.util.List.of(), bytesPerSecond, nanoTime, sleeper);
    }

    private BandwidthLimiter(java.util.List<BandwidthLimiter> parents, long bytesPerSecond, LongSupplier nanoTime,
                             Sleeper sleeper) {
        requireValid(bytesPerSecond);
        this.parents = parents;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.bytesPerSecond = bytesPerSecond;
        this.lastRefillNanos = nanoTime.getAsLong();
        this.tokens = burst(bytesPerSecond);
    }

    /** A limiter (initially unlimited) whose transfers are also held to this limiter's limit. */
    public BandwidthLimiter child() {
        return new BandwidthLimiter(java.util.List.of(this), 0, nanoTime, sleeper);
    }

    /** A new root limiter (initially unlimited) on the same clock, for a limit that is not under this one. */
    public BandwidthLimiter sibling() {
        return new BandwidthLimiter(java.util.List.of(), 0, nanoTime, sleeper);
    }

    /**
     * An unlimited limiter whose acquisitions draw from this one and from {@code other}: a transfer held to its
     * site's limit and to the limit of its direction (uploads or downloads), which is not under the site's.
     */
    public BandwidthLimiter alsoUnder(BandwidthLimiter other) {
        return new BandwidthLimiter(java.util.List.of(this, other), 0, nanoTime, sleeper);
    }

    /** Changes the limit at run time; 0 = unlimited. */
    public void setLimit(long bytesPerSecond) {
        requireValid(bytesPerSecond);
        this.bytesPerSecond = bytesPerSecond;
    }

    public long limit() {
        return bytesPerSecond;
    }

    /**
     * Blocks until {@code bytes} may be sent under this limit and every ancestor's limit.
     *
     * @throws InterruptedException when the waiting thread is interrupted (e.g. the transfer was cancelled)
     */
    public void acquire(int bytes) throws InterruptedException {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count: " + bytes);
        }
        if (bytesPerSecond > 0 && bytes > 0) {
            acquireHere(bytes);
        }
        for (BandwidthLimiter parent : parents) {
            parent.acquire(bytes);
        }
    }

    private void acquireHere(int bytes) throws InterruptedException {
        queue.lockInterruptibly();
        try {
            while (true) {
                long rate = bytesPerSecond;
                long now = nanoTime.getAsLong();
                if (rate == 0) {
                    lastRefillNanos = now; // unlimited meanwhile: start afresh when a limit returns
                    return;
                }
                double capacity = burst(rate);
                // In doubles, and no more elapsed time than refills the bucket: a long product of idle
                // nanoseconds and the rate overflowed after minutes idle and stalled the next transfer.
                double refillNanos = (capacity - tokens) * 1e9 / rate;
                double elapsed = Math.min((double) Math.max(0, now - lastRefillNanos), refillNanos);
                tokens = Math.min(capacity, tokens + elapsed * rate / 1e9);
                lastRefillNanos = now;
                // Wait for the whole chunk, or for a full bucket when the chunk is bigger than the bucket.
                double needed = Math.min(bytes, capacity);
                if (tokens >= needed) {
                    tokens -= bytes;
                    return;
                }
                long waitNanos = (long) Math.ceil((needed - tokens) * 1e9 / rate);
                sleeper.sleepNanos(Math.max(1, Math.min(waitNanos, MAX_SLICE_NANOS)));
                if (Thread.interrupted()) {
                    throw new InterruptedException("bandwidth wait interrupted");
                }
            }
        } finally {
            queue.unlock();
        }
    }

    private static double burst(long rate) {
        return Math.max(1, rate * (BURST_NANOS / 1e9));
    }

    private static void requireValid(long bytesPerSecond) {
        if (bytesPerSecond < 0) {
            throw new IllegalArgumentException("limit must be 0 (unlimited) or positive: " + bytesPerSecond);
        }
    }
}
