package org.ferryftp.transfer;

import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The transfer queue: holds every item under ids of its own (new requests, items a journal saved, the
 * children of expanded directories) and applies the user's controls (pause, cancel, resume, retry, priority,
 * order, history), all under one lock. {@link QueueDispatcher} decides what runs next (priority, order, the
 * global concurrency limit and each site's connection limit); the I/O happens in {@link ItemRunner} on the
 * queue's own executor.
 */
public final class TransferQueue implements TransferSubmitter, AutoCloseable {

    private final Object lock = new Object();
    private final ItemRegistry items = new ItemRegistry();
    private final QueueOrder order = new QueueOrder();
    private final QueueEvents events = new QueueEvents();
    private final AtomicLong ids = new AtomicLong();
    /** Requests submitted while a restore is pending (null when none is): they get ids after the restored ones. */
    private List<TransferRequest> heldForRestore;
    /** Beside {@link #heldForRestore}, request by request: the watch of its submission, or null. */
    private List<SubmissionWatch> heldWatches;
    private final QueueDispatcher dispatcher;
    private final ScheduledExecutorService executor;
    private final SiteConnections connections;
    private final ItemRunner runner;
    /** Filled as expansions settle, read by the runner's uploads, let go of here, where every finished item passes. */
    private final NewDirectories newDirectories = new NewDirectories();
    private final ItemFactory factory;
    private volatile RetryPolicy retry;
    private final BandwidthLimiter globalLimit;
    private volatile QueueSettings settings;

    TransferQueue(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts, RetryPolicy retry,
                  SiteToSite siteToSite, ItemFactory factory, ScheduledExecutorService executor,
                  BandwidthLimiter globalLimit, Clock clock) {
        this.globalLimit = globalLimit;
        this.settings = settings;
        this.connections = new SiteConnections(sessions, clock, () -> this.settings, globalLimit, executor);
        this.runner = new ItemRunner(connections, conflicts, retry, settings, siteToSite, newDirectories);
        this.factory = factory;
        this.retry = retry;
        this.executor = executor;
        this.dispatcher = new QueueDispatcher(lock, items, order, events, runner, factory, executor,
                () -> this.settings, () -> this.retry, this::remember, this::child, newDirectories);
        // Often enough for a site's own keep-alive shorter than the queue's (a round only looks at idle sessions).
        long period = Math.max(1, Math.min(5, settings.keepAlive().toSeconds() / 2));
        executor.scheduleWithFixedDelay(connections::maintainPools, period, period, TimeUnit.SECONDS);
    }

    /**
     * A queue with its own executor (one daemon thread per running transfer, up to the maximum
     * concurrency, plus one for timers), started and ready for requests. Close it on exit.
     */
    public static TransferQueue create(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts) {
        return create(settings, sessions, conflicts, SiteToSite.DEFAULTS);
    }

    /**
     * Like {@link #create(QueueSettings, SessionFactory, ConflictPolicy)}, with the sites' own site-to-site
     * preferences and someone to ask before relaying.
     */
    public static TransferQueue create(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts,
                                       SiteToSite siteToSite) {
        return create(settings, sessions, conflicts, siteToSite, System::nanoTime);
    }

    /**
     * Like {@link #create(QueueSettings, SessionFactory, ConflictPolicy, SiteToSite)}, with the clock of the
     * speed limiter given: a test of the whole application advances it to stand for hours of idle time.
     */
    public static TransferQueue create(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts,
                                       SiteToSite siteToSite, LongSupplier limiterClock) {
        RetryPolicy retry = RetryPolicy.defaults(new java.util.Random()).withMaxAttempts(settings.maxAttempts());
        return create(settings, sessions, conflicts, retry, siteToSite, limiterClock);
    }

    static TransferQueue create(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts,
                                RetryPolicy retry) {
        return create(settings, sessions, conflicts, retry, SiteToSite.DEFAULTS);
    }

    static TransferQueue create(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts,
                                RetryPolicy retry, SiteToSite siteToSite) {
        return create(settings, sessions, conflicts, retry, siteToSite, System::nanoTime);
    }

    private static TransferQueue create(QueueSettings settings, SessionFactory sessions, ConflictPolicy conflicts,
                                        RetryPolicy retry, SiteToSite siteToSite, LongSupplier limiterClock) {
        AtomicLong threads = new AtomicLong();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(QueueSettings.MAX_CONCURRENCY + 1, r -> {
            Thread t = new Thread(r, "ferry-transfer-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                // The executor keeps a task's exception in its future, where nobody looks: log it.
                Throwable failure = thrown != null ? thrown : failureOf(task);
                if (failure != null) {
                    org.slf4j.LoggerFactory.getLogger(TransferQueue.class).error("a transfer queue task failed", failure);
                }
            }
        };
        executor.setRemoveOnCancelPolicy(true);
        BandwidthLimiter global = new BandwidthLimiter(0, limiterClock, Sleeper.system());
        return new TransferQueue(settings, sessions, conflicts, retry, siteToSite,
                new ItemFactory(SpeedMeter::systemClock), executor, global, Clock.systemUTC());
    }

    /** The exception a finished task's future holds, if any (a periodic task that threw stops repeating). */
    private static Throwable failureOf(Runnable task) {
        if (task instanceof java.util.concurrent.Future<?> f && f.isDone() && !f.isCancelled()) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return null;
    }

    /** Limits all transfers together to {@code bytesPerSecond} (0: unlimited). */
    public void setBandwidthLimit(long bytesPerSecond) {
        globalLimit.setLimit(bytesPerSecond);
    }

    /** Limits all downloads together to {@code bytesPerSecond} (0: unlimited); relayed copies count too. */
    public void setDownloadLimit(long bytesPerSecond) {
        connections.setDownloadLimit(bytesPerSecond);
    }

    /** Limits all uploads together to {@code bytesPerSecond} (0: unlimited); relayed copies count too. */
    public void setUploadLimit(long bytesPerSecond) {
        connections.setUploadLimit(bytesPerSecond);
    }

    /** Limits the transfers of one site to {@code bytesPerSecond} (0: unlimited); the global limit still applies. */
    public void setSiteBandwidthLimit(String siteId, long bytesPerSecond) {
        connections.setSiteLimit(siteId, bytesPerSecond);
    }

    /**
     * Where sites' own keep-alive intervals come from, asked at every maintenance round: a present
     * {@link Duration#ZERO} means no keep-alive for that site, empty means the queue's.
     */
    public void useSiteKeepAlive(Function<String, Optional<Duration>> perSite) {
        connections.setSiteKeepAlive(perSite);
    }

    public void addListener(QueueListener l) {
        events.add(l);
    }

    public void removeListener(QueueListener l) {
        events.remove(l);
    }

    @Override
    public void submit(List<TransferRequest> requests) {
        List<TransferItem> created;
        synchronized (lock) {
            if (heldForRestore != null) {
                heldForRestore.addAll(requests);
                requests.forEach(r -> heldWatches.add(null));
                return;
            }
            created = addTop(requests);
        }
        events.added(created);
        dispatcher.dispatch();
    }

    /**
     * Submits, and completes once every item of these requests (and every item a directory among them expands into)
     * has finished, with their last snapshots: what a synchronization waits for before it deletes.
     */
    @Override
    public java.util.concurrent.CompletionStage<List<ItemSnapshot>> submitAndAwait(List<TransferRequest> requests) {
        if (requests.isEmpty()) {
            return java.util.concurrent.CompletableFuture.completedFuture(List.of());
        }
        SubmissionWatch watch = new SubmissionWatch(requests.size(), events::remove);
        events.add(watch);
        List<TransferItem> created;
        synchronized (lock) {
            if (heldForRestore != null) {
                heldForRestore.addAll(requests);
                requests.forEach(r -> heldWatches.add(watch));
                return watch.done();
            }
            created = addTop(requests);
            created.forEach(i -> watch.track(i.id));
        }
        events.added(created);
        dispatcher.dispatch();
        return watch.done();
    }

    private List<TransferItem> addTop(List<TransferRequest> requests) {
        List<TransferItem> created = new ArrayList<>();
        for (TransferRequest r : requests) {
            TransferItem item = factory.top(ids.incrementAndGet(), r);
            items.add(item);
            order.addLast(item);
            created.add(item);
        }
        return created;
    }

    /**
     * Restores what {@code saved} brings once it completes (nothing if it fails), and until then holds what is
     * submitted: the saved items keep their ids, so a request given an id first could clash with one of them.
     * Held requests join the queue right after the restored items, in the order they came.
     */
    public void restore(CompletionStage<List<ItemSnapshot>> saved) {
        synchronized (lock) {
            if (heldForRestore == null) {
                heldForRestore = new ArrayList<>();
                heldWatches = new ArrayList<>();
            }
        }
        saved.whenComplete((restored, failed) -> restore(restored == null ? List.of() : restored));
    }

    /**
     * Re-creates items saved by a journal after a restart, keeping their ids. Items that were
     * waiting or running wait again (a download that was running resumes its partial file); paused
     * ones stay paused; finished ones return as history. Later ids continue after the highest. A child saved
     * twice for one directory (an expansion repeated by a version that did not check) comes back once; the
     * copies are announced as removed, so a journal forgets them too. Requests held for a pending restore
     * (see {@link #restore(CompletionStage)}) follow.
     */
    public void restore(List<ItemSnapshot> saved) {
        List<TransferItem> created = new ArrayList<>();
        List<Long> copies = new ArrayList<>();
        Set<String> children = new HashSet<>();
        List<TransferItem> released;
        synchronized (lock) {
            for (ItemSnapshot snap : saved) {
                TransferItem item = factory.restored(snap);
                ids.accumulateAndGet(snap.id(), Math::max);
                if (item.parentId != 0 && !children.add(item.parentId + "\n" + item.placesKey())) {
                    copies.add(item.id);
                    continue;
                }
                items.add(item);
                if (item.state instanceof ItemState.Queued) {
                    order.addLast(item);
                } else if (item.state.isFinished()) {
                    items.finished(item, Integer.MAX_VALUE);
                }
                created.add(item);
            }
            released = heldForRestore == null ? List.of() : addTop(heldForRestore);
            for (int i = 0; i < released.size(); i++) {
                if (heldWatches.get(i) != null) {
                    heldWatches.get(i).track(released.get(i).id);
                }
            }
            heldForRestore = null;
            heldWatches = null;
        }
        events.added(created);
        events.removed(copies);
        events.added(released);
        dispatcher.dispatch();
    }

    /** Everything in the queue, in insertion order (children after their parents). */
    public List<ItemSnapshot> snapshot() {
        synchronized (lock) {
            return items.all().stream().map(TransferItem::snapshot).toList();
        }
    }

    public QueueTotals totals() {
        synchronized (lock) {
            return QueueTotals.of(items.all());
        }
    }

    /** Waits until nothing is waiting or running; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return dispatcher.awaitIdle(timeout);
    }

    public void setConcurrency(int n) {
        settings = settings.withConcurrency(n);
        dispatcher.dispatch();
    }

    /**
     * New defaults from the user's preferences: concurrency at once; attempts, history, relay, durable files
     * and (when given) the conflict policy for items that start from now on.
     */
    public void applySettings(QueueSettings s, ConflictPolicy conflicts) {
        synchronized (lock) {
            settings = s;
            retry = retry.withMaxAttempts(s.maxAttempts());
            runner.update(s, conflicts);
        }
        dispatcher.dispatch();
    }

    public QueueSettings settings() {
        return settings;
    }

    /** Pauses items (and the waiting contents of directories); running ones stop and keep their partial data. */
    public void pause(Collection<Long> itemIds) {
        stop(itemIds, ItemState.PAUSED);
    }

    public void cancel(Collection<Long> itemIds) {
        stop(itemIds, ItemState.CANCELLED);
    }

    /** Moves items (and the waiting contents of directories) to paused or cancelled; running ones are stopped. */
    private void stop(Collection<Long> itemIds, ItemState target) {
        List<TransferItem> changed = new ArrayList<>();
        List<Runnable> aborts = new ArrayList<>();
        synchronized (lock) {
            for (long id : items.withDescendants(itemIds)) {
                TransferItem i = items.get(id);
                if (i == null || i.state.isFinished()) {
                    continue;
                }
                if (i.state instanceof ItemState.Running) {
                    i.stopRequest = target;
                    Runnable abort = dispatcher.aborter(id);
                    if (abort != null) {
                        aborts.add(abort);
                    }
                } else if (!(i.state instanceof ItemState.Paused && target == ItemState.PAUSED)) {
                    order.remove(i);
                    i.state = target;
                    if (target == ItemState.CANCELLED) {
                        runner.discardPartial(i);
                        remember(i);
                    }
                    changed.add(i);
                }
            }
            lock.notifyAll();
        }
        aborts.forEach(Runnable::run);
        changed.forEach(events::changed);
    }

    /** Puts paused items back in line. */
    public void resume(Collection<Long> itemIds) {
        List<TransferItem> changed = new ArrayList<>();
        synchronized (lock) {
            for (long id : items.withDescendants(itemIds)) {
                TransferItem i = items.get(id);
                if (i != null && i.state instanceof ItemState.Paused) {
                    i.state = ItemState.QUEUED;
                    order.addLast(i);
                    changed.add(i);
                }
            }
        }
        changed.forEach(events::changed);
        dispatcher.dispatch();
    }

    /** Runs failed or cancelled items again from their first attempt. */
    public void retry(Collection<Long> itemIds) {
        List<TransferItem> changed = new ArrayList<>();
        synchronized (lock) {
            for (long id : itemIds) {
                TransferItem i = items.get(id);
                if (i != null && (i.state instanceof ItemState.Failed || i.state instanceof ItemState.Cancelled)) {
                    i.state = ItemState.QUEUED;
                    i.attempts = 0;
                    items.unfinished(id);
                    order.addLast(i);
                    changed.add(i);
                }
            }
        }
        changed.forEach(events::changed);
        dispatcher.dispatch();
    }

    public void pauseAll() {
        pause(allIds());
    }

    public void resumeAll() {
        resume(allIds());
    }

    public void cancelAll() {
        cancel(allIds());
    }

    private List<Long> allIds() {
        synchronized (lock) {
            return items.ids();
        }
    }

    public void setPriority(long id, Priority priority) {
        TransferItem i;
        synchronized (lock) {
            i = items.get(id);
            if (i == null) {
                return;
            }
            order.reprioritize(i, priority);
        }
        events.changed(i);
        dispatcher.dispatch();
    }

    /** Moves a waiting item one place up (-1) or down (+1) among items of its priority. */
    public void move(long id, int delta) {
        synchronized (lock) {
            TransferItem i = items.get(id);
            if (i != null) {
                order.move(i, delta);
            }
        }
    }

    /** Forgets finished items (done, skipped, cancelled). */
    public void clearHistory() {
        List<Long> removed;
        synchronized (lock) {
            removed = items.clearFinished();
        }
        events.removed(removed);
    }

    /** Keeps the history of finished items bounded. */
    private void remember(TransferItem item) {
        newDirectories.finished(item);
        List<Long> forgotten = items.finished(item, settings.historyLimit());
        if (!forgotten.isEmpty()) {
            executor.execute(() -> events.removed(forgotten));
        }
    }

    /** How many directories the queue still trusts to be empty, for the test that it lets them go. */
    int directoriesKnownNew() {
        return newDirectories.size();
    }

    /** The item of an expanded directory's child, made when the expansion settles. */
    private TransferItem child(TransferItem parent, Outcome.Child c) {
        TransferItem item = factory.child(ids.incrementAndGet(), parent, c.directory(), c.source(), c.target(), c.facts());
        item.state = c.state();
        return item;
    }

    /** Stops everything: running transfers are aborted (partials kept), connections closed, threads ended. */
    @Override
    public void close() {
        List<Runnable> aborts;
        synchronized (lock) {
            dispatcher.stopStarting();
            aborts = dispatcher.allAborters();
            for (TransferItem i : items.all()) {
                if (i.state instanceof ItemState.Running) {
                    i.stopRequest = ItemState.PAUSED;
                }
            }
        }
        aborts.forEach(Runnable::run);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        connections.closePools();
    }
}
