package org.ferryftp.transfer;

import org.ferryftp.fs.Location;

import java.time.Duration;

/**
 * What a queue item looks like at one moment, for views and the command line.
 *
 * @param id             stable id within this queue
 * @param parentId       the directory item this came from, or 0
 * @param directory      true for a directory (expanded lazily into children)
 * @param direction      download, upload, site-to-site or relay
 * @param source         where it comes from (full path)
 * @param target         where it goes (full path)
 * @param priority       queue priority
 * @param state          queued, running, paused, done, failed, skipped or cancelled
 * @param size           total bytes, or -1 when unknown
 * @param bytesDone      bytes moved so far (including a resumed prefix)
 * @param bytesPerSecond speed over the last few seconds
 * @param eta            time left at that speed, or null when unknown
 * @param attempts       attempts started so far
 * @param ownTarget      what its own attempts wrote on a remote target, or null
 * @param note           something the user should know about how it went (e.g. why a partial file was
 *                       not resumed), or null
 */
public record ItemSnapshot(long id, long parentId, boolean directory, TransferDirection direction, Location source,
                           Location target, Priority priority, ItemState state, long size, long bytesDone,
                           double bytesPerSecond, Duration eta, int attempts, OwnTarget ownTarget, String note) {

    /** A snapshot with no remote target of its own and no note. */
    public ItemSnapshot(long id, long parentId, boolean directory, TransferDirection direction, Location source,
                        Location target, Priority priority, ItemState state, long size, long bytesDone,
                        double bytesPerSecond, Duration eta, int attempts) {
        this(id, parentId, directory, direction, source, target, priority, state, size, bytesDone, bytesPerSecond,
                eta, attempts, null, null);
    }

    /** A snapshot of an item that wrote a remote target of its own, without a note. */
    public ItemSnapshot(long id, long parentId, boolean directory, TransferDirection direction, Location source,
                        Location target, Priority priority, ItemState state, long size, long bytesDone,
                        double bytesPerSecond, Duration eta, int attempts, OwnTarget ownTarget) {
        this(id, parentId, directory, direction, source, target, priority, state, size, bytesDone, bytesPerSecond,
                eta, attempts, ownTarget, null);
    }

    /** A snapshot with a note and no remote target of its own. */
    public ItemSnapshot(long id, long parentId, boolean directory, TransferDirection direction, Location source,
                        Location target, Priority priority, ItemState state, long size, long bytesDone,
                        double bytesPerSecond, Duration eta, int attempts, String note) {
        this(id, parentId, directory, direction, source, target, priority, state, size, bytesDone, bytesPerSecond,
                eta, attempts, null, note);
    }

    /** Progress 0..1, or -1 when the size is unknown. */
    public double fraction() {
        if (size <= 0) {
            return size == 0 && state instanceof ItemState.Done ? 1 : -1;
        }
        return Math.min(1.0, (double) bytesDone / size);
    }
}
