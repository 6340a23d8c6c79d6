package org.ferryftp.transfer;

/**
 * The whole queue at a glance, for the status bar and the command line's progress line.
 */
public record QueueTotals(int waiting, int running, int done, int failed, long bytesDone, long bytesKnownTotal,
                          double bytesPerSecond) {

    /** Totals over the queue's items; the caller holds the queue's lock. */
    static QueueTotals of(Iterable<TransferItem> items) {
        int waiting = 0;
        int running = 0;
        int done = 0;
        int failed = 0;
        long bytes = 0;
        long total = 0;
        double bps = 0;
        for (TransferItem i : items) {
            ItemState s = i.state;
            if (s instanceof ItemState.Queued) {
                waiting++;
            } else if (s instanceof ItemState.Running) {
                running++;
                bps += i.bytesPerSecond();
            } else if (s instanceof ItemState.Done) {
                done++;
            } else if (s instanceof ItemState.Failed) {
                failed++;
            }
            // Each file once, with what it still had to move; skipped, failed and cancelled ones drop out, so
            // an idle queue reads whole. An unknown size counts what moved, so done never exceeds the total.
            if (!i.directory && countsBytes(s)) {
                long moved = i.bytesMoved();
                long toMove = i.size >= 0 ? Math.max(i.bytesToMove(), s instanceof ItemState.Done ? moved : 0) : moved;
                bytes += Math.min(moved, toMove);
                total += toMove;
            }
        }
        return new QueueTotals(waiting, running, done, failed, bytes, total, bps);
    }

    /**
     * Whether a file in state {@code s} counts towards the byte totals: skipped, failed and cancelled files drop
     * out, so an idle queue reads whole. The window's status bar keeps the same rule.
     */
    public static boolean countsBytes(ItemState s) {
        return !(s instanceof ItemState.Skipped || s instanceof ItemState.Failed || s instanceof ItemState.Cancelled);
    }

    /** True when nothing is waiting or running (paused items do not count as work left). */
    public boolean isIdle() {
        return waiting == 0 && running == 0;
    }
}
