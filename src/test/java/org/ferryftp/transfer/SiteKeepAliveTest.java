package org.ferryftp.transfer;

import org.ferryftp.transfer.conflict.ConflictPolicy;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which keep-alive interval a site's pool uses: its own when it has one, else the queue's. */
class SiteKeepAliveTest {

    @Test
    void aSitesOwnIntervalWinsAndZeroMeansNone() {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        try {
            QueueSettings settings = QueueSettings.DEFAULT; // 30 s
            ItemRunner runner = new ItemRunner(site -> {
                throw new AssertionError("no connection expected");
            }, ConflictPolicy.fixed(org.ferryftp.transfer.conflict.ConflictChoice.SKIP),
                    RetryPolicy.defaults(new java.util.Random(1)), new BandwidthLimiter(0, System::nanoTime, Sleeper.system()), Clock.systemUTC(),
                    settings, timers, SiteToSite.DEFAULTS);
            assertEquals(Optional.of(Duration.ofSeconds(30)), runner.keepAliveFor("site/a"), "no per-site source yet");

            Map<String, Duration> own = Map.of("site/a", Duration.ofSeconds(45), "site/b", Duration.ZERO);
            runner.setSiteKeepAlive(id -> Optional.ofNullable(own.get(id)));
            assertEquals(Optional.of(Duration.ofSeconds(45)), runner.keepAliveFor("site/a"));
            assertEquals(Optional.empty(), runner.keepAliveFor("site/b"), "zero: this site gets no NOOPs");
            assertEquals(Optional.of(Duration.ofSeconds(30)), runner.keepAliveFor("ftp://quick@host"),
                    "a site without its own setting gets the queue's");
        } finally {
            timers.shutdownNow();
        }
    }
}
