package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deterministic: a fake clock that only the limiter's own sleeps move. */
class BandwidthLimiterTest {

    static final long SECOND = 1_000_000_000L;
    final FakeNanoClock clock = new FakeNanoClock();

    BandwidthLimiter limiter(long bytesPerSecond) {
        return new BandwidthLimiter(bytesPerSecond, clock, clock.sleeper());
    }

    /** Seconds the fake clock moved while {@code bytes} were acquired in chunks. */
    double secondsFor(BandwidthLimiter limiter, int chunk, int chunks) throws InterruptedException {
        long start = clock.getAsLong();
        for (int i = 0; i < chunks; i++) {
            limiter.acquire(chunk);
        }
        return (clock.getAsLong() - start) / (double) SECOND;
    }

    @Test
    void unlimitedNeverWaits() throws Exception {
        BandwidthLimiter limiter = limiter(0);
        assertEquals(0, secondsFor(limiter, 1 << 20, 100));
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void theLimitHolds() throws Exception {
        // 10 kB at 1 kB/s: 10 s, less one chunk: the bucket starts full and the last chunk goes into debt
        // that the next caller pays off.
        assertEquals(9.9, secondsFor(limiter(1000), 100, 100), 0.01);
    }

    @Test
    void sleepsAreSlicedSoChangesTakeEffectQuickly() throws Exception {
        limiter(1000).acquire(1000);
        limiter(1000).acquire(1000);
        assertTrue(clock.sleeps.stream().allMatch(n -> n <= BandwidthLimiter.MAX_SLICE_NANOS), clock.sleeps.toString());
    }

    @Test
    void aChunkLargerThanTheBurstIsPaidForAfterwards() throws Exception {
        BandwidthLimiter limiter = limiter(1000);
        assertEquals(0, secondsFor(limiter, 10_000, 1)); // the bucket goes 9 950 bytes into debt
        assertEquals(9.95 + 0.001, secondsFor(limiter, 1, 1), 0.001);
    }

    @Test
    void raisingTheLimitSpeedsUp() throws Exception {
        BandwidthLimiter limiter = limiter(1000);
        assertEquals(0.9, secondsFor(limiter, 100, 10), 0.01);
        limiter.setLimit(4000);
        assertEquals(1.0, secondsFor(limiter, 100, 40), 0.02);
        assertEquals(4000, limiter.limit());
    }

    @Test
    void liftingTheLimitReleasesAWaitingThread() throws Exception {
        AtomicInteger sleeps = new AtomicInteger();
        BandwidthLimiter[] holder = new BandwidthLimiter[1];
        Sleeper sleeper = nanos -> {
            clock.advanceNanos(nanos);
            if (sleeps.incrementAndGet() == 3) {
                holder[0].setLimit(0); // the user switches the limit off mid-wait
            }
        };
        holder[0] = new BandwidthLimiter(10, clock, sleeper);
        holder[0].acquire(10);  // into debt: would need ~1 s more at 10 B/s
        holder[0].acquire(10);
        assertEquals(3, sleeps.get());
    }

    @Test
    void aChildIsHeldToItsOwnLimit() throws Exception {
        BandwidthLimiter global = limiter(10_000);
        BandwidthLimiter site = global.child();
        site.setLimit(1000);
        assertEquals(10, secondsFor(site, 100, 100), 0.1);
    }

    @Test
    void aChildIsHeldToItsParentsLimit() throws Exception {
        BandwidthLimiter global = limiter(1000);
        BandwidthLimiter site = global.child();
        site.setLimit(10_000);
        assertEquals(10, secondsFor(site, 100, 100), 0.1);
        BandwidthLimiter unlimitedSite = global.child();
        assertEquals(10, secondsFor(unlimitedSite, 100, 100), 0.1);
    }

    @Test
    void siblingsShareTheParentsBudget() throws Exception {
        BandwidthLimiter global = limiter(1000);
        BandwidthLimiter siteA = global.child();
        BandwidthLimiter siteB = global.child();
        long start = clock.getAsLong();
        for (int i = 0; i < 50; i++) {
            siteA.acquire(100);
            siteB.acquire(100);
        }
        assertEquals(10, (clock.getAsLong() - start) / (double) SECOND, 0.1);
    }

    @Test
    void waitingIsInterruptible() {
        BandwidthLimiter limiter = limiter(1000);
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> limiter.acquire(100_000));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> limiter(-1));
        assertThrows(IllegalArgumentException.class, () -> limiter(0).setLimit(-5));
        assertThrows(IllegalArgumentException.class, () -> limiter(10).acquire(-1));
    }

    /**
     * After an idle gap the bucket is merely full: the next transfer runs at the limit. The refill once
     * multiplied elapsed nanoseconds by the rate in a long, which overflowed after about 220 s idle at
     * 40 MiB/s and left transfers waiting for ever.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} B/s after {1} s idle")
    @org.junit.jupiter.params.provider.MethodSource("idleGaps")
    void anIdleGapOfAnyLengthLeavesTheLimitWorking(long rate, long idleSeconds) {
        BandwidthLimiter limiter = limiter(rate);
        clock.advanceNanos(idleSeconds * SECOND);
        int chunk = (int) Math.min(64 * 1024, Math.max(1, rate / 10));
        int chunks = 20;
        double seconds = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> secondsFor(limiter, chunk, chunks));
        double expected = (double) chunk * chunks / rate;
        // The full bucket (50 ms at the limit) and one chunk of debt may come free; never slower than the limit.
        assertTrue(seconds <= expected + 0.001, () -> seconds + " s for " + expected + " s of data");
        assertTrue(seconds >= expected - 0.05 - (double) chunk / rate - 1e-9, () -> seconds + " s, faster than the limit");
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> idleGaps() {
        long[] rates = {1024, 1 << 20, 40L << 20, 1L << 30, 10L << 30};
        long[] idle = {0, 60, 221, 3_600, 9_000, 86_400, 30 * 86_400L, 3650 * 86_400L};
        java.util.List<org.junit.jupiter.params.provider.Arguments> cases = new java.util.ArrayList<>();
        for (long r : rates) {
            for (long s : idle) {
                cases.add(org.junit.jupiter.params.provider.Arguments.of(r, s));
            }
        }
        return cases.stream();
    }
}
