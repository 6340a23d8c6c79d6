package org.ferryftp.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** A monotonic clock that moves only when told; its sleeper advances it instead of waiting. */
final class FakeNanoClock implements LongSupplier {

    private final AtomicLong now = new AtomicLong(1_000_000_000L); // arbitrary non-zero origin
    final List<Long> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public long getAsLong() {
        return now.get();
    }

    void advanceMillis(long millis) {
        now.addAndGet(millis * 1_000_000L);
    }

    void advanceNanos(long nanos) {
        now.addAndGet(nanos);
    }

    /** Sleeps by moving the clock, and records each sleep. */
    Sleeper sleeper() {
        return nanos -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            sleeps.add(nanos);
            now.addAndGet(nanos);
        };
    }

    long totalSleptNanos() {
        synchronized (sleeps) {
            return sleeps.stream().mapToLong(Long::longValue).sum();
        }
    }
}
