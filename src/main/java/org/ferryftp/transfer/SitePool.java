package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.session.SessionException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The connections of one site. Transfers borrow a logged-in session and give it back; a session
 * that failed with an I/O error is closed instead of reused. Idle sessions get keep-alives (NOOP on FTP) (at
 * the interval the site asks for, read at each round so an edited site applies at once; none when
 * empty) and are closed after the idle timeout. Never more than the site's connection limit at once.
 */
final class SitePool implements AutoCloseable {

    private record Idle(RemoteSession session, Instant since) {
    }

    private final SiteRef site;
    private final SessionFactory factory;
    private final Clock clock;
    private final Supplier<Optional<Duration>> keepAlive;
    private final Duration idleTimeout;
    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    SitePool(SiteRef site, SessionFactory factory, Clock clock, Supplier<Optional<Duration>> keepAlive,
             Duration idleTimeout) {
        this.site = site;
        this.factory = factory;
        this.clock = clock;
        this.keepAlive = keepAlive;
        this.idleTimeout = idleTimeout;
        this.permits = new Semaphore(site.maxConnections(), true);
    }

    SiteRef site() {
        return site;
    }

    /** A connected session, reusing an idle one when possible; blocks while the site is at its limit. */
    RemoteSession borrow() throws SessionException, InterruptedException {
        permits.acquire();
        return take();
    }

    /** Takes one of the site's connection slots; {@link #takeAcquired()} then fills it. */
    void acquire() throws InterruptedException {
        permits.acquire();
    }

    /** The session for a slot taken with {@link #acquire()}; the slot is given back if connecting fails. */
    RemoteSession takeAcquired() throws SessionException {
        return take();
    }

    /**
     * For a slot taken with {@link #acquire()}: an idle session still connected, or null when the slot needs a new
     * connection ({@link #takeAcquired()}, which may take a login's time).
     */
    RemoteSession takeAcquiredIfIdle() {
        while (true) {
            Idle reused;
            synchronized (this) {
                reused = closed ? null : idle.pollLast();
            }
            if (reused == null || reused.session().isConnected()) {
                return reused == null ? null : reused.session();
            }
            reused.session().close();
        }
    }

    /** Gives back a slot taken with {@link #acquire()} that was never filled. */
    void releaseSlot() {
        permits.release();
    }

    /** Like {@link #borrow()} but gives up at once (null) when the site is at its limit. */
    RemoteSession tryBorrow() throws SessionException {
        if (!permits.tryAcquire()) {
            return null;
        }
        return take();
    }

    private RemoteSession take() throws SessionException {
        try {
            while (true) {
                Idle reused;
                synchronized (this) {
                    if (closed) {
                        throw new SessionException("the transfer queue is shutting down", true);
                    }
                    reused = idle.pollLast();
                }
                if (reused == null) {
                    return factory.open(site);
                }
                if (reused.session().isConnected()) {
                    return reused.session();
                }
                reused.session().close();
            }
        } catch (SessionException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Returns a session; a broken one is closed so the next borrower gets a fresh connection. */
    void release(RemoteSession session, boolean broken) {
        boolean keep;
        synchronized (this) {
            keep = !broken && !closed && session.isConnected();
            if (keep) {
                idle.addLast(new Idle(session, clock.instant()));
            }
        }
        if (!keep) {
            session.close();
        }
        permits.release();
    }

    /**
     * Sends keep-alives to idle sessions and closes the ones idle past the timeout. A session is checked out of
     * the idle set, with a connection slot, for its keep-alive, as a borrower would take it: so no worker can
     * borrow a session while it is being pinged, and a failed ping closes only a session nobody else holds.
     * No slot free means every connection is busy, so nothing idle needs a ping.
     */
    void maintain() {
        List<RemoteSession> expired = new ArrayList<>();
        List<Idle> candidates;
        synchronized (this) {
            Instant now = clock.instant();
            idle.removeIf(i -> {
                boolean old = i.since().plus(idleTimeout).isBefore(now);
                if (old) {
                    expired.add(i.session());
                }
                return old;
            });
            candidates = new ArrayList<>(idle);
        }
        expired.forEach(RemoteSession::close);
        Optional<Duration> interval = keepAlive.get();
        if (interval.isEmpty()) {
            return;
        }
        for (Idle i : candidates) {
            if (!permits.tryAcquire()) {
                return;
            }
            try {
                if (checkOut(i)) {
                    keepAlive(i, interval.get());
                }
            } finally {
                permits.release();
            }
        }
    }

    /** Takes {@code i} out of the idle set unless a borrower has taken it since. */
    private synchronized boolean checkOut(Idle i) {
        return idle.remove(i);
    }

    /** Pings a checked-out session and puts it back idle (since when it was idle before), or closes it. */
    private void keepAlive(Idle i, Duration interval) {
        boolean alive;
        try {
            i.session().keepAliveIfIdle(interval);
            alive = i.session().isConnected();
        } catch (SessionException e) {
            alive = false;
        }
        synchronized (this) {
            if (alive && !closed) {
                idle.addFirst(i);
                return;
            }
        }
        i.session().close();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public void close() {
        closeAndTakeIdle().forEach(RemoteSession::close);
    }

    /** Lends no more sessions and hands over the idle ones, for the caller to close. */
    List<RemoteSession> closeAndTakeIdle() {
        List<RemoteSession> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.forEach(i -> all.add(i.session()));
            idle.clear();
        }
        return all;
    }
}
