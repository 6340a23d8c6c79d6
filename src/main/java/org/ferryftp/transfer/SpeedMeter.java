package org.ferryftp.transfer;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Transfer speed over a sliding window (default 5 s), kept in fixed time buckets so a burst or a stall
 * shows up within a second or so while the figure stays steady enough to read.
 *
 * <p>The first {@link #record} call only sets the baseline (e.g. the resume offset), so bytes that were
 * already there never count as speed. Methods are synchronized: one writer (the transfer) and any number of
 * readers (UI, queue) may call them concurrently; the work under the lock is a few array operations.
 * Accuracy is about one bucket (1/20 of the window by default), which is plenty for a speed display.
 */
public final class SpeedMeter {

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(5);
    private static final int DEFAULT_BUCKETS = 20;

    private final LongSupplier nanoTime;
    private final long bucketNanos;
    private final long[] bucketBytes;
    private final long[] bucketIds;

    private boolean started;
    private long originNanos;
    private long lastBytes;

    public SpeedMeter(LongSupplier nanoTime) {
        this(nanoTime, DEFAULT_WINDOW, DEFAULT_BUCKETS);
    }

    /**
     * @param window  how far back the average reaches
     * @param buckets how many slices the window is cut into; more means smoother expiry of old data
     */
    public SpeedMeter(LongSupplier nanoTime, Duration window, int buckets) {
        if (window.isNegative() || window.isZero() || buckets < 1) {
            throw new IllegalArgumentException("window must be positive and buckets at least 1");
        }
        this.nanoTime = nanoTime;
        this.bucketNanos = Math.max(1, window.toNanos() / buckets);
        this.bucketBytes = new long[buckets];
        this.bucketIds = new long[buckets];
    }

    /** A meter on the system's monotonic clock. */
    public static SpeedMeter systemClock() {
        return new SpeedMeter(System::nanoTime);
    }

    /** Records the total bytes transferred so far; a smaller total than before (a restart) resets the baseline. */
    public synchronized void record(long bytesSoFar) {
        long now = nanoTime.getAsLong();
        if (!started) {
            started = true;
            originNanos = now;
            lastBytes = bytesSoFar;
            Arrays.fill(bucketIds, -1);
            return;
        }
        long delta = bytesSoFar - lastBytes;
        lastBytes = bytesSoFar;
        if (delta <= 0) {
            return;
        }
        long id = bucketId(now);
        int slot = (int) (id % bucketBytes.length);
        if (bucketIds[slot] != id) {
            bucketIds[slot] = id;
            bucketBytes[slot] = 0;
        }
        bucketBytes[slot] += delta;
    }

    /** Average bytes per second over the window (or since the first record, when that is shorter); 0 before data. */
    public synchronized double bytesPerSecond() {
        if (!started) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        long elapsed = now - originNanos;
        if (elapsed <= 0) {
            return 0;
        }
        long current = bucketId(now);
        long oldest = current - bucketBytes.length + 1;
        long sum = 0;
        for (int i = 0; i < bucketBytes.length; i++) {
            if (bucketIds[i] >= oldest && bucketIds[i] <= current) {
                sum += bucketBytes[i];
            }
        }
        // The window spans the full older buckets plus the part of the current one that has passed.
        long span = (bucketBytes.length - 1) * bucketNanos + elapsed % bucketNanos;
        return sum * 1e9 / Math.min(elapsed, Math.max(span, 1));
    }

    /** Time left for {@code remainingBytes} at the current speed; empty while the speed is unknown or zero. */
    public Optional<Duration> eta(long remainingBytes) {
        if (remainingBytes <= 0) {
            return Optional.of(Duration.ZERO);
        }
        double rate = bytesPerSecond();
        if (rate <= 0) {
            return Optional.empty();
        }
        double seconds = remainingBytes / rate;
        if (seconds > Long.MAX_VALUE / 1e9) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos((long) Math.ceil(seconds * 1e9)));
    }

    private long bucketId(long now) {
        return (now - originNanos) / bucketNanos;
    }
}
