package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;

import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The transfer queue: holds every item, decides what runs next (priority, order, the global
 * concurrency limit and each site's connection limit), and applies the user's controls. The I/O
 * itself happens in {@link ItemRunner} on the queue's own executor.
 */
public final class TransferQueue implements TransferSubmitter, AutoCloseable {

    private final Object lock = new Object();
    private final ItemRegistry items = new ItemRegistry();
    private final QueueOrder order = new QueueOrder();
    private final Map<Long, Runnable> aborters = new HashMap<>();
    private final QueueEvents events = new QueueEvents();
    private final QueueDispatcher dispatcher;
    private final QueueIntake intake;
    private final QueueControls controls;
    private final ScheduledExecutorService executor;
    private final ItemRunner runner;
    private final ItemFactory factory;
    private volatile RetryPolicy retry;
    private final BandwidthLimiter globalLimit;
    private volatile QueueSettings settings;

    TransferQueue(QueueSettings settings, ItemRunner runner, ItemFactory factory, RetryPolicy retry,
                  ScheduledExecutorService executor, BandwidthLimiter globalLimit) {
        this.globalLimit = globalLimit;
        this.settings = settings;
        this.runner = runner;
        this.factory = factory;
        this.retry = retry;
        this.executor = executor;
        runner.attach(this, factory);
        QueueState state = new QueueState(lock, items, order, aborters, events);
        this.dispatcher = new QueueDispatcher(state, runner, factory, executor, () -> this.settings, () -> this.retry,
                this::remember);
        this.intake = new QueueIntake(state, factory, dispatcher::dispatch);
        this.controls = new QueueControls(state, runner, dispatcher::dispatch, this::remember);
        // Often enough for a site's own keep-alive shorter than the queue's (a round only looks at idle sessions).
        long period = Math.max(1, Math.min(5, settings.keepAlive().toSeconds() / 2));
        executor.scheduleWithFixedDelay(runner::maintainPools, period, period, TimeUnit.SECONDS);
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
        });
        executor.setRemoveOnCancelPolicy(true);
        BandwidthLimiter global = new BandwidthLimiter(0, limiterClock, Sleeper.system());
        ItemRunner runner = new ItemRunner(sessions, conflicts, retry, global, Clock.systemUTC(), settings, executor,
                siteToSite);
        return new TransferQueue(settings, runner, new ItemFactory(SpeedMeter::systemClock), retry, executor, global);
    }

    /** Limits all transfers together to {@code bytesPerSecond} (0: unlimited). */
    public void setBandwidthLimit(long bytesPerSecond) {
        globalLimit.setLimit(bytesPerSecond);
    }

    /** Limits the transfers of one site to {@code bytesPerSecond} (0: unlimited); the global limit still applies. */
    public void setSiteBandwidthLimit(String siteId, long bytesPerSecond) {
        runner.setSiteLimit(siteId, bytesPerSecond);
    }

    /**
     * Where sites' own keep-alive intervals come from, asked at every maintenance round: a present
     * {@link Duration#ZERO} means no keep-alive for that site, empty means the queue's.
     */
    public void useSiteKeepAlive(Function<String, Optional<Duration>> perSite) {
        runner.setSiteKeepAlive(perSite);
    }

    public void addListener(QueueListener l) {
        events.add(l);
    }

    public void removeListener(QueueListener l) {
        events.remove(l);
    }

    @Override
    public void submit(List<TransferRequest> requests) {
        intake.submit(requests);
    }

    /**
     * Re-creates items saved by a journal after a restart, keeping their ids. Items that were
     * waiting or running wait again (a download that was running resumes its partial file); paused
     * ones stay paused; finished ones return as history.
     */
    public void restore(List<ItemSnapshot> saved) {
        intake.restore(saved);
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
        controls.control(itemIds, ItemState.PAUSED);
    }

    public void cancel(Collection<Long> itemIds) {
        controls.control(itemIds, ItemState.CANCELLED);
    }

    /** Puts paused items back in line. */
    public void resume(Collection<Long> itemIds) {
        controls.resume(itemIds);
    }

    /** Runs failed or cancelled items again from their first attempt. */
    public void retry(Collection<Long> itemIds) {
        controls.retry(itemIds);
    }

    public void pauseAll() {
        pause(controls.allIds());
    }

    public void resumeAll() {
        resume(controls.allIds());
    }

    public void cancelAll() {
        cancel(controls.allIds());
    }

    public void setPriority(long id, Priority priority) {
        controls.setPriority(id, priority);
    }

    /** Moves a waiting item one place up (-1) or down (+1) among items of its priority. */
    public void move(long id, int delta) {
        controls.move(id, delta);
    }

    /** Forgets finished items (done, skipped, cancelled). */
    public void clearHistory() {
        controls.clearHistory();
    }

    /** Keeps the history of finished items bounded. */
    private void remember(TransferItem item) {
        List<Long> forgotten = items.finished(item, settings.historyLimit());
        if (!forgotten.isEmpty()) {
            executor.execute(() -> events.removed(forgotten));
        }
    }

    /** Called by the runner while an item runs: how to interrupt it on pause or cancel. */
    void onAbort(long itemId, Runnable abort) {
        boolean stopNow;
        synchronized (lock) {
            aborters.put(itemId, abort);
            TransferItem i = items.get(itemId);
            stopNow = i != null && i.stopRequest != null;
        }
        if (stopNow) {
            abort.run();
        }
    }

    /** Creates a child item of a directory item, for {@link ItemRunner} during expansion. */
    TransferItem child(TransferItem parent, boolean directory, Location source, Location target, FileEntry facts) {
        return intake.child(parent, directory, source, target, facts);
    }

    void progress(TransferItem item) {
        events.changed(item);
    }

    /** Stops everything: running transfers are aborted (partials kept), connections closed, threads ended. */
    @Override
    public void close() {
        List<Runnable> aborts;
        synchronized (lock) {
            dispatcher.stopStarting();
            aborts = new ArrayList<>(aborters.values());
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
        runner.closePools();
    }
}
