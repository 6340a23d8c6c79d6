package org.ferryftp.transfer;

/**
 * The whole queue at a glance, for the status bar and the command line's progress line.
 */
public record QueueTotals(int waiting, int running, int done, int failed, long bytesDone, long bytesKnownTotal,
                          double bytesPerSecond) {

    /** True when nothing is waiting or running (paused items do not count as work left). */
    public boolean isIdle() {
        return waiting == 0 && running == 0;
    }
}
