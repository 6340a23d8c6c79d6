package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.ftp.FtpSession;
import org.ferryftp.ftp.LogListener;
import org.ferryftp.testsupport.ScriptedFtpServer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions of two sites borrowed together, as site-to-site copies borrow them. */
class SiteConnectionsTest {

    final RunContext run = new RunContext(null, abort -> { }, () -> { });

    static SiteRef site(String id, ScriptedFtpServer server) {
        return new SiteRef(id, id, server.sessionSettings(), 2);
    }

    /** The queue's connections with FTP sessions; {@code timers} is the queue's other thread. */
    static SiteConnections connections(ScheduledThreadPoolExecutor timers) {
        SessionFactory sessions = s -> {
            FtpSession session = new FtpSession(s.settings(), LogListener.NONE);
            session.connect();
            return session;
        };
        return new SiteConnections(sessions, Clock.systemUTC(), () -> QueueSettings.DEFAULT,
                new BandwidthLimiter(0, System::nanoTime, Sleeper.system()), timers);
    }

    @Test
    void idleSessionsOfTwoSitesAreTakenOnTheCallersThreadOnlyLoginsGoToAnother() throws Exception {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        SiteConnections connections = connections(timers);
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            SiteRef siteA = site("A", a);
            SiteRef siteB = site("B", b);
            // The first borrow logs in to both at once: one of the logins on the queue's other thread.
            connections.withTwoSessions(run, siteA, siteB, (src, dst) -> null);
            // No other thread from now on: the idle sessions must not need one (a hand-over costs a wake-up).
            timers.shutdown();
            String dirs = connections.withTwoSessions(run, siteA, siteB, (src, dst) -> src.pwd() + dst.pwd());
            assertEquals("//", dirs);
            assertEquals(1, a.connectionCount(), "the idle session was reused");
            assertEquals(1, b.connectionCount());
        } finally {
            timers.shutdownNow();
            connections.closePools();
        }
    }

    @Test
    void closingThePoolsSaysGoodbyeToAllSitesAtOnce() throws Exception {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
        SiteConnections connections = connections(timers);
        try (ScriptedFtpServer a = new ScriptedFtpServer(); ScriptedFtpServer b = new ScriptedFtpServer()) {
            connections.withTwoSessions(run, site("A", a), site("B", b), (src, dst) -> null);
            // Neither server answers QUIT: a session waits up to 2 s for its goodbye.
            a.stall("QUIT");
            b.stall("QUIT");
            Thread closing = new Thread(connections::closePools);
            closing.start();
            assertTrue(a.awaitCommand("QUIT", java.time.Duration.ofMillis(1500)), "A got its QUIT");
            assertTrue(b.awaitCommand("QUIT", java.time.Duration.ofMillis(1500)),
                    "B got its QUIT while A's was still waiting, not after");
            closing.join(10_000);
            assertFalse(closing.isAlive());
        } finally {
            timers.shutdownNow();
        }
    }
}
