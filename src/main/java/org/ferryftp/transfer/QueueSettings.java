package org.ferryftp.transfer;

import java.time.Duration;

/**
 * Tunables of the queue.
 *
 * @param concurrency   transfers running at once across all sites (1..16, default 2)
 * @param maxAttempts   attempts per item before it fails (connection losses are retried)
 * @param keepAlive     idle time after which pooled connections get a NOOP
 * @param idleTimeout   idle time after which pooled connections are closed
 * @param historyLimit  finished items kept for the history view; older ones are forgotten
 * @param durableFiles  force downloaded files to disk before they appear under their name
 * @param relay         whether site-to-site copies may pass through Ferry
 */
public record QueueSettings(int concurrency, int maxAttempts, Duration keepAlive, Duration idleTimeout,
                            int historyLimit, boolean durableFiles, RelayPolicy relay) {

    public static final int MAX_CONCURRENCY = 16;
    public static final QueueSettings DEFAULT = new QueueSettings(2, 5, Duration.ofSeconds(30),
            Duration.ofMinutes(2), 10_000, false, RelayPolicy.NEVER);

    public QueueSettings {
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + MAX_CONCURRENCY + ", was " + concurrency);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public QueueSettings withConcurrency(int n) {
        return new QueueSettings(n, maxAttempts, keepAlive, idleTimeout, historyLimit, durableFiles, relay);
    }

    public QueueSettings withDurableFiles(boolean durable) {
        return new QueueSettings(concurrency, maxAttempts, keepAlive, idleTimeout, historyLimit, durable, relay);
    }

    public QueueSettings withRelay(RelayPolicy r) {
        return new QueueSettings(concurrency, maxAttempts, keepAlive, idleTimeout, historyLimit, durableFiles, r);
    }

    public QueueSettings withMaxAttempts(int n) {
        return new QueueSettings(concurrency, n, keepAlive, idleTimeout, historyLimit, durableFiles, relay);
    }
}
