package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The queue's connections to its sites, as the transfers use them: sessions borrowed from the site pools for a
 * piece of work (one site, or two in a fixed order with both logins at once), the bandwidth limits per site under
 * the global one, and the pools' upkeep. A run's abort hook gets the borrowed sessions, so a pause or cancel
 * stops the work on them.
 */
final class SiteConnections {

    /** Work that needs a session. */
    @FunctionalInterface
    interface SessionWork<T> {
        T run(RemoteSession session) throws Exception;
    }

    private final BandwidthLimiter globalLimit;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private final SitePools pools;
    private final Map<String, BandwidthLimiter> siteLimits = new ConcurrentHashMap<>();
    /** Direction limits, beside the global one (a transfer draws from both), not under it. */
    private final BandwidthLimiter downloads;
    private final BandwidthLimiter uploads;

    /**
     * @param settings the queue's current settings (keep-alive and idle timeout of the pools)
     * @param timers   the queue's executor: parallel logins, size polls
     */
    SiteConnections(SessionFactory sessions, Clock clock, Supplier<QueueSettings> settings,
                    BandwidthLimiter globalLimit, java.util.concurrent.ScheduledExecutorService timers) {
        this.globalLimit = globalLimit;
        this.downloads = globalLimit.sibling();
        this.uploads = globalLimit.sibling();
        this.timers = timers;
        this.pools = new SitePools(sessions, clock, settings);
    }

    /** Borrows a session of {@code site} for {@code work}; one that broke is thrown away, not reused. */
    <T> T withSession(RunContext run, SiteRef site, SessionWork<T> work) throws Exception {
        SitePool pool = pool(site);
        RemoteSession session = pool.borrow();
        boolean broken = false;
        try {
            run.onAbort(session::abort);
            return work.run(session);
        } catch (SessionException e) {
            broken = e.isConnectionBroken();
            throw e;
        } catch (Exception e) {
            broken = true;
            throw e;
        } finally {
            pool.release(session, broken);
        }
    }

    /** Work that needs a session on each of two sites. */
    @FunctionalInterface
    interface TwoSessionWork<T> {
        T run(RemoteSession source, RemoteSession target) throws Exception;
    }

    /**
     * Borrows a session of each site (in site-id order, so two workers never wait on each other
     * crosswise). Server-to-server steps leave replies outstanding when they fail, so after any
     * failure both sessions are discarded rather than reused.
     */
    <T> T withTwoSessions(RunContext run, SiteRef source, SiteRef target, TwoSessionWork<T> work) throws Exception {
        boolean sourceFirst = source.id().compareTo(target.id()) <= 0;
        SitePool firstPool = pool(sourceFirst ? source : target);
        SitePool secondPool = pool(sourceFirst ? target : source);
        // Slots in a fixed order (no two transfers wait for each other's), then both logins at once: logging
        // in is most of a small FXP's time, and the two servers are independent.
        firstPool.acquire();
        try {
            secondPool.acquire();
        } catch (InterruptedException e) {
            firstPool.releaseSlot();
            throw e;
        }
        java.util.concurrent.Future<RemoteSession> secondLogin;
        try {
            // Only a login is worth another thread: an idle session is taken here, without a hand-over.
            RemoteSession idle = secondPool.takeAcquiredIfIdle();
            secondLogin = idle != null ? java.util.concurrent.CompletableFuture.completedFuture(idle)
                    : timers.submit(secondPool::takeAcquired);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            firstPool.releaseSlot();
            secondPool.releaseSlot();
            throw new SessionException("the transfer queue is shutting down", true);
        }
        RemoteSession first;
        try {
            first = firstPool.takeAcquired();
        } catch (Exception e) {
            RemoteSession orphan = awaitQuietly(secondLogin);
            if (orphan != null) {
                secondPool.release(orphan, false);
            }
            throw e;
        }
        RemoteSession second;
        try {
            second = awaitLogin(secondLogin, secondPool);
        } catch (Exception e) {
            firstPool.release(first, false);
            throw e;
        }
        boolean failed = true;
        try {
            RemoteSession src = sourceFirst ? first : second;
            RemoteSession dst = sourceFirst ? second : first;
            run.onAbort(() -> {
                // Both sessions may be blocked waiting for final replies: drop them, they are discarded anyway.
                src.disconnectNow();
                dst.disconnectNow();
            });
            T result = work.run(src, dst);
            failed = false;
            return result;
        } finally {
            firstPool.release(first, failed);
            secondPool.release(second, failed);
        }
    }

