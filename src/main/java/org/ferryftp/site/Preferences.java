package org.ferryftp.site;

import org.ferryftp.transfer.QueueSettings;
import org.ferryftp.transfer.RelayPolicy;
import org.ferryftp.transfer.conflict.ConflictChoice;

/**
 * The user's defaults for transfers.
 *
 * @param concurrency     transfers at once (1..16)
 * @param maxAttempts     attempts per file before it fails
 * @param conflictDefault what to do when a target exists; null means ask
 * @param relay           whether site-to-site copies may pass through Ferry
 * @param bandwidthLimit  bytes per second for all transfers together, 0 for no limit
 * @param historyLimit    finished items kept in the queue's history
 * @param fsync           force downloads to disk before they appear under their name
 */
public record Preferences(int concurrency, int maxAttempts, ConflictChoice conflictDefault, RelayPolicy relay,
                          long bandwidthLimit, int historyLimit, boolean fsync) {

    public static final Preferences DEFAULTS = new Preferences(2, 5, null, RelayPolicy.NEVER, 0, 10_000, false);

    public Preferences {
        if (concurrency < 1 || concurrency > QueueSettings.MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be 1.." + QueueSettings.MAX_CONCURRENCY);
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("attempts must be 1..100");
        }
        if (bandwidthLimit < 0 || historyLimit < 0) {
            throw new IllegalArgumentException("limits cannot be negative");
        }
        if (relay == null) {
            throw new IllegalArgumentException("relay policy missing");
        }
    }

    /** True when conflicts are decided by asking the user. */
    public boolean asksOnConflict() {
        return conflictDefault == null;
    }

    /** The queue settings these preferences call for. */
    public QueueSettings queueSettings() {
        return new QueueSettings(concurrency, maxAttempts, QueueSettings.DEFAULT.keepAlive(),
                QueueSettings.DEFAULT.idleTimeout(), historyLimit, fsync, relay);
    }
}
