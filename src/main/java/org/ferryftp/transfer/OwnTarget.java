package org.ferryftp.transfer;

import java.time.Instant;

/**
 * What an item's own attempts wrote on a remote target, kept with the item (and in the queue journal) so a
 * retry or a restart continues it instead of taking it for someone else's file.
 *
 * @param path       where the item's bytes are: the temporary name, or the final name (a direct upload, or
 *                   after the rename)
 * @param finalPath  the name the file gets when complete
 * @param sizeBefore size of {@code finalPath} before the item first wrote, or -1 when it did not exist (then
 *                   an existing file there at the rename is someone else's, not to be replaced)
 * @param timeBefore its modification time (MDTM) then, or null
 * @param sourceSize size of the source when the item first wrote
 * @param sourceTime its modification time then, or null; with the size, whether a partial is still a prefix
 * @param written    where the current attempt starts sending (the prefix it continues), and after a send the
 *                   bytes sent to {@code path} including that prefix (the server may have kept fewer)
 */
public record OwnTarget(String path, String finalPath, long sizeBefore, Instant timeBefore, long sourceSize,
                        Instant sourceTime, long written) {

    public boolean existedBefore() {
        return sizeBefore >= 0;
    }

    /** Whether the partial at {@code path} can still be a prefix of a source of this size and time. */
    boolean sameSource(long size, Instant time) {
        return size == sourceSize && java.util.Objects.equals(time, sourceTime);
    }

    OwnTarget at(String newPath) {
        return new OwnTarget(newPath, finalPath, sizeBefore, timeBefore, sourceSize, sourceTime, written);
    }

    OwnTarget withWritten(long bytes) {
        return new OwnTarget(path, finalPath, sizeBefore, timeBefore, sourceSize, sourceTime, bytes);
    }
}
