package org.ferryftp.ui.queue;

import org.ferryftp.transfer.ItemState;
import org.junit.jupiter.api.Test;

import static org.ferryftp.ui.queue.QueueViewModelTest.item;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status bar's byte totals follow the queue's own rule (issue 15, defect 8): each file once, never more than
 * its size, and skipped, failed and cancelled files drop out, so an idle queue reads whole ("2 B of 2 B", not
 * "6 B of 2 B" or "2 B of 4 B").
 */
class SummaryTallyTest {

    @Test
    void aFileCountsAtMostItsSizeAndFilesThatDidNotGoThroughDropOut() {
        SummaryTally t = new SummaryTally();
        // A copy whose progress came from polling a larger leftover at the target.
        t.add(item(1, ItemState.DONE, 2, 6));
        t.add(item(2, new ItemState.Skipped("target exists"), 2, 0));
        t.add(item(3, new ItemState.Failed("refused"), 5, 3));
        t.add(item(4, ItemState.CANCELLED, 7, 1));
        QueueSummary s = t.summary();
        assertEquals(2, s.bytesDone());
        assertEquals(2, s.bytesTotal());

        // Replacing a snapshot subtracts exactly what its old one added.
        t.remove(item(1, ItemState.DONE, 2, 6));
        t.add(item(1, ItemState.QUEUED, 2, 0));
        assertEquals(0, t.summary().bytesDone());
        assertEquals(2, t.summary().bytesTotal());
    }
}
