package org.ferryftp.transfer;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which keep-alive interval a site's pool uses: its own when it has one, else the queue's. */
class SiteKeepAliveTest {

    @Test
    void aSitesOwnIntervalWinsAndZeroMeansNone() {
        SitePools pools = new SitePools(site -> {
            throw new AssertionError("no connection expected");
        }, Clock.systemUTC(), () -> QueueSettings.DEFAULT); // 30 s
        assertEquals(Optional.of(Duration.ofSeconds(30)), pools.keepAliveFor("site/a"), "no per-site source yet");

        Map<String, Duration> own = Map.of("site/a", Duration.ofSeconds(45), "site/b", Duration.ZERO);
        pools.setSiteKeepAlive(id -> Optional.ofNullable(own.get(id)));
        assertEquals(Optional.of(Duration.ofSeconds(45)), pools.keepAliveFor("site/a"));
        assertEquals(Optional.empty(), pools.keepAliveFor("site/b"), "zero: this site gets no NOOPs");
        assertEquals(Optional.of(Duration.ofSeconds(30)), pools.keepAliveFor("ftp://quick@host"),
                "a site without its own setting gets the queue's");
    }
}
