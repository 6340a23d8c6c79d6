package org.ferryftp.transfer;

import org.ferryftp.transfer.conflict.ConflictChoice;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;

import org.ferryftp.session.TimePrecision;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One file or directory in the queue. Mutable, owned by {@link TransferQueue}: the worker running
 * it updates progress; everything else changes under the queue's lock.
 */
final class TransferItem {

    final long id;
    final long parentId;
    final boolean directory;
    final TransferDirection direction;
    final Location source;
    final Location target;
    /**
     * Whether a listing (or, after a restart, the journal) gave the source's facts, and the size and time it gave
     * (-1 and null where it gave none). Only these two are kept of the listing's entry: 100,000 items should not
     * each hold a name, owner and permissions that nothing reads (issue 18).
     */
    final boolean listed;
    final long listedSize;
    final Instant listedTime;
    /** Whether {@link #listedTime} is to the second (MLSD, SFTP), not the minute or day of a LIST line. */
    final boolean listedTimeToTheSecond;
    /** What to do with an existing target when the user already said (not journaled); null: the queue's policy. */
    final ConflictChoice onConflict;
    volatile Priority priority;
    volatile ItemState state = ItemState.QUEUED;
    volatile long size;
    volatile long bytesDone;
    volatile int attempts;
    /** What this item's own attempts wrote on a remote target; null until it first writes one. */
    volatile OwnTarget ownTarget;
    /** Bytes already at the target when the item first ran in this process (a resume); -1 before it ran. */
    private volatile long startOffset = -1;
    /** Restored from a journal that had it running: Ferry stopped while it ran, perhaps after its file was in place. */
    volatile boolean runningWhenFerryStopped;
    /** Set when the user pauses or cancels a running item, so the worker knows why it stopped. */
    volatile ItemState stopRequest;
    /** What the user should know about how the last run went (e.g. a partial file started over), or null. */
    volatile String note;
    /** Made when the item first runs: 100,000 waiting items should not each carry a meter. */
    private final Supplier<SpeedMeter> meters;
    private volatile SpeedMeter speed;

    TransferItem(long id, long parentId, boolean directory, TransferDirection direction, Location source,
                 Location target, FileEntry sourceFacts, Priority priority, Supplier<SpeedMeter> meters) {
        this(id, parentId, directory, direction, source, target, sourceFacts, priority, meters, null);
    }

    TransferItem(long id, long parentId, boolean directory, TransferDirection direction, Location source,
                 Location target, FileEntry sourceFacts, Priority priority, Supplier<SpeedMeter> meters,
                 ConflictChoice onConflict) {
        this.onConflict = onConflict;
        this.id = id;
        this.parentId = parentId;
        this.directory = directory;
        this.direction = direction;
        this.source = source;
        this.target = target;
        this.listed = sourceFacts != null;
        this.listedSize = sourceFacts != null ? sourceFacts.size() : -1;
        this.listedTime = sourceFacts != null ? sourceFacts.modified() : null;
        this.listedTimeToTheSecond = sourceFacts != null && sourceFacts.precision() == TimePrecision.SECOND;
        this.priority = priority;
        this.size = sourceFacts != null && !directory ? sourceFacts.size() : -1;
        this.meters = meters;
    }

    SpeedMeter speed() {
        SpeedMeter m = speed;
        if (m == null) {
            synchronized (this) {
                if (speed == null) {
                    speed = meters.get();
                }
                m = speed;
            }
        }
        return m;
    }

    /** Current speed; 0 for an item that never ran. */
    double bytesPerSecond() {
        SpeedMeter m = speed;
        return m == null ? 0 : m.bytesPerSecond();
    }

    /** The sites this item holds connections to while it runs. */
    String[] siteIds() {
        if (source.isLocal()) {
            return new String[] {target.site().id()};
        }
        if (target.isLocal()) {
            return new String[] {source.site().id()};
        }
        return source.site().id().equals(target.site().id()) ? new String[] {source.site().id()}
                : new String[] {source.site().id(), target.site().id()};
    }

    /** Where this item writes, as one key: two items with the same key write the same file. */
    String targetKey() {
        return placeKey(target);
    }

    /** Where this item reads from and writes to, as one key: each entry of a directory's listing has its own. */
    String placesKey() {
        return placeKey(source) + '\n' + placeKey(target);
    }

    private static String placeKey(Location l) {
        return (l.isLocal() ? "" : l.site().id()) + '\n' + l.path();
    }

    ItemSnapshot snapshot() {
        long total = size;
        long done = bytesDone;
        double bps = state instanceof ItemState.Running ? bytesPerSecond() : 0;
        Duration eta = total > 0 && bps > 0 ? speed().eta(total - done).orElse(null) : null;
        return new ItemSnapshot(id, parentId, directory, direction, source, target, priority, state, total, done,
                bps, eta, attempts, ownTarget, note);
    }

    /** Records where a run starts; only the first run in this process counts for the totals. */
    void startedFrom(long offset) {
        if (startOffset < 0) {
            startOffset = offset;
        }
    }

    /** What the item had to move in this process: its size less what was there when it first ran. */
    long bytesToMove() {
        return Math.max(0, size - Math.max(0, startOffset));
    }

    /** What it moved of that so far. */
    long bytesMoved() {
        return Math.max(0, bytesDone - Math.max(0, startOffset));
    }
}
