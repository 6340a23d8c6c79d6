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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Starts waiting items while the global and per-site limits allow, runs them on the queue's executor and
 * settles how each run ended. Works on the queue's state under the queue's lock, like {@link QueueControls}.
 */
final class QueueDispatcher {

    private final QueueState state;
    private final ItemRunner runner;
    private final ItemFactory factory;
    private final ScheduledExecutorService executor;
    private final Supplier<QueueSettings> settings;
    private final Supplier<RetryPolicy> retry;
    private final Consumer<TransferItem> remember;
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
     * @param settings the queue's current settings (for the concurrency limit)
     * @param retry    the queue's current retry policy
     * @param remember records a finished item in the bounded history (called under the lock)
     */
    QueueDispatcher(QueueState state, ItemRunner runner, ItemFactory factory, ScheduledExecutorService executor,
                    Supplier<QueueSettings> settings, Supplier<RetryPolicy> retry, Consumer<TransferItem> remember) {
        this.state = state;
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
        synchronized (state.lock()) {
            while (state.order().size() > 0 || running > 0 || pendingRetries > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(state.lock(), left);
            }
            return true;
        }
    }

    /** No item starts from now on. Holds the lock (the queue closes under it). */
    void stopStarting() {
        closed = true;
    }

    /** Starts waiting items while the global and per-site limits allow. */
    void dispatch() {
        List<TransferItem> started = new ArrayList<>();
        synchronized (state.lock()) {
            TransferItem next;
            while ((next = takeNext()) != null) {
                started.add(next);
            }
        }
        for (TransferItem item : started) {
            state.events().changed(item);
            executor.execute(() -> work(item));
        }
    }

    /** The next item allowed to run, marked running; null when none may start now. Holds the lock. */
    private TransferItem takeNext() {
        if (closed || running >= settings.get().concurrency()) {
            return null;
        }
        TransferItem next = state.order().pollEligible(i -> siteHasRoom(i) && !runningTargets.contains(i.targetKey()));
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
                outcome = runner.run(item);
            } catch (RuntimeException e) {
                outcome = new Outcome.Failed("internal error: " + e, false);
            }
            TransferItem next = settle(item, outcome);
            if (next != null) {
                state.events().changed(next);
            }
            // Children of an expanded directory may fill more slots than this worker can.
            dispatch();
            item = next;
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
        synchronized (state.lock()) {
            running--;
            runningTargets.remove(item.targetKey());
            for (String site : item.siteIds()) {
                runningPerSite.merge(site, -1, Integer::sum);
            }
            state.aborters().remove(item.id);
            Settlement.Result r = Settlement.apply(item, outcome, retry.get().maxAttempts(), state.items(), state.order(), runner,
                    remember);
            added = r.added();
            retryLater = r.retryLater();
            if (item.state.isFinished()) {
                remember.accept(item);
            }
            if (retryLater) {
                pendingRetries++;
            }
            next = takeNext();
            if (next == null && state.order().size() == 0 && running == 0 && pendingRetries == 0) {
                state.lock().notifyAll();
            }
        }
        if (!added.isEmpty()) {
            state.events().added(added);
        }
        state.events().changed(item);
        if (retryLater) {
            scheduleRetry(item, outcome instanceof Outcome.Failed f ? f.reason() : String.valueOf(outcome));
        }
        return next;
    }

    private void scheduleRetry(TransferItem item, String reason) {
        Duration delay = retry.get().delayBefore(item.attempts + 1);
        org.slf4j.LoggerFactory.getLogger(QueueDispatcher.class).info("item {} ({}) failed on attempt {}: {}; retrying in {} ms", item.id, item.source.path(), item.attempts,
                reason, delay.toMillis());
        executor.schedule(() -> {
            synchronized (state.lock()) {
                pendingRetries--;
                if (item.state instanceof ItemState.Queued) {
                    state.order().addFirst(List.of(item));
                }
                state.lock().notifyAll();
            }
            dispatch();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
