package org.ferryftp.sftp;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drops a session whose server has not answered for the reply timeout. MINA's SFTP client waits for an answer as
 * long as the session's idle timeout, which also closes idle sessions (a pooled one must stay open for minutes),
 * and a request held by a full window waits with no limit; closing the session ends every such wait at once.
 * A transfer counts each piece moved as an answer, so only a transfer that stops moving is cut off.
 */
final class ReplyTimer {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ferry-sftp-reply-timer");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final Runnable drop;
    private volatile long lastAnswer;
    private volatile boolean expired;
    private ScheduledFuture<?> check;

    /**
     * @param timeout how long the server may leave a request unanswered
     * @param drop    closes the session, from the timer's thread
     */
    ReplyTimer(Duration timeout, Runnable drop) {
        this.timeout = timeout;
        this.drop = drop;
    }

    /** Starts timing an operation. */
    synchronized void start() {
        expired = false;
        lastAnswer = System.nanoTime();
        schedule(timeout.toNanos());
    }

    /** The server answered: the operation may wait the whole timeout again. */
    void answered() {
        lastAnswer = System.nanoTime();
    }

    /** The operation ended. */
    synchronized void stop() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }

    /** Whether the session was dropped because the server did not answer in time. */
    boolean expired() {
        return expired;
    }

    Duration timeout() {
        return timeout;
    }

    private void schedule(long delayNanos) {
        if (check != null) {
            check.cancel(false);
        }
        check = TIMER.schedule(this::checkNow, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void checkNow() {
        synchronized (this) {
            if (check == null) {
                return; // stopped meanwhile
            }
            long left = timeout.toNanos() - (System.nanoTime() - lastAnswer);
            if (left > 0) {
                schedule(left);
                return;
            }
            check = null;
            expired = true;
        }
        drop.run();
    }
}
