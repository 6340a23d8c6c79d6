package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.Credentials;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.session.RemoteSession;
import org.ferryftp.ftp.LogEntry;
import org.ferryftp.ftp.SessionSettings;
import org.ferryftp.testsupport.EmbeddedMinaServer;
import org.ferryftp.testsupport.SettableClock;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Borrow and release, discarding broken connections, keep-alive and idle closing. */
class SitePoolTest {

    @TempDir
    Path root;
    EmbeddedMinaServer server;
    final AtomicInteger opened = new AtomicInteger();
    final List<LogEntry> log = new CopyOnWriteArrayList<>();
    final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    /** What the pool reads at each maintenance round; ZERO: NOOP whenever a session is idle at all. */
    Optional<Duration> keepAlive = Optional.of(Duration.ZERO);
    SitePool pool;

    @BeforeEach
    void start() {
        server = new EmbeddedMinaServer(root);
        SiteRef site = new SiteRef("m", "M", SessionSettings.of("127.0.0.1", server.port(),
                Credentials.of(EmbeddedMinaServer.USER, EmbeddedMinaServer.PASSWORD)), 2);
        pool = new SitePool(site, s -> {
            opened.incrementAndGet();
            FtpSession session = new FtpSession(s.settings(), "pool", log::add);
            session.connect();
            return session;
        }, clock, () -> keepAlive, Duration.ofMinutes(2));
    }

    @AfterEach
    void stop() {
        pool.close();
        server.close();
    }

    @Test
    void reusesHealthyConnectionsAndDropsBrokenOnes() throws Exception {
        RemoteSession first = pool.borrow();
        pool.release(first, false);
        assertSame(first, pool.borrow());
        pool.release(first, true);
        assertFalse(first.isConnected(), "a broken connection is closed, not kept");
        RemoteSession fresh = pool.borrow();
        assertNotSame(first, fresh);
        assertEquals(2, opened.get());
        pool.release(fresh, false);
    }

    @Test
    void idleConnectionsGetKeepAliveThenClose() throws Exception {
        assertNoopsThenClosedAfterIdleTimeout(1);
    }

    @Test
    void aSiteWithoutKeepAliveGetsNoNoopButStillClosesWhenIdleTooLong() throws Exception {
        keepAlive = Optional.empty();
        assertNoopsThenClosedAfterIdleTimeout(0);
    }

    /** One idle session, one maintenance round (expecting {@code noops} NOOPs), then the idle timeout. */
    private void assertNoopsThenClosedAfterIdleTimeout(int noops) throws Exception {
        RemoteSession s = pool.borrow();
        pool.release(s, false);
        pool.maintain();
        assertEquals(noops, log.stream().filter(e -> e.text().equals("NOOP")).count(), "keep-alive NOOPs");
        assertEquals(1, pool.idleCount());
        clock.advance(Duration.ofMinutes(3));
        pool.maintain();
        assertEquals(0, pool.idleCount());
        assertFalse(s.isConnected());
    }

    @Test
    void theIntervalIsReadAtEachRound() throws Exception {
        keepAlive = Optional.of(Duration.ofHours(1));
        RemoteSession s = pool.borrow();
        pool.release(s, false);
        pool.maintain();
        assertTrue(log.stream().noneMatch(e -> e.text().equals("NOOP")), "idle for less than an hour");
        keepAlive = Optional.of(Duration.ofNanos(1)); // the site was edited meanwhile
        pool.maintain();
        assertEquals(1, log.stream().filter(e -> e.text().equals("NOOP")).count());
    }

    /**
     * A maintenance round picks its idle sessions, then (here held up at the keep-alive interval it reads) pings
     * them. A worker borrows one of them meanwhile, and the ping fails: the worker's session must stay open.
     */
    @Test
    void aFailedKeepAliveNeverClosesASessionSomeoneBorrowedMeanwhile() throws Exception {
        try (ScriptedFtpServer scripted = new ScriptedFtpServer().script("NOOP", "500 NOOP refused.\r\n")) {
            SiteRef site = new SiteRef("s", "S", SessionSettings.of("127.0.0.1", scripted.port(),
                    Credentials.of("ferry", "secret")), 2);
            CountDownLatch roundStarted = new CountDownLatch(1);
            CountDownLatch borrowed = new CountDownLatch(1);
            SitePool racing = new SitePool(site, s -> {
                FtpSession session = new FtpSession(s.settings(), "race", log::add);
                session.connect();
                return session;
            }, Clock.fixed(clock.instant(), ZoneOffset.UTC), () -> {
                roundStarted.countDown();
                awaitQuietly(borrowed);
                return Optional.of(Duration.ZERO);
            }, Duration.ofMinutes(2));
            try {
                racing.release(racing.borrow(), false);
                Thread round = new Thread(racing::maintain, "maintain");
                round.start();
                assertTrue(roundStarted.await(10, TimeUnit.SECONDS));
                RemoteSession mine = racing.borrow();
                borrowed.countDown();
                round.join(10_000);
                assertFalse(round.isAlive());
                assertTrue(mine.isConnected(), "the keep-alive round closed a session a worker had borrowed");
                assertEquals("/", mine.pwd());
                racing.release(mine, false);
            } finally {
                racing.close();
            }
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void neverMoreThanTheSiteLimit() throws Exception {
        RemoteSession a = pool.borrow();
        RemoteSession b = pool.borrow();
        Thread waiter = new Thread(() -> {
            try {
                pool.release(pool.borrow(), false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        waiter.start();
        waiter.join(300);
        assertTrue(waiter.isAlive(), "a third borrower must wait while two connections are out");
        pool.release(a, false);
        waiter.join(10_000);
        assertFalse(waiter.isAlive());
        pool.release(b, false);
        assertEquals(2, opened.get());
    }
}
