package org.ferryftp.ui.queue;

import org.ferryftp.transfer.ItemSnapshot;
import org.ferryftp.transfer.ItemState;
import org.ferryftp.transfer.QueueTotals;

/**
 * Keeps the {@link QueueSummary} up to date incrementally: each changed row subtracts its old snapshot and
 * adds its new one, so a batch costs O(changed rows) instead of a walk over 100,000 items ten times a
 * second (and the FX thread never has to take the queue's lock for {@code TransferQueue.totals()}).
 */
final class SummaryTally {

    private int queued;
    private int running;
    private int paused;
    private int failed;
    private int finished;
    /** Finished items that are files (folders are not files). */
    private int finishedFiles;
    /** Those of them done: what "n files transferred" counts (skipped and cancelled ones were not copied). */
    private int transferredFiles;
    private long bytesDone;
    private long bytesTotal;
    private double bytesPerSecond;

    void add(ItemSnapshot s) {
        apply(s, 1);
    }

    void remove(ItemSnapshot s) {
        apply(s, -1);
    }

    private void apply(ItemSnapshot s, int sign) {
        ItemState state = s.state();
        if (state instanceof ItemState.Queued) {
            queued += sign;
        } else if (state instanceof ItemState.Running) {
            running += sign;
            bytesPerSecond += sign * s.bytesPerSecond();
        } else if (state instanceof ItemState.Paused) {
            paused += sign;
        } else if (state instanceof ItemState.Failed) {
            failed += sign;
        } else {
            finished += sign;
            finishedFiles += s.directory() ? 0 : sign;
            transferredFiles += !s.directory() && state instanceof ItemState.Done ? sign : 0;
        }
        // As TransferQueue.totals(): directories count through their children, each file at most its size,
        // and files that were skipped, failed or cancelled drop out, so an idle queue reads whole.
        if (!s.directory() && QueueTotals.countsBytes(state)) {
            long total = s.size() >= 0 ? s.size() : s.bytesDone();
            bytesDone += sign * Math.min(s.bytesDone(), total);
            bytesTotal += sign * total;
        }
    }

    QueueSummary summary() {
        // Floating-point sums drift when added and removed many times; never show a negative speed.
        double speed = running == 0 ? 0 : Math.max(0, bytesPerSecond);
        if (running == 0) {
            bytesPerSecond = 0;
        }
        return new QueueSummary(queued, running, paused, failed, finished, bytesDone, bytesTotal, speed, finishedFiles,
                transferredFiles);
    }
}
