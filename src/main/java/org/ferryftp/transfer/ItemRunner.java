package org.ferryftp.transfer;

import org.ferryftp.fs.PartialDownload;
import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpException;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.transfer.conflict.ConflictPolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs one queue item on a worker thread: borrows connections from the site pools, hands the work
 * to the downloader, uploader or directory expander, and turns what happened into an
 * {@link Outcome} the queue can act on.
 */
final class ItemRunner {

    /** Work that needs a session. */
    @FunctionalInterface
    interface SessionWork<T> {
        T run(FtpSession session) throws Exception;
    }

    private final SessionFactory sessions;
    private volatile ConflictPolicy conflicts;
    private final RetryPolicy retry;
    private final SiteToSite siteToSite;
    private final BandwidthLimiter globalLimit;
    private final Clock clock;
    private volatile QueueSettings settings;
    private final java.util.concurrent.ScheduledExecutorService timers;
    private final SitePools pools;
    private final Map<String, BandwidthLimiter> siteLimits = new ConcurrentHashMap<>();
    private final TempNames tempNames = new TempNames();

    ItemRunner(SessionFactory sessions, ConflictPolicy conflicts, RetryPolicy retry, BandwidthLimiter globalLimit,
               Clock clock, QueueSettings settings, java.util.concurrent.ScheduledExecutorService timers,
               SiteToSite siteToSite) {
        this.timers = timers;
        this.siteToSite = siteToSite;
        this.sessions = sessions;
        this.conflicts = conflicts;
        this.retry = retry;
        this.globalLimit = globalLimit;
        this.clock = clock;
        this.settings = settings;
        this.pools = new SitePools(sessions, clock, () -> this.settings);
    }

    /** New defaults for items that start from now on (running ones keep theirs). */
    void update(QueueSettings s, ConflictPolicy c) {
        this.settings = s;
        if (c != null) {
            this.conflicts = c;
        }
    }

    /** Runs {@code run}'s item once; what the run tells the queue goes through {@code run}. */
    Outcome run(RunContext run) {
        TransferItem item = run.item();
        try {
            if (item.directory) {
                return new DirectoryExpander(this, run).expand(item);
            }
            return switch (item.direction) {
                case DOWNLOAD -> new FileDownloader(this, run, conflicts, settings.durableFiles()).download(item);
                case UPLOAD -> new FileUploader(this, run, conflicts, tempNames).upload(item);
                case SITE_TO_SITE -> new FxpCopier(this, run, conflicts, siteToSite.relayFor(item.source.site().id(),
                        item.target.site().id(), settings.relay()), siteToSite, tempNames).copy(item);
                case RELAY -> new FxpCopier(this, run, conflicts, RelayPolicy.ALWAYS, siteToSite, tempNames).copy(item);
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Stopped();
        } catch (Exception e) {
            if (item.stopRequest != null) {
                return new Outcome.Stopped();
            }
            return new Outcome.Failed(message(e), retry.isRetryable(e));
        }
    }

    /** Borrows a session of {@code site} for {@code work}; one that broke is thrown away, not reused. */
    <T> T withSession(RunContext run, SiteRef site, SessionWork<T> work) throws Exception {
        SitePool pool = pool(site);
        FtpSession session = pool.borrow();
        boolean broken = false;
        try {
            run.onAbort(session::abort);
            return work.run(session);
        } catch (FtpException e) {
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
        T run(FtpSession source, FtpSession target) throws Exception;
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
        java.util.concurrent.Future<FtpSession> secondLogin;
        try {
            secondLogin = timers.submit(secondPool::takeAcquired);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            firstPool.releaseSlot();
            secondPool.releaseSlot();
            throw new FtpException("the transfer queue is shutting down");
        }
        FtpSession first;
        try {
            first = firstPool.takeAcquired();
        } catch (Exception e) {
            FtpSession orphan = awaitQuietly(secondLogin);
            if (orphan != null) {
                secondPool.release(orphan, false);
            }
            throw e;
        }
        FtpSession second;
        try {
            second = awaitLogin(secondLogin, secondPool);
        } catch (Exception e) {
            firstPool.release(first, false);
            throw e;
        }
        boolean failed = true;
        try {
            FtpSession src = sourceFirst ? first : second;
            FtpSession dst = sourceFirst ? second : first;
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
            FtpSession s = null;
            boolean broken = false;
            try {
                s = pool.tryBorrow();
                if (s != null) {
                    item.bytesDone = s.size(path);
                    item.speed().record(item.bytesDone);
                    run.progressed();
                }
            } catch (FtpException e) {
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

    ProgressTracker tracker(RunContext run, long offset, SiteRef site, FtpSession session) {
        TransferItem item = run.item();
        item.startedFrom(offset);
        return new ProgressTracker(item, offset, limiter(site), session, run::progressed, System::nanoTime);
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

    /**
     * A cancelled download leaves nothing behind; a paused one keeps its partial file for resuming. A partial
     * that another item is writing (the same target) is not this item's to delete, and is left alone.
     */
    void discardPartial(TransferItem item) {
        if (item.direction == TransferDirection.DOWNLOAD && !item.directory) {
            try {
                PartialDownload.discard(Path.of(item.target.path()));
            } catch (IOException ignored) {
                // Best effort: a leftover partial carries its origin, so it is only ever continued when it matches.
            }
        }
    }

    private static String message(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The session a parallel login produced; if the waiting worker is cancelled, it still goes back to its pool. */
    private FtpSession awaitLogin(java.util.concurrent.Future<FtpSession> login, SitePool pool) throws Exception {
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
                    FtpSession late = awaitQuietly(login);
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

    private static FtpSession awaitQuietly(java.util.concurrent.Future<FtpSession> login) {
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
