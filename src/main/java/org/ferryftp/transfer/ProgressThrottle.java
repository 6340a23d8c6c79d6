package org.ferryftp.transfer;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Coalesces progress updates so a consumer (the UI) sees at most N per second, always the latest, and always
 * the final one.
 *
 * <p>{@link #offer} publishes at once when the last publication is at least one interval old; otherwise it
 * keeps the update as pending and makes sure one delayed flush is scheduled for the end of the interval.
 * That flush is why a {@link Scheduler} is injected: without it the last update before a stall (a server
 * that stops sending) would sit unpublished until the next byte arrived, leaving the UI behind. At most one
 * flush task is outstanding per throttle, and it runs on the injected scheduler, not on a thread of our own.
 * {@link #finish} publishes its update unconditionally and ends the throttle.
 *
 * <p>Publications are handed to the executor while holding this throttle's monitor, so they reach it in
 * order (a late flush can never overtake the final update). The executor must therefore not block, which
 * holds for {@code Platform::runLater} and for any ordinary executor.
 */
public final class ProgressThrottle<T> {

    /** Runs a task after a delay; {@link #of(ScheduledExecutorService)} adapts the usual JDK scheduler. */
    @FunctionalInterface
    public interface Scheduler {
        void schedule(Runnable task, long delayNanos);

        static Scheduler of(ScheduledExecutorService service) {
            return (task, delayNanos) -> service.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    public static final int DEFAULT_PER_SECOND = 10;

    private final Consumer<? super T> consumer;
    private final Executor publisher;
    private final Scheduler scheduler;
    private final LongSupplier nanoTime;
    private final long intervalNanos;

    // Guarded by this.
    private T pending;
    private boolean published;
    private long lastPublishNanos;
    private boolean flushScheduled;
    private boolean finished;

    /**
     * @param consumer  receives the updates (on the publisher's thread)
     * @param publisher where the consumer runs, e.g. {@code Platform::runLater}
     * @param scheduler runs the trailing flush
     * @param nanoTime  monotonic clock
     * @param perSecond the most updates per second the consumer gets
     */
    public ProgressThrottle(Consumer<? super T> consumer, Executor publisher, Scheduler scheduler,
                            LongSupplier nanoTime, int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1: " + perSecond);
        }
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.intervalNanos = Duration.ofSeconds(1).toNanos() / perSecond;
    }

    public ProgressThrottle(Consumer<? super T> consumer, Executor publisher, Scheduler scheduler) {
        this(consumer, publisher, scheduler, System::nanoTime, DEFAULT_PER_SECOND);
    }

    /** Offers an update; it is published now, or later by a flush unless a newer one replaces it first. */
    public synchronized void offer(T update) {
        Objects.requireNonNull(update, "update");
        if (finished) {
            return;
        }
        pending = update;
        long now = nanoTime.getAsLong();
        long sinceLast = now - lastPublishNanos;
        if (!published || sinceLast >= intervalNanos) {
            publishPending(now);
        } else if (!flushScheduled) {
            flushScheduled = true;
            scheduler.schedule(this::flush, intervalNanos - sinceLast);
        }
    }

    /** Publishes {@code update} at once, whatever the rate, and ignores everything offered afterwards. */
    public synchronized void finish(T update) {
        Objects.requireNonNull(update, "update");
        if (finished) {
            return;
        }
        finished = true;
        pending = update;
        publishPending(nanoTime.getAsLong());
    }

    /** Run by the scheduler at the end of an interval. */
    synchronized void flush() {
        flushScheduled = false;
        if (pending == null || finished) {
            return;
        }
        long now = nanoTime.getAsLong();
        long sinceLast = now - lastPublishNanos;
        if (sinceLast >= intervalNanos) {
            publishPending(now);
        } else {
            // Woken early (coarse timer): try again at the end of the interval.
            flushScheduled = true;
            scheduler.schedule(this::flush, intervalNanos - sinceLast);
        }
    }

    private void publishPending(long now) {
        T update = pending;
        pending = null;
        published = true;
        lastPublishNanos = now;
        publisher.execute(() -> consumer.accept(update));
    }
}
