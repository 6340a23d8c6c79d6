package org.ferryftp.ui.queue;

/**
 * The whole queue at a glance, for the status bar: counts per state, bytes and speed.
 *
 * @param queued         waiting items
 * @param running        running items
 * @param paused         paused items
 * @param failed         items failed for good
 * @param finished       done, skipped or cancelled items
 * @param bytesDone      bytes moved by file items
 * @param bytesTotal     known total size of file items
 * @param bytesPerSecond summed speed of running items
 * @param finishedFiles  finished items that are files (not folders): done, skipped or cancelled
 * @param transferredFiles finished files that are done, not skipped or cancelled
 */
public record QueueSummary(int queued, int running, int paused, int failed, int finished, long bytesDone,
                           long bytesTotal, double bytesPerSecond, int finishedFiles,
                           int transferredFiles) {

    public static final QueueSummary EMPTY = new QueueSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Overall progress 0..1, or -1 when no size is known yet. */
    public double fraction() {
        return bytesTotal <= 0 ? -1 : Math.min(1.0, (double) bytesDone / bytesTotal);
    }

    /** True when nothing waits or runs (paused items are not work the queue will do by itself). */
    public boolean isIdle() {
        return queued == 0 && running == 0;
    }

    public int total() {
        return queued + running + paused + failed + finished;
    }
}
