package org.ferryftp.transfer.journal;

import org.ferryftp.fs.Location;
import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.OwnTarget;
import org.ferryftp.transfer.Priority;
import org.ferryftp.transfer.TransferDirection;

import java.util.List;

/** One line of the journal. Sites appear only as ids: the journal never holds settings or passwords. */
sealed interface JournalRecord {

    /** First line of every journal file; a reader refuses versions it does not know. */
    record Header(int version) implements JournalRecord {
    }

    /** A place as the journal stores it: {@code siteId} null for the local disk. */
    record Place(String siteId, String path) {

        public Place {
            // A queue's items come from a handful of sites: one copy of each id, not one per restored item.
            siteId = siteId == null ? null : siteId.intern();
        }

        static Place of(Location l) {
            return new Place(l.isLocal() ? null : l.site().id(), l.path());
        }
    }

    /** An item entered the queue (or, after compaction, an item that is still live). */
    record Added(long id, long parentId, boolean directory, TransferDirection direction, Place source, Place target,
                 Priority priority, long size, ItemState state, long bytesDone) implements JournalRecord {

        static Added of(ItemSnapshot s) {
            return new Added(s.id(), s.parentId(), s.directory(), s.direction(), Place.of(s.source()),
                    Place.of(s.target()), s.priority(), s.size(), s.state(), s.bytesDone());
        }

        Added with(ItemState newState, long newBytesDone) {
            return new Added(id, parentId, directory, direction, source, target, priority, size, newState,
                    newBytesDone);
        }

        Added withPriority(Priority p) {
            return new Added(id, parentId, directory, direction, source, target, p, size, state, bytesDone);
        }
    }

    /** The item's state (and priority, which the user may change while it waits) changed. */
    record StateChanged(long id, ItemState state, Priority priority, long bytesDone) implements JournalRecord {
    }

    /** Bytes moved so far; informational only, a resume starts from the partial file on disk. */
    record Progress(long id, long bytesDone) implements JournalRecord {
    }

    /** What an item's own attempts wrote on a remote target, so a restart continues it (see {@link OwnTarget}). */
    record Wrote(long id, OwnTarget own) implements JournalRecord {
    }

    /** Items forgotten (history trimmed or cleared); they must not come back. */
    record Removed(List<Long> ids) implements JournalRecord {

        public Removed {
            ids = List.copyOf(ids);
        }
    }
}
