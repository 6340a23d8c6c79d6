package org.ferryftp.ui.queue;

import org.ferryftp.transfer.ProgressThrottle;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread and the clock in view-model tests: runnables handed to {@link #executor()}
 * wait until the test thread runs them, and scheduled flushes wait until the fake clock passes their time.
 * The test thread thereby plays the FX thread, so the model is only ever touched by one thread.
 */
final class ManualFx {

    private final BlockingQueue<Runnable> fxTasks = new LinkedBlockingQueue<>();
    private final List<long[]> dueTimes = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    int fxRuns;

    Executor executor() {
        return fxTasks::add;
    }

    ProgressThrottle.Scheduler scheduler() {
        return (task, delay) -> {
            synchronized (scheduled) {
                scheduled.add(task);
                dueTimes.add(new long[] {nanos.get() + delay});
            }
        };
    }

    /** Runs every FX task queued so far. */
    void runFx() {
        Runnable r;
        while ((r = fxTasks.poll()) != null) {
            fxRuns++;
            r.run();
        }
    }

    /** Advances the fake clock, runs the flushes that came due, then the FX tasks they produced. */
    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
        List<Runnable> due = new ArrayList<>();
        synchronized (scheduled) {
            for (int i = scheduled.size() - 1; i >= 0; i--) {
                if (dueTimes.get(i)[0] <= nanos.get()) {
                    due.add(0, scheduled.remove(i));
                    dueTimes.remove(i);
                }
            }
        }
        due.forEach(Runnable::run);
        runFx();
    }

    boolean hasScheduled() {
        synchronized (scheduled) {
            return !scheduled.isEmpty();
        }
    }

    /**
     * For tests with a real queue: plays the FX thread until {@code done} holds, advancing the fake clock
     * 100 ms whenever it has to wait for worker events (a blocking poll, not a sleep).
     */
    void pumpUntil(BooleanSupplier done, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in " + timeoutMillis + " ms");
            }
            Runnable r = fxTasks.poll(20, TimeUnit.MILLISECONDS);
            if (r != null) {
                fxRuns++;
                r.run();
            }
            advanceMillis(100);
        }
    }
}
