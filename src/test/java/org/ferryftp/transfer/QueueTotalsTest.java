package org.ferryftp.transfer;

import org.ferryftp.fs.FileEntry;
import org.ferryftp.fs.Location;
import org.ferryftp.session.EntryKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The status bar's "X of Y": each item once, what it still had to move, never more done than in all. */
class QueueTotalsTest {

    static final long MIB = 1 << 20;
    long ids;

    TransferItem file(long size, ItemState state, long done) {
        FileEntry facts = new FileEntry("f", EntryKind.FILE, size, null, "", "", "", null);
        TransferItem item = new TransferItem(++ids, 0, false, TransferDirection.DOWNLOAD, Location.local("/s" + ids),
                Location.local("/t" + ids), facts, Priority.NORMAL, () -> new SpeedMeter(System::nanoTime));
        item.state = state;
        item.bytesDone = done;
        return item;
    }

    @Test
    void skippedAndFailedItemsDropOutSoAnIdleQueueIsWhole() {
        QueueTotals t = QueueTotals.of(List.of(
                file(300 * MIB, ItemState.DONE, 300 * MIB),
                file(300 * MIB, new ItemState.Skipped("target exists"), 0),
                file(300 * MIB, new ItemState.Failed("refused"), 120 * MIB)));
        assertEquals(300 * MIB, t.bytesKnownTotal());
        assertEquals(300 * MIB, t.bytesDone());
    }

    @Test
    void aResumedItemCountsWhatItStillHadToMove() {
        TransferItem resumed = file(1024 * MIB, ItemState.RUNNING, 700 * MIB);
        resumed.startedFrom(400 * MIB); // 400 MiB were there from an earlier run
        resumed.startedFrom(650 * MIB); // a retry in this run resumes later: the first start counts
        QueueTotals t = QueueTotals.of(List.of(resumed, file(0, ItemState.QUEUED, 0)));
        assertEquals(624 * MIB, t.bytesKnownTotal());
        assertEquals(300 * MIB, t.bytesDone());
    }

    @Test
    void doneNeverExceedsTheTotal() {
        // A size that was unknown, or bytes that overshoot after a retry that started over.
        QueueTotals t = QueueTotals.of(List.of(
                file(-1, ItemState.RUNNING, 5 * MIB),
                file(10 * MIB, ItemState.RUNNING, 14 * MIB)));
        assertEquals(t.bytesKnownTotal(), t.bytesDone());
        assertEquals(15 * MIB, t.bytesKnownTotal());
    }
}