    /**
     * Watches a server-to-server copy by asking the target's size every half second on a spare
     * connection, when the site has one free; the returned handle stops it.
     */
    Runnable pollTargetSize(RunContext run, SiteRef target, String path) {
        TransferItem item = run.item();
        SitePool pool = pool(target);
        java.util.concurrent.ScheduledFuture<?> task = timers.scheduleWithFixedDelay(() -> {
            RemoteSession s = null;
            boolean broken = false;
            try {
                s = pool.tryBorrow();
                if (s != null) {
                    // A leftover at the target may be larger than the copy will be; never more than the size.
                    long there = s.size(path);
                    item.bytesDone = item.size >= 0 ? Math.min(there, item.size) : there;
                    item.speed().record(item.bytesDone);
                    run.progressed();
                }
            } catch (SessionException e) {
                // The target may not have created the file yet; the next poll will tell.
                broken = e.isConnectionBroken();
            } finally {
                if (s != null) {
                    pool.release(s, broken);
                }
            }
        }, 500, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    ProgressTracker tracker(RunContext run, long offset, SiteRef site, RemoteSession session) {
        TransferItem item = run.item();
        item.startedFrom(offset);
        return new ProgressTracker(item, offset, limiter(site, item.direction), session, run::progressed,
                System::nanoTime);
    }

    /** The site's limiter, also held to the limit of the direction (a relay passes both ways through Ferry). */
    private BandwidthLimiter limiter(SiteRef site, TransferDirection direction) {
        BandwidthLimiter own = limiter(site);
        return switch (direction) {
            case DOWNLOAD -> own.alsoUnder(downloads);
            case UPLOAD -> own.alsoUnder(uploads);
            case RELAY -> own.alsoUnder(downloads).alsoUnder(uploads);
            case SITE_TO_SITE -> own;
        };
    }

    /** Limits all downloads (and relayed copies) together to {@code bytesPerSecond}; 0: unlimited. */
    void setDownloadLimit(long bytesPerSecond) {
        downloads.setLimit(bytesPerSecond);
    }

    /** Limits all uploads (and relayed copies) together to {@code bytesPerSecond}; 0: unlimited. */
    void setUploadLimit(long bytesPerSecond) {
        uploads.setLimit(bytesPerSecond);
    }

    BandwidthLimiter limiter(SiteRef site) {
        return siteLimits.computeIfAbsent(site.id(), id -> globalLimit.child());
    }

    void setSiteLimit(String siteId, long bytesPerSecond) {
        siteLimits.computeIfAbsent(siteId, id -> globalLimit.child()).setLimit(bytesPerSecond);
    }

    private SitePool pool(SiteRef site) {
        return pools.of(site);
    }

    void setSiteKeepAlive(Function<String, Optional<Duration>> perSite) {
        pools.setSiteKeepAlive(perSite);
    }

    void maintainPools() {
        pools.maintain();
    }

    void closePools() {
        pools.close();
    }

    /** The session a parallel login produced; if the waiting worker is cancelled, it still goes back to its pool. */
    private RemoteSession awaitLogin(java.util.concurrent.Future<RemoteSession> login, SitePool pool) throws Exception {
        try {
            return login.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        } catch (InterruptedException e) {
            try {
                timers.execute(() -> {
                    RemoteSession late = awaitQuietly(login);
                    if (late != null) {
                        pool.release(late, false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                // The queue is closing; closing the pools disconnects whatever logged in.
            }
            throw e;
        }
    }

    private static RemoteSession awaitQuietly(java.util.concurrent.Future<RemoteSession> login) {
        try {
            return login.get();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
