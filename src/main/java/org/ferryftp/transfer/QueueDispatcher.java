package org.ferryftp.transfer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts waiting items while the global and per-site limits allow, runs them on the queue's executor and
 * settles how each run ended. Works on the queue's items and order under the queue's lock; {@link TransferQueue}
 * owns them and applies the user's requests.
 */
final class QueueDispatcher {

    private final Object lock;
    private final ItemRegistry items;
    private final QueueOrder order;
    private final QueueEvents events;
    /** How to stop each running item, from the moment its run holds a connection. */
    private final Map<Long, Runnable> aborters = new HashMap<>();
    private final ItemRunner runner;
    private final ItemFactory factory;
    private final ScheduledExecutorService executor;
    private final Supplier<QueueSettings> settings;
    private final Supplier<RetryPolicy> retry;
    private final Consumer<TransferItem> remember;
    private final BiFunction<TransferItem, Outcome.Child, TransferItem> makeChild;
    private final NewDirectories newDirectories;
    private final Map<String, Integer> runningPerSite = new HashMap<>();
    /**
     * Targets of running items. An item whose target is among them waits in line rather than being merged:
     * two requests for one target may be the user's own (a newer version sent again), and when the first
     * is done the second meets the file like any existing target (the conflict policy decides).
     */
    private final Set<String> runningTargets = new HashSet<>();
    private int running;
    /** Items waiting out a retry back-off: queued, but not yet back in line. */
    private int pendingRetries;
    private boolean closed;

    /**
     * @param lock      the queue's lock, which guards {@code items} and {@code order} too; waiters for "idle" wait on it
     * @param items     every item of the queue
     * @param order     the waiting items in the order they start
     * @param events    tells the queue's listeners (called outside the lock)
     * @param settings  the queue's current settings (for the concurrency limit)
     * @param retry     the queue's current retry policy
     * @param remember  records a finished item in the bounded history (called under the lock)
     * @param makeChild makes the item of an expanded directory's child (called under the lock)
     * @param newDirectories told of a directory whose expansion created its target (under the lock)
     */
    QueueDispatcher(Object lock, ItemRegistry items, QueueOrder order, QueueEvents events, ItemRunner runner,
                    ItemFactory factory, ScheduledExecutorService executor, Supplier<QueueSettings> settings,
                    Supplier<RetryPolicy> retry, Consumer<TransferItem> remember,
                    BiFunction<TransferItem, Outcome.Child, TransferItem> makeChild, NewDirectories newDirectories) {
        this.makeChild = makeChild;
        this.newDirectories = newDirectories;
        this.lock = lock;
        this.items = items;
        this.order = order;
        this.events = events;
        this.runner = runner;
        this.factory = factory;
        this.executor = executor;
        this.settings = settings;
        this.retry = retry;
        this.remember = remember;
    }

    /** Waits until nothing is waiting or running; false on timeout. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (order.size() > 0 || running > 0 || pendingRetries > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    /** How to stop running item {@code id} now, or null when its run holds no connection yet. Holds the lock. */
    Runnable aborter(long id) {
        return aborters.get(id);
    }

    /** How to stop every running item. Holds the lock. */
    List<Runnable> allAborters() {
        return new ArrayList<>(aborters.values());
    }

    /** No item starts from now on. Holds the lock (the queue closes under it). */
    void stopStarting() {
        closed = true;
    }

    /** Starts waiting items while the global and per-site limits allow. */
    void dispatch() {
        List<TransferItem> started = new ArrayList<>();
        synchronized (lock) {
            TransferItem next;
            while ((next = takeNext()) != null) {
                started.add(next);
            }
        }
        for (TransferItem item : started) {
            events.changed(item);
            executor.execute(() -> work(item));
        }
    }

    /** The next item allowed to run, marked running; null when none may start now. Holds the lock. */
    private TransferItem takeNext() {
        if (closed || running >= settings.get().concurrency()) {
            return null;
        }
        TransferItem next = order.pollEligible(i -> siteHasRoom(i) && !runningTargets.contains(i.targetKey()));
        if (next == null) {
            return null;
        }
        next.state = ItemState.RUNNING;
        next.stopRequest = null;
        next.attempts++;
        running++;
        runningTargets.add(next.targetKey());
        for (String site : next.siteIds()) {
            runningPerSite.merge(site, 1, Integer::sum);
        }
        return next;
    }

    /**
     * A worker keeps taking the next item itself instead of handing it to another thread: with
     * thousands of small files, thread hand-offs cost more than the files.
     */
    private void work(TransferItem first) {
        TransferItem item = first;
        while (item != null) {
            Outcome outcome;
            try {
                TransferItem running = item;
                outcome = runner.run(new RunContext(item, abort -> onAbort(running, abort),
                        () -> events.changed(running)));
            } catch (RuntimeException e) {
                outcome = new Outcome.Failed("internal error: " + e, false);
            }
            TransferItem next = settle(item, outcome);
            if (next != null) {
                events.changed(next);
            }
            // Children of an expanded directory may fill more slots than this worker can.
            dispatch();
            item = next;
        }
    }

    /** How to interrupt {@code item}'s run on pause or cancel; runs it at once if a stop was asked already. */
    private void onAbort(TransferItem item, Runnable abort) {
        boolean stopNow;
        synchronized (lock) {
            aborters.put(item.id, abort);
            stopNow = item.stopRequest != null;
        }
        if (stopNow) {
            abort.run();
        }
    }

    private boolean siteHasRoom(TransferItem item) {
        for (String site : item.siteIds()) {
            int limit = factory.maxConnections(site);
            if (runningPerSite.getOrDefault(site, 0) >= limit) {
                return false;
            }
        }
        return true;
    }

    /** Records how a run ended and, under the same lock, takes the worker's next item (or null). */
    private TransferItem settle(TransferItem item, Outcome outcome) {
        List<TransferItem> added = List.of();
        boolean retryLater = false;
        TransferItem next;
        synchronized (lock) {
            running--;
            runningTargets.remove(item.targetKey());
            for (String site : item.siteIds()) {
                runningPerSite.merge(site, -1, Integer::sum);
            }
            aborters.remove(item.id);
            Settlement.Result r = Settlement.apply(item, outcome, retry.get().maxAttempts(), items, order, runner,
                    remember, makeChild, newDirectories);
            added = r.added();
            retryLater = r.retryLater();
            if (item.state.isFinished()) {
                remember.accept(item);
            }
            if (retryLater) {
                pendingRetries++;
            }
            next = takeNext();
            if (next == null && order.size() == 0 && running == 0 && pendingRetries == 0) {
                lock.notifyAll();
            }
        }
        if (!added.isEmpty()) {
            events.added(added);
        }
        events.changed(item);
        if (retryLater) {
            scheduleRetry(item, outcome instanceof Outcome.Failed f ? f.reason() : String.valueOf(outcome));
        }
        return next;
    }

    private void scheduleRetry(TransferItem item, String reason) {
        Duration delay = retry.get().delayBefore(item.attempts + 1);
        org.slf4j.LoggerFactory.getLogger(QueueDispatcher.class).info(
                "item {} ({}) failed on attempt {}: {}; retrying in {} ms", item.id, item.source.path(), item.attempts,
                reason, delay.toMillis());
        executor.schedule(() -> {
            synchronized (lock) {
                pendingRetries--;
                if (item.state instanceof ItemState.Queued) {
                    order.addFirst(List.of(item));
                }
                lock.notifyAll();
            }
            dispatch();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
