package org.ferryftp.transfer;

import org.ferryftp.fs.SiteRef;
import org.ferryftp.session.RemoteSession;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/** The queue's connection pools, one per site, and the keep-alive interval each of them uses. */
final class SitePools {

    private final Map<String, SitePool> pools = new ConcurrentHashMap<>();
    private final SessionFactory sessions;
    private final Clock clock;
    private final Supplier<QueueSettings> settings;
    private volatile Function<String, Optional<Duration>> siteKeepAlive = id -> Optional.empty();

    /** @param settings the queue's current settings (keep-alive and idle timeout) */
    SitePools(SessionFactory sessions, Clock clock, Supplier<QueueSettings> settings) {
        this.sessions = sessions;
        this.clock = clock;
        this.settings = settings;
    }

    SitePool of(SiteRef site) {
        return pools.computeIfAbsent(site.id(), id -> new SitePool(site, sessions, clock, () -> keepAliveFor(id),
                settings.get().idleTimeout()));
    }

    void setSiteKeepAlive(Function<String, Optional<Duration>> perSite) {
        siteKeepAlive = perSite;
    }

    /** The site's own interval if it has one (zero: no keep-alive for it), else the queue's. */
    Optional<Duration> keepAliveFor(String siteId) {
        Optional<Duration> own = siteKeepAlive.apply(siteId);
        if (own.isPresent()) {
            return own.get().isZero() || own.get().isNegative() ? Optional.empty() : own;
        }
        return Optional.of(settings.get().keepAlive());
    }

    /** Keep-alives for idle sessions, and closing those idle too long. */
    void maintain() {
        pools.values().forEach(SitePool::maintain);
    }

    /**
     * Closes every pool. Each session's goodbye waits for the server's reply (FTP's QUIT), so they all go at once
     * rather than one after another.
     */
    void close() {
        List<RemoteSession> idle = new ArrayList<>();
        pools.values().forEach(p -> idle.addAll(p.closeAndTakeIdle()));
        List<Thread> others = new ArrayList<>();
        for (RemoteSession s : idle.subList(Math.min(1, idle.size()), idle.size())) {
            Thread t = new Thread(s::close, "ferry-close");
            t.setDaemon(true);
            t.start();
            others.add(t);
        }
        if (!idle.isEmpty()) {
            idle.get(0).close();
        }
        try {
            for (Thread t : others) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the rest say goodbye on their own; each wait is bounded
        }
    }
}
