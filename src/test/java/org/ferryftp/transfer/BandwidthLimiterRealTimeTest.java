package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one test on the real clock: a limit must hold against real sleeping threads, not only a fake clock. */
class BandwidthLimiterRealTimeTest {

    static final long LIMIT = 2_000_000;
    static final long TOTAL = 2 * LIMIT; // ~2 s worth
    static final int CHUNK = 32 * 1024;

    @Test
    void twoThreadsShareTwoMegabytesPerSecondFairly() throws Exception {
        BandwidthLimiter limiter = new BandwidthLimiter(LIMIT, System::nanoTime, Sleeper.system());
        AtomicLong unclaimed = new AtomicLong(TOTAL);
        Callable<Long> transfer = () -> {
            long mine = 0;
            while (unclaimed.addAndGet(-CHUNK) > -CHUNK) {
                limiter.acquire(CHUNK);
                mine += CHUNK;
            }
            return mine;
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            List<Future<Long>> results = threads.invokeAll(List.of(transfer, transfer), 10, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            long a = results.get(0).get();
            long b = results.get(1).get();
            double rate = (a + b) / seconds;
            assertEquals(LIMIT, rate, LIMIT * 0.10, "measured " + rate + " B/s over " + seconds + " s");
            assertTrue(Math.min(a, b) > 0.4 * (a + b), "unfair split: " + a + " / " + b);
        } finally {
            threads.shutdownNow();
        }
    }
}
