package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs entirely on the test thread: direct executor, fake clock, and a scheduler the test fires by hand. */
class ProgressThrottleTest {

    final FakeNanoClock clock = new FakeNanoClock();
    final List<Integer> seen = new ArrayList<>();
    final List<Runnable> scheduled = new ArrayList<>();
    final List<Long> delays = new ArrayList<>();
    final List<String> seenText = new ArrayList<>();
    private long scheduledAt = -1;
    final ProgressThrottle<Integer> throttle = new ProgressThrottle<>(seen::add, Runnable::run,
            (task, delay) -> {
                scheduled.add(task);
                delays.add(delay);
            }, clock, 10);

    void fireScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Test
    void theFirstUpdateGoesOutAtOnce() {
        throttle.offer(1);
        assertEquals(List.of(1), seen);
        assertTrue(scheduled.isEmpty());
    }

    @Test
    void burstsAreCoalescedToTheLatest() {
        throttle.offer(1);
        for (int i = 2; i <= 50; i++) {
            clock.advanceMillis(1);
            throttle.offer(i);
        }
        assertEquals(List.of(1), seen);
        assertEquals(1, scheduled.size(), "one flush, however many offers");
        assertEquals(100_000_000L - 1_000_000L, delays.get(0)); // end of the 100 ms interval
        clock.advanceMillis(51);
        fireScheduled();
        assertEquals(List.of(1, 50), seen);
    }

    @Test
    void atMostTenPerSecond() {
        for (int i = 0; i < 1000; i++) { // 1000 updates over 1 s
            throttle.offer(i);
            clock.advanceMillis(1);
            if (i % 10 == 0) {
                fireScheduledIfDue();
            }
        }
        assertTrue(seen.size() <= 11, "published " + seen.size());
        assertTrue(seen.size() >= 9, "published " + seen.size());
    }

    /** Fires the flush once its delay has passed on the fake clock, as a real scheduler would. */
    private void fireScheduledIfDue() {
        if (!scheduled.isEmpty() && scheduledAt < 0) {
            scheduledAt = clock.getAsLong() + delays.get(delays.size() - 1);
        }
        if (scheduledAt >= 0 && clock.getAsLong() >= scheduledAt) {
            scheduledAt = -1;
            fireScheduled();
        }
    }

    @Test
    void theLastUpdateBeforeAStallIsStillPublished() {
        throttle.offer(1);
        clock.advanceMillis(10);
        throttle.offer(2); // then the server stops sending
        clock.advanceMillis(500);
        fireScheduled();
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void anEarlyFlushWaitsForTheRestOfTheInterval() {
        throttle.offer(1);
        clock.advanceMillis(10);
        throttle.offer(2);
        clock.advanceMillis(40); // the scheduler fired too early
        fireScheduled();
        assertEquals(List.of(1), seen);
        assertEquals(1, scheduled.size());
        assertEquals(50_000_000L, delays.get(delays.size() - 1));
        clock.advanceMillis(50);
        fireScheduled();
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void theFinalUpdateAlwaysGoesOutAndEndsTheThrottle() {
        throttle.offer(1);
        clock.advanceMillis(1);
        throttle.offer(2);
        throttle.finish(3);
        assertEquals(List.of(1, 3), seen, "final goes out at once; the coalesced 2 is superseded");
        clock.advanceMillis(500);
        fireScheduled(); // the pending flush finds nothing to do
        throttle.offer(4);
        throttle.finish(5);
        assertEquals(List.of(1, 3), seen);
    }

    @Test
    void updatesArePublishedThroughTheExecutor() {
        List<Runnable> uiQueue = new ArrayList<>();
        ProgressThrottle<String> t = new ProgressThrottle<>(seenText::add, uiQueue::add, (r, d) -> { }, clock, 10);
        t.offer("a");
        assertTrue(seenText.isEmpty(), "nothing runs on the caller's thread");
        uiQueue.forEach(Runnable::run);
        assertEquals(List.of("a"), seenText);
    }

    @Test
    void rateMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProgressThrottle<Integer>(x -> { }, Runnable::run, (r, d) -> { }, clock, 0));
    }
}
