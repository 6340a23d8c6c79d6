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
            if (!i.directory) {
                bytes += i.bytesDone;
                total += Math.max(0, i.size);
            }
        }
        return new QueueTotals(waiting, running, done, failed, bytes, total, bps);
    }

    /** True when nothing is waiting or running (paused items do not count as work left). */
    public boolean isIdle() {
        return waiting == 0 && running == 0;
    }
}
